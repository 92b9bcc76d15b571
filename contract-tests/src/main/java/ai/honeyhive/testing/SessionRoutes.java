package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /v1/sessions} and the legacy {@code POST /session/start}. */
final class SessionRoutes {
  private final EventStore store;

  SessionRoutes(EventStore store) {
    this.store = store;
  }

  /** {@code startSession}: answers the stored session event, created or merged. */
  Reply start(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    return Reply.ok(store.startSession(sessionId(body), body));
  }

  /** {@code startSessionLegacy}: the session travels in {@code session}; answers its ids. */
  Reply startLegacy(IncomingRequest request) {
    Map<String, Object> session = Routes.object(request.jsonObject(), "session");
    String id = sessionId(session);
    store.startSession(id, session);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("session_id", id);
    answer.put("event_id", id);
    return Reply.ok(answer);
  }

  /** The sent session id, or a new one when it is absent (the validator has rejected an id that is not a UUID). */
  static String sessionId(Map<String, Object> session) {
    Object id = session.get("session_id");
    return id instanceof String ? (String) id : EventFields.newId();
  }
}
