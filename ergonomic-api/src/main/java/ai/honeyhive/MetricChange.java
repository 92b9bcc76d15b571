package ai.honeyhive;

/** One metric of two compared runs ({@link RunComparison#metrics()}). Immutable. */
public final class MetricChange {
  private final String name;
  private final Double oldValue;
  private final Double newValue;
  private final Double difference;
  private final Double percentChange;

  MetricChange(String name, Double oldValue, Double newValue, Double difference, Double percentChange) {
    this.name = name;
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.difference = difference;
    this.percentChange = percentChange;
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
   * Returns the metric aggregated over the old run's common datapoints.
   *
   * @return the old aggregate, or null when HoneyHive gave none
   */
  public Double oldValue() {
    return oldValue;
  }

  /**
   * Returns the metric aggregated over the new run's common datapoints.
   *
   * @return the new aggregate, or null when HoneyHive gave none
   */
  public Double newValue() {
    return newValue;
  }

  /**
   * Returns new minus old, as HoneyHive computed it.
   *
   * @return the difference, or null when HoneyHive gave none
   */
  public Double difference() {
    return difference;
  }

  /**
   * Returns the change in percent of the old value, as HoneyHive computed it.
   *
   * @return the change, or null when HoneyHive gave none (the old value was 0, for instance)
   */
  public Double percentChange() {
    return percentChange;
  }

  @Override
  public String toString() {
    return name + ": " + oldValue + " -> " + newValue;
  }
}
