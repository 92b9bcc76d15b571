package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /v1/events/search} and the legacy {@code POST /v1/events/export}; see {@link EventQuery}. */
final class QueryRoutes {
  /** Fields the export's {@code LegacyEvent} requires, returned whatever the projections say. */
  private static final Set<String> EXPORT_REQUIRED_FIELDS = Set.of("event_type", "inputs");

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
   * {@code projections}, each event carries only the named fields plus {@code event_type} and {@code inputs}, which
   * the response schema requires.
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
      Set<String> keep = new LinkedHashSet<>(EXPORT_REQUIRED_FIELDS);
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

  private static Reply answer(List<Object> events, long count) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("events", events);
    answer.put("count", count);
    return Reply.ok(answer);
  }
}
