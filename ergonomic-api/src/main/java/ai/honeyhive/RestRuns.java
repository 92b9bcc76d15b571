package ai.honeyhive;

import ai.honeyhive.client.model.CreateRunRequest;
import ai.honeyhive.client.model.RunStatus;
import ai.honeyhive.client.model.UpdateRunRequest;
import ai.honeyhive.internal.http.RunsGateway;
import ai.honeyhive.internal.wire.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunApi} over HoneyHive's REST routes. The run is created with every field HoneyHive's Python SDK sends
 * ({@code name}, {@code run_id}, {@code status: pending}, {@code event_ids: []}, {@code datapoint_ids},
 * {@code configuration}, {@code metadata}; {@code dataset_id} only for a stored dataset). It is finished with its
 * status, its sessions in {@code event_ids} and the whole metadata again: whether HoneyHive merges or replaces
 * {@code metadata} on update is not documented, and sending it whole keeps it either way. The run id the server
 * answers wins, as in HoneyHive's SDK, unless it is not a UUID: the run routes take UUIDs in their paths, so the run
 * keeps the UUID it was created with (logged).
 */
final class RestRuns implements RunApi {
  private static final Logger log = LoggerFactory.getLogger(Experiment.class);

  private final RunsGateway gateway;
  private final Runs reads;

  RestRuns(RunsGateway gateway) {
    this.gateway = gateway;
    this.reads = new Runs(gateway);
  }

  @Override
  public RunSummary summary(String runId) {
    try {
      return reads.summary(runId);
    } catch (RuntimeException e) { // the run ran and was finished: a summary that cannot be read fails nothing
      log.warn("could not read the summary of run {}: {}", runId, e.toString());
      return null;
    }
  }

  @Override
  public String create(String runId, String name, String datasetId, List<String> datapointIds,
      Map<String, Object> configuration, Map<String, Object> metadata) {
    CreateRunRequest request = new CreateRunRequest()
        .runId(runId)
        .name(name)
        .status(RunStatus.PENDING)
        .eventIds(new ArrayList<>())
        .datapointIds(new ArrayList<>(datapointIds))
        ._configuration(new LinkedHashMap<>(configuration))
        .metadata(new LinkedHashMap<>(metadata));
    if (datasetId != null) {
      request.datasetId(datasetId);
    }
    String answered = gateway.postRun(request);
    if (Ids.parseOrNull(answered) == null) {
      // HoneyHive's run routes take UUIDs in their paths: an id that is not one could not be finished. Keep ours,
      // which the server was sent (whether non-UUID run ids exist is an open question of HoneyHive's API).
      log.warn("POST /v1/runs answered run_id '{}', not a UUID; keeping the run id sent, {}", answered, runId);
      return runId;
    }
    return answered;
  }

  @Override
  public void finish(String runId, String name, String status, List<String> sessionIds,
      Map<String, Object> metadata) {
    gateway.putRun(Ids.parse("runId", runId), new UpdateRunRequest()
        .name(name)
        .status(RunStatus.fromValue(status))
        .eventIds(new ArrayList<>(sessionIds))
        .metadata(new LinkedHashMap<>(metadata)));
  }
}
