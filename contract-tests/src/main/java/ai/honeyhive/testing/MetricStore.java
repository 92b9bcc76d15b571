package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server-side metrics and their versions. A metric is its live definition ({@link MetricDefinitions}) plus
 * {@code id}, {@code created_at} and {@code updated_at} (null until the metric changes). Its version history
 * starts empty; each new version is named {@code v1}, {@code v2}, ... in the order created (names are never reused,
 * even after a delete), its {@code full_sha} is {@link MetricDefinitions#sha} of its content, and it is a draft
 * unless deployed. Deploying a version (on creation or later) marks it the only deployed one and makes its content
 * the metric's definition. Answers are copies.
 */
final class MetricStore {
  private final ResourceStore metrics = new ResourceStore();
  private final Map<String, List<Map<String, Object>>> versions = new LinkedHashMap<>();
  private final Map<String, Integer> versionsCreated = new LinkedHashMap<>();

  /** Stores a new metric from a {@code MetricDefinition} body; returns its id. */
  synchronized String create(Map<String, Object> sent) {
    Map<String, Object> metric = MetricDefinitions.withDefaults(sent, false);
    metric.put("created_at", ResourceStore.now());
    metric.put("updated_at", null);
    String id = (String) metrics.create(metric).get("id");
    versions.put(id, new ArrayList<>());
    return id;
  }

  /** The metrics, oldest first, only those of {@code type} and with {@code id} when these are not null. */
  synchronized List<Map<String, Object>> find(String type, String id) {
    List<Map<String, Object>> found = new ArrayList<>();
    for (Map<String, Object> metric : metrics.all()) {
      if ((type == null || type.equals(metric.get("type"))) && (id == null || id.equals(metric.get("id")))) {
        found.add(metric);
      }
    }
    return found;
  }

  /** Sets the definition fields of {@code changes} (others are ignored); false when there is no such metric. */
  synchronized boolean update(String id, Map<String, Object> changes) {
    Map<String, Object> definition = new LinkedHashMap<>();
    changes.forEach((name, value) -> {
      if (MetricDefinitions.FIELDS.contains(name)) {
        definition.put(name, value);
      }
    });
    definition.put("updated_at", ResourceStore.now());
    return metrics.merge(id, definition) != null;
  }

  /** Deletes the metric and its versions; false when there is no such metric. */
  synchronized boolean delete(String id) {
    versions.remove(id);
    return metrics.remove(id);
  }

  /** The metric's versions, oldest first; null when there is no such metric. */
  synchronized List<Map<String, Object>> versions(String metricId) {
    List<Map<String, Object>> history = versions.get(metricId);
    if (history == null) {
      return null;
    }
    List<Map<String, Object>> copies = new ArrayList<>();
    history.forEach(version -> copies.add(copy(version)));
    return copies;
  }

  /**
   * Adds a version with {@code content} (a {@code MetricDefinition} body, defaults filled in, {@code HUMAN}
   * metrics enabled in production by default), deployed at once when {@code deploy}; null when there is no such
   * metric.
   */
  synchronized Map<String, Object> addVersion(String metricId, String message, Map<String, Object> content,
      boolean deploy) {
    List<Map<String, Object>> history = versions.get(metricId);
    if (history == null) {
      return null;
    }
    int number = versionsCreated.merge(metricId, 1, Integer::sum);
    Map<String, Object> definition = MetricDefinitions.withDefaults(content, true);
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("name", "v" + number);
    version.put("full_sha", MetricDefinitions.sha(definition));
    version.put("message", message);
    version.put("date", ResourceStore.now());
    version.put("deployed", false);
    version.put("content", definition);
    history.add(version);
    return deploy ? deploy(metricId, (String) version.get("name")) : copy(version);
  }

  /**
   * Makes the named version the live one (see the class comment); null when the metric or the version does not
   * exist.
   */
  synchronized Map<String, Object> deploy(String metricId, String versionName) {
    List<Map<String, Object>> history = versions.get(metricId);
    Map<String, Object> target = null;
    for (Map<String, Object> version : history == null ? List.<Map<String, Object>>of() : history) {
      if (version.get("name").equals(versionName)) {
        target = version;
      }
    }
    if (target == null) {
      return null;
    }
    for (Map<String, Object> version : history) {
      version.put("deployed", version == target);
    }
    Map<String, Object> live = MetricDefinitions.of(Json.object(target.get("content")));
    MetricDefinitions.FIELDS.forEach(field -> live.putIfAbsent(field, null)); // the content replaces, not merges
    live.put("updated_at", ResourceStore.now());
    metrics.merge(metricId, live);
    return copy(target);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> version) {
    return (Map<String, Object>) Json.mutableCopy(version);
  }
}
