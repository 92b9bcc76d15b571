package ai.honeyhive;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an experiment came to: the run's id and final status, and one {@link DatapointResult} per datapoint, in the
 * dataset's order. Immutable.
 */
public final class ExperimentResult {
  private final String runId;
  private final String name;
  private final String datasetId;
  private final String status;
  private final List<DatapointResult> datapoints;
  private final Duration duration;
  private final RunSummary summary;

  ExperimentResult(String runId, String name, String datasetId, String status, List<DatapointResult> datapoints,
      Duration duration, RunSummary summary) {
    this.runId = runId;
    this.name = name;
    this.datasetId = datasetId;
    this.status = status;
    this.datapoints = List.copyOf(datapoints);
    this.duration = duration;
    this.summary = summary;
  }

  /**
   * Returns HoneyHive's summary of the run, read once the run was finished (metrics averaged).
   *
   * @return the summary, or empty when it could not be read (logged; {@link Runs#summary} tries again) or the
   *     experiment ran on a fake run API
   */
  public java.util.Optional<RunSummary> summary() {
    return java.util.Optional.ofNullable(summary);
  }

  /**
   * Returns the run's id in HoneyHive, for {@code /v1/runs/{run_id}} and HoneyHive's comparison pages.
   *
   * @return the run id
   */
  public String runId() {
    return runId;
  }

  /**
   * Returns the run's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the dataset's id: HoneyHive's for a stored dataset, {@code EXT-...} for an in-memory one.
   *
   * @return the dataset id
   */
  public String datasetId() {
    return datasetId;
  }

  /**
   * Returns the status the run was finished with: {@code completed} when every datapoint succeeded, {@code failed}
   * when one failed, {@code cancelled} when the deadline passed or the experiment was interrupted before every
   * datapoint ran.
   *
   * @return the status
   */
  public String status() {
    return status;
  }

  /**
   * Returns the result of each datapoint, in the dataset's order.
   *
   * @return the results; unmodifiable
   */
  public List<DatapointResult> datapoints() {
    return datapoints;
  }

  /**
   * Returns how many datapoints failed or never ran.
   *
   * @return the number failed
   */
  public int failed() {
    return (int) datapoints.stream().filter(result -> !result.succeeded()).count();
  }

  /**
   * Returns the mean of each numeric or boolean metric over the datapoints that have it (true counts as 1), computed
   * here from {@link DatapointResult#metrics()}: HoneyHive's own summary of the run may aggregate otherwise.
   *
   * @return the means by metric name, sorted by name
   */
  public Map<String, Double> metricMeans() {
    Map<String, double[]> sums = new TreeMap<>();
    for (DatapointResult result : datapoints) {
      result.metrics().forEach((metric, value) -> {
        Double number = value instanceof Number n ? Double.valueOf(n.doubleValue())
            : value instanceof Boolean b ? Double.valueOf(b ? 1 : 0) : null;
        if (number != null) {
          double[] sum = sums.computeIfAbsent(metric, key -> new double[2]);
          sum[0] += number;
          sum[1]++;
        }
      });
    }
    Map<String, Double> means = new LinkedHashMap<>();
    sums.forEach((metric, sum) -> means.put(metric, sum[0] / sum[1]));
    return means;
  }

  /**
   * Returns how long the experiment took, from the run's creation to its end.
   *
   * @return the duration
   */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "ExperimentResult{runId=" + runId + ", name=" + name + ", status=" + status + ", datapoints="
        + datapoints.size() + ", failed=" + failed() + ", metricMeans=" + metricMeans() + "}";
  }
}
