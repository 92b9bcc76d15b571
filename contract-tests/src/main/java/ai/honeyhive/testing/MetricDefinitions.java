package ai.honeyhive.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metric's definition as HoneyHive stores it: the fields of {@code MetricVersionContent}, with the documented
 * defaults filled in, and the hash that names a version's content.
 */
final class MetricDefinitions {
  /** The fields of a definition, in the order answers carry them. */
  static final List<String> FIELDS = List.of("name", "type", "criteria", "description", "return_type",
      "enabled_in_prod", "needs_ground_truth", "sampling_percentage", "model_provider", "model_name", "scale",
      "threshold", "categories", "child_metrics", "filters");

  private MetricDefinitions() {}

  /**
   * {@code sent} with the defaults HoneyHive documents: {@code description} {@code ""}, {@code return_type}
   * {@code float}, {@code needs_ground_truth} false, {@code sampling_percentage} 10, {@code filters} with an empty
   * {@code filterArray}, and {@code enabled_in_prod} false, or (for a version's content, {@code humanEnabled}) true
   * for a {@code HUMAN} metric. Fields that are not part of a definition are left out.
   */
  static Map<String, Object> withDefaults(Map<String, Object> sent, boolean humanEnabled) {
    Map<String, Object> definition = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (sent.containsKey(field)) {
        definition.put(field, Json.mutableCopy(sent.get(field)));
      }
    }
    definition.putIfAbsent("description", "");
    definition.putIfAbsent("return_type", "float");
    definition.putIfAbsent("enabled_in_prod", humanEnabled && "HUMAN".equals(definition.get("type")));
    definition.putIfAbsent("needs_ground_truth", false);
    definition.putIfAbsent("sampling_percentage", 10);
    definition.putIfAbsent("filters", emptyFilters());
    return ordered(definition);
  }

  /** The definition fields of {@code metric} (a stored metric or a version's content), in order. */
  static Map<String, Object> of(Map<String, Object> metric) {
    Map<String, Object> definition = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (metric.containsKey(field)) {
        definition.put(field, Json.mutableCopy(metric.get(field)));
      }
    }
    return definition;
  }

  /**
   * Null when {@code definition} passes HoneyHive's cross-field rule, else the message: an {@code LLM} metric
   * needs {@code model_provider} and {@code model_name}.
   */
  static String crossFieldError(Map<String, Object> definition, String prefix) {
    if (!"LLM".equals(definition.get("type"))) {
      return null;
    }
    for (String field : List.of("model_provider", "model_name")) {
      Object value = definition.get(field);
      if (!(value instanceof String) || ((String) value).isBlank()) {
        return prefix + field + ": required for an LLM metric";
      }
    }
    return null;
  }

  /** SHA-1, in hex, of the definition written as JSON with its keys sorted at every level. */
  static String sha(Map<String, Object> definition) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest(Json.write(sorted(definition)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is always available", e);
    }
  }

  static Map<String, Object> emptyFilters() {
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("filterArray", new ArrayList<>());
    return filters;
  }

  private static Map<String, Object> ordered(Map<String, Object> definition) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    FIELDS.forEach(field -> {
      if (definition.containsKey(field)) {
        ordered.put(field, definition.get(field));
      }
    });
    return ordered;
  }

  private static Object sorted(Object value) {
    Map<String, Object> object = Json.object(value);
    if (object != null) {
      Map<String, Object> sorted = new TreeMap<>();
      object.forEach((name, item) -> sorted.put(name, sorted(item)));
      return sorted;
    }
    List<Object> array = Json.array(value);
    if (array != null) {
      List<Object> items = new ArrayList<>();
      array.forEach(item -> items.add(sorted(item)));
      return items;
    }
    return value;
  }
}
