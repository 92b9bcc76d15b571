package ai.honeyhive;

import java.util.Locale;

/** How HoneyHive aggregates a metric over a run's events, for {@link Runs#summary} and {@link Runs#compare}. */
public enum Aggregation {
  /** The mean; HoneyHive's default. Booleans count as 1 and 0. */
  AVERAGE,
  /** The smallest value. */
  MIN,
  /** The largest value. */
  MAX,
  /** The median. */
  MEDIAN,
  /** The 90th percentile. */
  P90,
  /** The 95th percentile. */
  P95,
  /** The 99th percentile. */
  P99,
  /** The sum. */
  SUM,
  /** How many values there are. */
  COUNT;

  /** The name HoneyHive's {@code aggregate_function} query parameter takes. */
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
