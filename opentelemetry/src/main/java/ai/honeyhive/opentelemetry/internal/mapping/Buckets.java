package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seven field buckets of one event being mapped, and the helpers that fill them. Not thread-safe. */
final class Buckets {
  final Map<String, Object> inputs = new LinkedHashMap<>();
  final Map<String, Object> outputs = new LinkedHashMap<>();
  final Map<String, Object> config = new LinkedHashMap<>();
  final Map<String, Object> metadata = new LinkedHashMap<>(32); // the leftovers and the span's ids: often over 12
  final Map<String, Object> metrics = new LinkedHashMap<>();
  final Map<String, Object> feedback = new LinkedHashMap<>();
  final Map<String, Object> userProperties = new LinkedHashMap<>();

  /** Returns the bucket a {@code honeyhive_<bucket>} prefix names, or null. */
  Map<String, Object> named(String bucket) {
    return switch (bucket) {
      case "inputs" -> inputs;
      case "outputs" -> outputs;
      case "config" -> config;
      case "metadata" -> metadata;
      case "metrics" -> metrics;
      case "feedback" -> feedback;
      case "user_properties" -> userProperties;
      default -> null;
    };
  }

  /**
   * Puts {@code value} at the dotted {@code path} of {@code bucket}, making nested maps on the way: the way HoneyHive's
   * Python SDK flattens a nested value into {@code honeyhive_inputs.a.b} attributes, undone. A path that runs into a
   * value that is not a map keeps its dotted rest as one key.
   */
  @SuppressWarnings("unchecked")
  static void putPath(Map<String, Object> bucket, String path, Object value) {
    Map<String, Object> target = bucket;
    String rest = path;
    int dot;
    while ((dot = rest.indexOf('.')) > 0 && dot < rest.length() - 1) {
      Object next = target.get(rest.substring(0, dot));
      if (next == null) {
        next = new LinkedHashMap<String, Object>();
        target.put(rest.substring(0, dot), next);
      } else if (!(next instanceof Map)) {
        break;
      }
      target = (Map<String, Object>) next;
      rest = rest.substring(dot + 1);
    }
    target.put(rest, value);
  }

  /** Puts a value only when the key is free: the first convention to name a field wins. */
  static void putIfAbsent(Map<String, Object> bucket, String key, Object value) {
    if (value != null) {
      bucket.putIfAbsent(key, value);
    }
  }

  /**
   * Turns every nested map whose keys are exactly {@code 0..n-1} into a list, in place: indexed attributes
   * ({@code gen_ai.prompt.0.role}, {@code honeyhive_inputs.items.1}) become arrays again.
   */
  @SuppressWarnings("unchecked")
  static Object listify(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> m = (Map<String, Object>) map;
      m.replaceAll((k, v) -> listify(v));
      if (!m.isEmpty() && isIndexed(m)) {
        List<Object> list = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
          list.add(m.get(Integer.toString(i)));
        }
        return list;
      }
    }
    return value;
  }

  private static boolean isIndexed(Map<String, Object> map) {
    for (int i = 0; i < map.size(); i++) {
      if (!map.containsKey(Integer.toString(i))) {
        return false;
      }
    }
    return true;
  }

  /** Applies {@link #listify} to the values of every bucket. */
  void listifyAll() {
    for (Map<String, Object> bucket : List.of(inputs, outputs, config, metadata, metrics, feedback, userProperties)) {
      bucket.replaceAll((k, v) -> listify(v));
    }
  }
}
