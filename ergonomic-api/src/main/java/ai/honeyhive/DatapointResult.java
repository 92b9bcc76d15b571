package ai.honeyhive;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What one datapoint of an experiment came to: its session, the task's output, the evaluators' metrics, and the
 * error if its task or an evaluator threw. Immutable.
 */
public final class DatapointResult {
  private final Datapoint datapoint;
  private final String sessionId;
  private final Object output;
  private final Map<String, Object> metrics;
  private final String error;
  private final Duration duration;

  DatapointResult(Datapoint datapoint, String sessionId, Object output, Map<String, Object> metrics, String error,
      Duration duration) {
    this.datapoint = datapoint;
    this.sessionId = sessionId;
    this.output = output;
    this.metrics = metrics;
    this.error = error;
    this.duration = duration;
  }

  /**
   * Returns the datapoint.
   *
   * @return the datapoint
   */
  public Datapoint datapoint() {
    return datapoint;
  }

  /**
   * Returns the id of the session that traced this datapoint; null for a datapoint the experiment never started
   * (cancelled or past its deadline).
   *
   * @return the session id, or null
   */
  public String sessionId() {
    return sessionId;
  }

  /**
   * Returns what the task returned.
   *
   * @return the output, or null when the task returned none, threw, or never ran
   */
  public Object output() {
    return output;
  }

  /**
   * Returns the metrics the evaluators gave, as sent on the datapoint's chain event.
   *
   * @return the metrics; empty when no evaluator ran or gave one
   */
  public Map<String, Object> metrics() {
    return metrics;
  }

  /**
   * Returns why the datapoint failed: the exception's class and message, with the evaluator's name when an evaluator
   * threw ({@code evaluator exact: java.lang.IllegalStateException: ...}), or why it never ran.
   *
   * @return the error, or empty when the datapoint succeeded
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns whether the task and every evaluator ran without throwing.
   *
   * @return true when the datapoint succeeded
   */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * Returns how long the task and the evaluators took.
   *
   * @return the duration; zero for a datapoint that never ran
   */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "DatapointResult{" + datapoint.id() + (error == null ? ", metrics=" + metrics : ", error=" + error) + "}";
  }
}
