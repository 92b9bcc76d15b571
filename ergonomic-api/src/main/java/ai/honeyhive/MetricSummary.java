package ai.honeyhive;

/**
 * One metric of a run, aggregated by HoneyHive over the events that carry it ({@link RunSummary#metrics()}).
 * Immutable.
 */
public final class MetricSummary {
  private final String name;
  private final String eventName;
  private final String eventType;
  private final Double aggregate;

  MetricSummary(String name, String eventName, String eventType, Double aggregate) {
    this.name = name;
    this.eventName = eventName;
    this.eventType = eventType;
    this.aggregate = aggregate;
  }

  /**
   * Returns the metric's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the name of the events the metric was read from, such as the experiment's task chain.
   *
   * @return the event name, or null when HoneyHive did not say
   */
  public String eventName() {
    return eventName;
  }

  /**
   * Returns the type of the events the metric was read from.
   *
   * @return the event type, or null when HoneyHive did not say
   */
  public String eventType() {
    return eventType;
  }

  /**
   * Returns the aggregated value.
   *
   * @return the aggregate, or null when HoneyHive gave none
   */
  public Double aggregate() {
    return aggregate;
  }

  @Override
  public String toString() {
    return name + "=" + aggregate + (eventName != null ? " (" + eventName + ")" : "");
  }
}
