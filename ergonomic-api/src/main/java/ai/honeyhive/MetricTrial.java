package ai.honeyhive;

/** What a metric gave when tried on an event ({@link Metrics#tryOn}). Immutable. */
public final class MetricTrial {
  private final Object result;
  private final String explanation;
  private final boolean loading;

  MetricTrial(Object result, String explanation, boolean loading) {
    this.result = result;
    this.explanation = explanation;
    this.loading = loading;
  }

  /**
   * Returns the metric's value: a number, boolean or string by its return type.
   *
   * @return the result, or null when HoneyHive gave none (see {@link #loading()})
   */
  public Object result() {
    return result;
  }

  /**
   * Returns the explanation HoneyHive gave with the result, as an LLM metric does.
   *
   * @return the explanation, or null
   */
  public String explanation() {
    return explanation;
  }

  /**
   * Returns whether HoneyHive said the result was still being computed (its {@code loading}; undocumented: treat it as
   * "no result yet").
   *
   * @return the flag
   */
  public boolean loading() {
    return loading;
  }

  @Override
  public String toString() {
    return "MetricTrial{result=" + result + (explanation != null ? ", explanation=" + explanation : "") + "}";
  }
}
