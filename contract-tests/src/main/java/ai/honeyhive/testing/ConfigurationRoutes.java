package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The deprecated configuration routes, from a {@link ResourceStore}. A new configuration gets {@code type}
 * {@code LLM}, empty {@code env} and {@code tags} unless sent, {@code updated_at} null until updated. The list is
 * filtered by {@code ?name} (equal), {@code ?env} and {@code ?tags} (one of the configuration's). An update replaces
 * the fields sent and answers MongoDB-style counts: {@code matchedCount} 0 for an unknown id, {@code modifiedCount}
 * 1 when a field changed. A delete is final.
 */
final class ConfigurationRoutes {
  private static final List<String> FIELDS =
      List.of("name", "type", "provider", "parameters", "env", "tags", "user_properties");

  private final ResourceStore store = new ResourceStore();

  /** {@code getConfigurations}: {@code {"configurations": [...]}}, oldest first. */
  Reply list(IncomingRequest request) {
    String name = request.recorded.getUrl().queryParameter("name");
    String env = request.recorded.getUrl().queryParameter("env");
    String tag = request.recorded.getUrl().queryParameter("tags");
    List<Object> found = new ArrayList<>();
    for (Map<String, Object> configuration : store.all()) {
      if ((name == null || name.equals(configuration.get("name"))) && contains(configuration.get("env"), env)
          && contains(configuration.get("tags"), tag)) {
        found.add(configuration);
      }
    }
    return Reply.ok(Map.of("configurations", found));
  }

  /** {@code createConfiguration}: {@code {"acknowledged": true, "insertedId": ...}}. */
  Reply create(IncomingRequest request) {
    Map<String, Object> sent = request.jsonObject();
    Map<String, Object> configuration = new LinkedHashMap<>();
    FIELDS.forEach(field -> {
      if (sent.containsKey(field)) {
        configuration.put(field, sent.get(field));
      }
    });
    configuration.putIfAbsent("type", "LLM");
    configuration.putIfAbsent("env", List.of());
    configuration.putIfAbsent("tags", List.of());
    configuration.put("created_at", ResourceStore.now());
    configuration.put("updated_at", null);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("acknowledged", true);
    answer.put("insertedId", store.create(configuration).get("id"));
    return Reply.ok(answer);
  }

  /** {@code updateConfiguration}: MongoDB-style counts. */
  Reply update(IncomingRequest request) {
    String id = request.pathParameter("configId");
    Map<String, Object> before = store.get(id);
    Map<String, Object> changes = new LinkedHashMap<>();
    request.jsonObject().forEach((field, value) -> {
      if (FIELDS.contains(field) && (before == null || !Objects.equals(before.get(field), value))) {
        changes.put(field, value);
      }
    });
    if (before != null && !changes.isEmpty()) {
      changes.put("updated_at", ResourceStore.now());
      store.merge(id, changes);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("acknowledged", true);
    answer.put("modifiedCount", before != null && !changes.isEmpty() ? 1 : 0);
    answer.put("upsertedId", null);
    answer.put("upsertedCount", 0);
    answer.put("matchedCount", before != null ? 1 : 0);
    return Reply.ok(answer);
  }

  /** {@code deleteConfiguration}: {@code {"acknowledged": true, "deletedCount": 0 or 1}}. */
  Reply delete(IncomingRequest request) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("acknowledged", true);
    answer.put("deletedCount", store.remove(request.pathParameter("configId")) ? 1 : 0);
    return Reply.ok(answer);
  }

  private static boolean contains(Object values, String wanted) {
    return wanted == null || (Json.array(values) != null && Json.array(values).contains(wanted));
  }
}
