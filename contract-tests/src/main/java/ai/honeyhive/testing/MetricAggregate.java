package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The aggregate functions of the experiment summaries: {@code average} (the default), {@code min}, {@code max},
 * {@code median} (the mean of the two middle values for an even count), {@code p90}, {@code p95}, {@code p99}
 * (nearest rank: the smallest value with at least that share of the values at or below it), {@code sum} and
 * {@code count}. Booleans count as 1 and 0.
 */
final class MetricAggregate {
  private MetricAggregate() {}

  /** The function's name from {@code name}, {@code average} when null; throws naming the parameter otherwise. */
  static String function(String name) {
    if (name == null) {
      return "average";
    }
    return switch (name) {
      case "average", "min", "max", "median", "p90", "p95", "p99", "sum", "count" -> name;
      default -> throw new IllegalArgumentException("aggregate_function: must be one of average, min, max, median, "
          + "p90, p95, p99, sum, count, was '" + name + "'");
    };
  }

  /** {@code values} aggregated by {@code function}; null when there are no values (except for count: 0). */
  static Double apply(String function, List<Double> values) {
    if (function.equals("count")) {
      return (double) values.size();
    }
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double sum = 0;
    for (double value : sorted) {
      sum += value;
    }
    return switch (function) {
      case "sum" -> sum;
      case "min" -> sorted.get(0);
      case "max" -> sorted.get(n - 1);
      case "median" -> n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      case "p90" -> nearestRank(sorted, 90);
      case "p95" -> nearestRank(sorted, 95);
      case "p99" -> nearestRank(sorted, 99);
      default -> sum / n;
    };
  }

  /** Whether {@code value} lies in the passing range {@code range} ({@code {min, max}}, either optional). */
  static boolean passes(Map<String, Object> range, double value) {
    Object min = range.get("min");
    Object max = range.get("max");
    return (!(min instanceof Number low) || value >= low.doubleValue())
        && (!(max instanceof Number high) || value <= high.doubleValue());
  }

  private static double nearestRank(List<Double> sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
