package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Single-event routes: create, update and read, current and legacy. */
final class EventRoutes {
  private final EventStore store;

  EventRoutes(EventStore store) {
    this.store = store;
  }

  /** {@code createEvent}: a bare event. */
  Reply create(IncomingRequest request) {
    return created(store.create(request.jsonObject(), Placement.AS_SENT));
  }

  /** {@code createEventLegacy}: the event travels in {@code event}. */
  Reply createLegacy(IncomingRequest request) {
    return created(store.create(Routes.object(request.jsonObject(), "event"), Placement.AS_SENT));
  }

  /** {@code createModelEventLegacy}: a model event in {@code model_event}, stored with {@code event_type: model}. */
  Reply createModelLegacy(IncomingRequest request) {
    return created(store.create(Routes.object(request.jsonObject(), "model_event"), Placement.LEGACY_MODEL));
  }

  /** {@code updateEvent}: the id is in the path; 404 when it is not stored. */
  Reply update(IncomingRequest request) {
    return updated(store.update(request.pathParameter("event_id"), request.jsonObject()));
  }

  /** {@code updateEventLegacy}: the id is the body's {@code event_id} (a session id enriches the session). */
  Reply updateLegacy(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    return updated(store.update(String.valueOf(body.get("event_id")), body));
  }

  /** {@code getEvent}: {@code {"event": {...}}}; 404 when it is not stored. */
  Reply get(IncomingRequest request) {
    StoredEvent event = store.get(request.pathParameter("event_id"));
    if (event == null) {
      return Routes.notFound();
    }
    return Reply.ok(Map.of("event", event.toMap()));
  }

  private static Reply created(String eventId) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("event_id", eventId);
    answer.put("success", true);
    return Reply.ok(answer);
  }

  /**
   * HoneyHive's spec documents no body for an update, but the service answers JSON (HoneyHive's Python SDK parses it),
   * so this server answers {@code {"success": true}} too.
   */
  private static Reply updated(boolean found) {
    return found ? Reply.ok(Map.of("success", true)) : Routes.notFound();
  }
}
