package ai.honeyhive;

import java.util.List;

/**
 * HoneyHive's comparison of two runs on the datapoints they have in common
 * ({@code GET /v1/runs/{new_run_id}/compare/{old_run_id}}). Immutable.
 */
public final class RunComparison {
  private final String newRunId;
  private final String oldRunId;
  private final List<MetricChange> metrics;
  private final List<String> commonDatapoints;

  RunComparison(String newRunId, String oldRunId, List<MetricChange> metrics, List<String> commonDatapoints) {
    this.newRunId = newRunId;
    this.oldRunId = oldRunId;
    this.metrics = List.copyOf(metrics);
    this.commonDatapoints = List.copyOf(commonDatapoints);
  }

  /**
   * Returns the newer run's id.
   *
   * @return the id
   */
  public String newRunId() {
    return newRunId;
  }

  /**
   * Returns the older run's id.
   *
   * @return the id
   */
  public String oldRunId() {
    return oldRunId;
  }

  /**
   * Returns each metric of the two runs, old and new.
   *
   * @return the metrics; unmodifiable
   */
  public List<MetricChange> metrics() {
    return metrics;
  }

  /**
   * Returns the ids of the datapoints both runs have, on which they were compared.
   *
   * @return the datapoint ids; unmodifiable
   */
  public List<String> commonDatapoints() {
    return commonDatapoints;
  }

  @Override
  public String toString() {
    return "RunComparison{" + oldRunId + " -> " + newRunId + ", " + metrics + ", common=" + commonDatapoints.size()
        + "}";
  }
}
