package ai.honeyhive;

import java.util.List;

/**
 * HoneyHive's summary of a run ({@code GET /v1/runs/{run_id}/summary}): each metric aggregated, and which datapoints
 * passed. Immutable.
 */
public final class RunSummary {
  private final String runId;
  private final String status;
  private final Aggregation aggregation;
  private final List<MetricSummary> metrics;
  private final List<String> passed;
  private final List<String> failed;

  RunSummary(String runId, String status, Aggregation aggregation, List<MetricSummary> metrics, List<String> passed,
      List<String> failed) {
    this.runId = runId;
    this.status = status;
    this.aggregation = aggregation;
    this.metrics = List.copyOf(metrics);
    this.passed = List.copyOf(passed);
    this.failed = List.copyOf(failed);
  }

  /**
   * Returns the run's id.
   *
   * @return the run id
   */
  public String runId() {
    return runId;
  }

  /**
   * Returns the run's status, such as {@code completed}.
   *
   * @return the status, or null when HoneyHive did not say
   */
  public String status() {
    return status;
  }

  /**
   * Returns how the metrics were aggregated.
   *
   * @return the aggregation asked for
   */
  public Aggregation aggregation() {
    return aggregation;
  }

  /**
   * Returns each metric, aggregated, in HoneyHive's order.
   *
   * @return the metrics; unmodifiable
   */
  public List<MetricSummary> metrics() {
    return metrics;
  }

  /**
   * Returns the datapoints that passed the run's passing ranges (HoneyHive does not document whether these are
   * datapoint or session ids; compare with both).
   *
   * @return the ids; unmodifiable
   */
  public List<String> passed() {
    return passed;
  }

  /**
   * Returns the datapoints that failed the run's passing ranges.
   *
   * @return the ids; unmodifiable
   */
  public List<String> failed() {
    return failed;
  }

  @Override
  public String toString() {
    return "RunSummary{runId=" + runId + ", status=" + status + ", " + aggregation + " " + metrics + "}";
  }
}
