package ai.honeyhive.internal.experiment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an evaluator's result becomes in the metrics of a datapoint's chain event, by the rules of HoneyHive's Python
 * SDK: a number, boolean or string is the metric {@code name}; a one-element list is its element; a map gives
 * {@code name} from its {@code score}, {@code name_explanation} from its {@code explanation}, and
 * {@code name_<key>} for each other number, boolean or string; anything else (null, longer lists) gives nothing.
 */
public final class EvaluatorScores {
  private EvaluatorScores() {}

  /** Returns the metrics {@code result} of the evaluator {@code name} gives; empty when it gives none. */
  public static Map<String, Object> of(String name, Object result) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    Object value = result instanceof Collection<?> items && items.size() == 1 ? items.iterator().next() : result;
    if (isScalar(value)) {
      metrics.put(name, value);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, entry) -> {
        String field = String.valueOf(key);
        if (!isScalar(entry)) {
          return;
        }
        if (field.equals("score")) {
          metrics.put(name, entry);
        } else if (field.equals("explanation")) {
          metrics.put(name + "_explanation", entry);
        } else {
          metrics.put(name + "_" + field, entry);
        }
      });
    }
    return metrics;
  }

  private static boolean isScalar(Object value) {
    return value instanceof Number || value instanceof Boolean || value instanceof String;
  }
}
