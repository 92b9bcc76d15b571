package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /v1/events/search} and the legacy {@code POST /v1/events/export}; see {@link EventQuery}. */
final class QueryRoutes {
  private final EventStore store;

  QueryRoutes(EventStore store) {
    this.store = store;
  }

  /** {@code searchEvents}: {@code {"events": [...], "count": n}}. */
  Reply search(IncomingRequest request) {
    EventQuery.Page page = EventQuery.search(request.jsonObject()).run(store.all());
    List<Object> events = new ArrayList<>();
    page.events().forEach(event -> events.add(event.toMap()));
    return answer(events, page.count());
  }

  /**
   * {@code exportEventsLegacy}: like a search, with the date range as {@code $gte}/{@code $lte}; with
   * {@code projections}, each event carries only the named fields (HoneyHive's answer requires none).
   */
  Reply export(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    EventQuery.Page page = EventQuery.export(body).run(store.all());
    List<Object> projections = Json.array(body.get("projections"));
    List<Object> events = new ArrayList<>();
    for (StoredEvent event : page.events()) {
      if (projections == null || projections.isEmpty()) {
        events.add(event.toMap());
        continue;
      }
      Set<String> keep = new LinkedHashSet<>();
      projections.forEach(name -> keep.add(String.valueOf(name)));
      Map<String, Object> projected = new LinkedHashMap<>();
      event.toMap().forEach((name, value) -> {
        if (keep.contains(name)) {
          projected.put(name, value);
        }
      });
      events.add(projected);
    }
    return answer(events, page.count());
  }

  /**
   * {@code getEventsSchemaLegacy}: the fields found on stored events, one level under each free-form object (such as
   * {@code inputs.query}), with the type of the events that carry them, in order of first appearance; no datasets
   * and no mappings, since this server keeps none. The {@code dateRange} and {@code evaluation_id} parameters are
   * accepted and ignored.
   */
  Reply eventsSchema(IncomingRequest request) {
    Set<List<String>> fields = new LinkedHashSet<>();
    for (StoredEvent event : store.all()) {
      String type = String.valueOf(event.toMap().get("event_type"));
      event.toMap().forEach((name, value) -> {
        Map<String, Object> object = Json.object(value);
        if (object != null) {
          object.keySet().forEach(key -> fields.add(List.of(name + "." + key, type)));
        }
      });
    }
    List<Object> answerFields = new ArrayList<>();
    fields.forEach(field -> answerFields.add(Map.of("name", field.get(0), "event_type", field.get(1))));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("fields", answerFields);
    answer.put("datasets", List.of());
    answer.put("mappings", Map.of());
    return Reply.ok(answer);
  }

  private static Reply answer(List<Object> events, long count) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("events", events);
    answer.put("count", count);
    return Reply.ok(answer);
  }
}
