package ai.honeyhive.internal.http;

import ai.honeyhive.client.api.ExperimentsApi;
import ai.honeyhive.client.model.CreateRunRequest;
import ai.honeyhive.client.model.CreateRunResponse;
import ai.honeyhive.client.model.ExperimentCompareEventsResponse;
import ai.honeyhive.client.model.ExperimentComparisonResponse;
import ai.honeyhive.client.model.ExperimentSummaryResponse;
import ai.honeyhive.client.model.UpdateRunRequest;
import java.util.UUID;
import retrofit2.Retrofit;

/**
 * HoneyHive's run routes, for experiments: {@code POST /v1/runs} and {@code PUT /v1/runs/{run_id}}, through the same
 * retries and error mapping as every other call. A disabled client's gateway sends nothing and confirms the run id it
 * was given.
 */
public final class RunsGateway {
  private final ExperimentsApi runs;
  private final Calls calls;

  private RunsGateway(ExperimentsApi runs, Calls calls) {
    this.runs = runs;
    this.calls = calls;
  }

  /** The gateway of a client that sends. */
  public static RunsGateway of(Retrofit retrofit, Calls calls) {
    return new RunsGateway(retrofit.create(ExperimentsApi.class), calls);
  }

  /** The gateway of a disabled client. */
  public static RunsGateway disabled() {
    return new RunsGateway(null, null);
  }

  /**
   * Creates a run and returns its id as the server answered it (the one sent when the answer has none).
   *
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public String postRun(CreateRunRequest request) {
    if (calls == null) {
      return request.getRunId();
    }
    CreateRunResponse created = calls.sendReading("POST /v1/runs", runs.createRun(request));
    return created != null && created.getRunId() != null ? created.getRunId() : request.getRunId();
  }

  /**
   * Updates the run {@code runId}.
   *
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public void putRun(UUID runId, UpdateRunRequest request) {
    if (calls != null) {
      calls.send("PUT /v1/runs/" + runId, runs.updateRun(runId, request));
    }
  }

  /**
   * Reads a run's summary, its metrics aggregated with {@code aggregation}.
   *
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries (404: no such run, or the
   *     client is disabled)
   */
  public ExperimentSummaryResponse getSummary(UUID runId, String aggregation) {
    String request = "GET /v1/runs/" + runId + "/summary";
    if (calls == null) {
      throw Answers.disabled(request);
    }
    return Answers.required(request, calls.execute(request, runs.getExperimentSummary(runId, aggregation, null)));
  }

  /**
   * Compares two runs on their common datapoints.
   *
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public ExperimentComparisonResponse getComparison(UUID newRunId, UUID oldRunId, String aggregation) {
    String request = "GET /v1/runs/" + newRunId + "/compare/" + oldRunId;
    if (calls == null) {
      throw Answers.disabled(request);
    }
    return Answers.required(request, calls.execute(request,
        runs.getExperimentComparison(newRunId, oldRunId, aggregation, null)));
  }



  /**
   * Reads one page of the event pairs of two runs.
   *
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public ExperimentCompareEventsResponse getPairs(UUID newRunId, UUID oldRunId, String eventName, int limit,
      int page) {
    String request = "GET /v1/runs/" + newRunId + "/compare/" + oldRunId + "/events";
    if (calls == null) {
      throw Answers.disabled(request);
    }
    return Answers.required(request, calls.execute(request,
        runs.getExperimentCompareEvents(newRunId, oldRunId, eventName, null, null, limit, page)));
  }
}
