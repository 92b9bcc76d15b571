package ai.honeyhive;

import ai.honeyhive.errors.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a session's events with a search by {@code session_id} and nests them by {@code parent_id}. */
final class SessionReader {
  private static final Comparator<Event> BY_START = Comparator.comparing(
      (Event event) -> event.startTime() == null ? Instant.MIN : event.startTime());

  private SessionReader() {}

  static RecordedSession read(HoneyHive client, String sessionId) {
    List<Event> found = new ArrayList<>(client.searchEvents()
        .filter(EventFilter.field("session_id").is(sessionId))
        .dateRange(Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)))
        .pageSize(1000)
        .stream().toList());
    if (found.isEmpty()) {
      throw new NotFoundException("POST /v1/events/search", 404, Map.of(),
          "no events of session " + sessionId + " (HoneyHive may still be indexing it)", null);
    }
    found.sort(BY_START);
    Event session = null;
    Map<String, Event> byId = new LinkedHashMap<>();
    for (Event event : found) {
      if (event.type() == EventType.SESSION || sessionId.equals(event.eventId())) {
        session = session == null ? event : session;
      } else {
        byId.putIfAbsent(event.eventId(), event);
      }
    }
    Map<String, List<Event>> children = new HashMap<>();
    List<Event> top = new ArrayList<>();
    for (Event event : byId.values()) {
      String parent = event.parentId();
      if (parent == null || parent.equals(sessionId) || !byId.containsKey(parent) || parent.equals(event.eventId())) {
        top.add(event);
      } else {
        children.computeIfAbsent(parent, id -> new ArrayList<>()).add(event);
      }
    }
    List<EventNode> roots = new ArrayList<>(top.size());
    for (Event event : top) {
      roots.add(node(event, children, 0));
    }
    return new RecordedSession(sessionId, session, roots, byId.size());
  }

  /** The node of {@code event}; a chain deeper than the events themselves means a cycle, cut there. */
  private static EventNode node(Event event, Map<String, List<Event>> children, int depth) {
    List<EventNode> nested = new ArrayList<>();
    if (depth < 10_000) {
      for (Event child : children.getOrDefault(event.eventId(), List.of())) {
        nested.add(node(child, children, depth + 1));
      }
    }
    return new EventNode(event, nested);
  }
}
