package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotation queue routes, from a {@link ResourceStore}. A new queue gets {@code description} {@code ""},
 * filters with an empty {@code filterArray} and {@code enabled} true unless sent, {@code scope_type}
 * {@code project} and {@code scope_id} {@value #SCOPE_ID}, and answers 201. The events of a queue are kept (created
 * with {@code event_ids}, changed by {@code add_event_ids} and {@code remove_event_ids}, in order, without
 * repeats) but not answered: HoneyHive's queue answer has no such field. A delete is soft ({@code is_active} false):
 * the queue is then neither listed nor found (404).
 */
final class QueueRoutes {
  static final String SCOPE_ID = "hh-test-project";
  private static final String EVENTS = "event_ids";
  private static final List<String> FIELDS = List.of("name", "description", "filters", "enabled");

  private final ResourceStore store = new ResourceStore();

  /** {@code getQueues}: the active queues, oldest first, only those with {@code ?enabled} when given. */
  Reply list(IncomingRequest request) {
    String enabled = request.recorded.getUrl().queryParameter("enabled");
    List<Object> queues = new ArrayList<>();
    for (Map<String, Object> queue : store.all()) {
      if (Boolean.TRUE.equals(queue.get("is_active"))
          && (enabled == null || enabled.equals(String.valueOf(queue.get("enabled"))))) {
        queues.add(answer(queue));
      }
    }
    return Reply.ok(Map.of("queues", queues));
  }

  /** {@code createQueue}: 201 with the queue. */
  Reply create(IncomingRequest request) {
    Map<String, Object> sent = request.jsonObject();
    Map<String, Object> queue = new LinkedHashMap<>();
    queue.put("name", sent.get("name"));
    queue.put("description", sent.getOrDefault("description", ""));
    queue.put("filters", sent.getOrDefault("filters", MetricDefinitions.emptyFilters()));
    queue.put("enabled", sent.getOrDefault("enabled", true));
    queue.put("scope_id", SCOPE_ID);
    queue.put("scope_type", "project");
    queue.put("is_active", true);
    queue.put("created_at", ResourceStore.now());
    queue.put("updated_at", null);
    queue.put(EVENTS, new ArrayList<>(events(sent.get(EVENTS))));
    Map<String, Object> stored = store.create(queue);
    Reply reply = written(stored, "Queue created");
    return new Reply(201, reply.body());
  }

  /** {@code getQueue}: the queue itself, or 404. */
  Reply get(IncomingRequest request) {
    Map<String, Object> queue = active(request.pathParameter("queue_id"));
    return queue == null ? notFound() : Reply.ok(answer(queue));
  }

  /** {@code updateQueue}: the queue after the update; 400 when the body's {@code id} is not the path's, or 404. */
  Reply update(IncomingRequest request) {
    String id = request.pathParameter("queue_id");
    Map<String, Object> sent = request.jsonObject();
    if (!id.equals(sent.get("id"))) {
      return Reply.error(400, "BAD_REQUEST", "id: must be the queue_id of the path ('" + id + "'), was '"
          + sent.get("id") + "'");
    }
    Map<String, Object> queue = active(id);
    if (queue == null) {
      return notFound();
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    FIELDS.forEach(field -> {
      if (sent.containsKey(field)) {
        changes.put(field, sent.get(field));
      }
    });
    Set<String> events = events(queue.get(EVENTS));
    events.addAll(events(sent.get("add_event_ids")));
    events.removeAll(events(sent.get("remove_event_ids")));
    changes.put(EVENTS, new ArrayList<>(events));
    changes.put("updated_at", ResourceStore.now());
    return written(store.merge(id, changes), "Queue updated");
  }

  /** {@code deleteQueue}: soft delete, {@code {"message": ...}}, or 404. */
  Reply delete(IncomingRequest request) {
    String id = request.pathParameter("queue_id");
    if (active(id) == null) {
      return notFound();
    }
    store.merge(id, Map.of("is_active", false, "updated_at", ResourceStore.now()));
    return Reply.ok(Map.of("message", "Queue deleted"));
  }

  private Map<String, Object> active(String id) {
    Map<String, Object> queue = store.get(id);
    return queue != null && Boolean.TRUE.equals(queue.get("is_active")) ? queue : null;
  }

  private static Set<String> events(Object ids) {
    Set<String> events = new LinkedHashSet<>();
    List<Object> list = Json.array(ids);
    if (list != null) {
      list.forEach(id -> events.add(String.valueOf(id)));
    }
    return events;
  }

  private static Map<String, Object> answer(Map<String, Object> queue) {
    Map<String, Object> answer = new LinkedHashMap<>(queue);
    answer.remove(EVENTS);
    return answer;
  }

  private static Reply written(Map<String, Object> queue, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("queue", answer(queue));
    answer.put("message", message);
    return Reply.ok(answer);
  }

  private static Reply notFound() {
    return Reply.error(404, "NOT_FOUND", "Queue not found");
  }
}
