package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch routes. With a single session ({@code single_session}; the legacy routes also take {@code is_single_session})
 * a new session is started from {@code session_properties} (legacy alias {@code session}) and every event joins it;
 * otherwise each event keeps its own {@code session_id} or becomes a session of its own.
 * {@code POST /v1/sessions/{session_id}/events/batch} and the legacy {@code POST /session/{session_id}/traces} put
 * every event in the path's session.
 */
final class BatchRoutes {
  private final EventStore store;

  BatchRoutes(EventStore store) {
    this.store = store;
  }

  /** {@code createEventBatch}. */
  Reply create(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    return batch(request, "events", Boolean.TRUE.equals(body.get("single_session")), Placement.AS_SENT);
  }

  /** {@code createEventBatchLegacy}. */
  Reply createLegacy(IncomingRequest request) {
    return batch(request, "events", legacySingleSession(request.jsonObject()), Placement.AS_SENT);
  }

  /** {@code createModelEventBatchLegacy}: every event is stored as a model event, its flat fields moved into place. */
  Reply createModelLegacy(IncomingRequest request) {
    return batch(request, "model_events", legacySingleSession(request.jsonObject()), Placement.LEGACY_MODEL);
  }

  /**
   * {@code addSessionTracesLegacy}: the events travel in {@code events} or, in the older form, {@code logs}; exactly one
   * of the two must be present, else 400 as HoneyHive's spec says. The path id is any string.
   */
  Reply addTracesLegacy(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    boolean events = body.get("events") != null;
    boolean logs = body.get("logs") != null;
    if (events == logs) {
      return Reply.error(400, "BAD_REQUEST", events
          ? "send the events under 'events' or 'logs', not both"
          : "the body needs 'events' (or the older 'logs')");
    }
    Placement placement = Placement.inSession(request.pathParameter("session_id"));
    for (Map<String, Object> event : events(request, events ? "events" : "logs")) {
      store.create(event, placement);
    }
    return Reply.ok(Map.of("success", true));
  }

  private static boolean legacySingleSession(Map<String, Object> body) {
    return Boolean.TRUE.equals(body.get("single_session")) || Boolean.TRUE.equals(body.get("is_single_session"));
  }

  /** {@code createSessionEventBatch}: the path's session id overrides each event's. */
  Reply addToSession(IncomingRequest request) {
    Placement placement = Placement.inSession(request.pathParameter("session_id"));
    for (Map<String, Object> event : events(request, "events")) {
      store.create(event, placement);
    }
    return Reply.ok(Map.of("success", true));
  }

  private Reply batch(IncomingRequest request, String field, boolean singleSession, Placement placement) {
    Map<String, Object> body = request.jsonObject();
    String sessionId = null;
    if (singleSession) {
      Map<String, Object> properties = body.get("session_properties") != null
          ? Routes.object(body, "session_properties") : Routes.object(body, "session");
      sessionId = SessionRoutes.sessionId(properties);
      store.startSession(sessionId, properties);
      placement = placement.inSessionOf(sessionId);
    }
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> event : events(request, field)) {
      ids.add(store.create(event, placement));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("event_ids", ids);
    if (sessionId != null) {
      answer.put("session_id", sessionId);
    }
    answer.put("success", true);
    return Reply.ok(answer);
  }

  /**
   * The events of the batch field {@code field}, in the order sent; only the first {@code storeAtMost} when a partial
   * batch failure is injected.
   */
  private static List<Map<String, Object>> events(IncomingRequest request, String field) {
    List<Map<String, Object>> events = new ArrayList<>();
    List<Object> array = Json.array(request.jsonObject().get(field));
    if (array != null && request.storeAtMost >= 0 && request.storeAtMost < array.size()) {
      array = array.subList(0, request.storeAtMost);
    }
    if (array != null) {
      for (Object element : array) {
        Map<String, Object> event = Json.object(element);
        if (event != null) {
          events.add(event);
        }
      }
    }
    return events;
  }
}
