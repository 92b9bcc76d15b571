package ai.honeyhive;

import ai.honeyhive.client.model.ExperimentCompareEventsResponse;
import ai.honeyhive.client.model.ExperimentComparisonResponse;
import ai.honeyhive.client.model.ExperimentEventPair;
import ai.honeyhive.client.model.ExperimentMetricComparison;
import ai.honeyhive.client.model.ExperimentMetricDetail;
import ai.honeyhive.client.model.ExperimentSummaryResponse;
import ai.honeyhive.internal.http.RunsGateway;
import ai.honeyhive.internal.wire.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads experiment runs back from HoneyHive: a run's summary, the comparison of two runs, and their events paired by
 * datapoint. Returned by
 * {@link HoneyHive#runs()}. Thread-safe; every call is one request, made on the calling thread.
 */
public final class Runs {
  /** How many event pairs one page asks for: HoneyHive's maximum. */
  private static final int PAIRS_PAGE = 1000;

  private final RunsGateway gateway;

  Runs(RunsGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Returns the summary of the run {@code runId}, its metrics averaged.
   *
   * @param runId the run's id ({@link ExperimentResult#runId()}), a UUID
   * @return the summary
   * @throws IllegalArgumentException if {@code runId} is not a UUID
   * @throws ai.honeyhive.errors.NotFoundException if HoneyHive has no such run
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public RunSummary summary(String runId) {
    return summary(runId, Aggregation.AVERAGE);
  }

  /**
   * Returns the summary of the run {@code runId}, its metrics aggregated with {@code aggregation}.
   *
   * @param runId the run's id, a UUID
   * @param aggregation how to aggregate each metric
   * @return the summary
   * @throws IllegalArgumentException if {@code runId} is not a UUID
   * @throws NullPointerException if {@code aggregation} is null
   * @throws ai.honeyhive.errors.NotFoundException if HoneyHive has no such run
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public RunSummary summary(String runId, Aggregation aggregation) {
    UUID id = Ids.parse("runId", runId);
    Checks.notNull("aggregation", aggregation);
    ExperimentSummaryResponse summary = gateway.getSummary(id, aggregation.wireName());
    List<MetricSummary> metrics = new ArrayList<>();
    if (summary.getMetrics() != null && summary.getMetrics().getDetails() != null) {
      for (ExperimentMetricDetail detail : summary.getMetrics().getDetails()) {
        metrics.add(new MetricSummary(detail.getMetricName(), detail.getEventName(), detail.getEventType(),
            number(detail.getAggregate())));
      }
    }
    return new RunSummary(id.toString(), summary.getStatus(), aggregation, metrics, orEmpty(summary.getPassed()),
        orEmpty(summary.getFailed()));
  }

  /**
   * Compares the run {@code newRunId} with the run {@code oldRunId} on their common datapoints, metrics averaged.
   *
   * @param newRunId the newer run's id, a UUID
   * @param oldRunId the older run's id, a UUID
   * @return the comparison
   * @throws IllegalArgumentException if an id is not a UUID
   * @throws ai.honeyhive.errors.NotFoundException if HoneyHive has no such run
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public RunComparison compare(String newRunId, String oldRunId) {
    return compare(newRunId, oldRunId, Aggregation.AVERAGE);
  }

  /**
   * Compares two runs as {@link #compare(String, String)} does, metrics aggregated with {@code aggregation}.
   *
   * @param newRunId the newer run's id, a UUID
   * @param oldRunId the older run's id, a UUID
   * @param aggregation how to aggregate each metric
   * @return the comparison
   * @throws IllegalArgumentException if an id is not a UUID
   * @throws NullPointerException if {@code aggregation} is null
   * @throws ai.honeyhive.errors.NotFoundException if HoneyHive has no such run
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public RunComparison compare(String newRunId, String oldRunId, Aggregation aggregation) {
    UUID newId = Ids.parse("newRunId", newRunId);
    UUID oldId = Ids.parse("oldRunId", oldRunId);
    Checks.notNull("aggregation", aggregation);
    ExperimentComparisonResponse comparison = gateway.getComparison(newId, oldId, aggregation.wireName());
    List<MetricChange> metrics = new ArrayList<>();
    if (comparison.getMetrics() != null) {
      for (ExperimentMetricComparison metric : comparison.getMetrics()) {
        metrics.add(new MetricChange(metric.getMetricName(), number(metric.getOldAggregate()),
            number(metric.getNewAggregate()), number(metric.getDifference()), number(metric.getPercentageChange())));
      }
    }
    return new RunComparison(newId.toString(), oldId.toString(), metrics, orEmpty(comparison.getCommonDatapoints()));
  }

  /**
   * Returns, for each datapoint both runs ran, the two events named {@code eventName} (an experiment's task chain is
   * {@code "task"} unless {@link Experiment#taskName} said otherwise), read a page of up to 1000 pairs at a time.
   *
   * @param newRunId the newer run's id, a UUID
   * @param oldRunId the older run's id, a UUID
   * @param eventName the events' name, or null for every event pair HoneyHive returns
   * @return the pairs
   * @throws IllegalArgumentException if an id is not a UUID
   * @throws ai.honeyhive.errors.NotFoundException if HoneyHive has no such run
   * @throws ai.honeyhive.errors.HoneyHiveException if a call fails after its retries
   */
  public List<DatapointPair> pairs(String newRunId, String oldRunId, String eventName) {
    UUID newId = Ids.parse("newRunId", newRunId);
    UUID oldId = Ids.parse("oldRunId", oldRunId);
    List<DatapointPair> pairs = new ArrayList<>();
    for (int page = 1; ; page++) {
      ExperimentCompareEventsResponse answer = gateway.getPairs(newId, oldId, eventName, PAIRS_PAGE, page);
      List<ExperimentEventPair> events = answer.getEvents() == null ? List.of() : answer.getEvents();
      for (ExperimentEventPair pair : events) {
        pairs.add(new DatapointPair(pair.getDatapointId(), pair.getEvent1(), pair.getEvent2()));
      }
      Integer total = answer.getTotalEvents();
      if (events.size() < PAIRS_PAGE || (total != null && pairs.size() >= total)) {
        return pairs;
      }
    }
  }

  private static Double number(Number value) {
    return value == null ? null : value.doubleValue();
  }

  private static List<String> orEmpty(List<String> ids) {
    return ids == null ? List.of() : ids;
  }

  @Override
  public String toString() {
    return "Runs{}";
  }
}
