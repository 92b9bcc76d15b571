package ai.honeyhive.testing;

import java.util.Map;
import java.util.UUID;

/** {@code POST /v1/sessions} and the legacy {@code POST /session/start}. */
final class SessionRoutes {
  private final EventStore store;

  SessionRoutes(EventStore store) {
    this.store = store;
  }

  /** {@code createSession}: answers the stored session event, created or merged. */
  Reply start(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    return Reply.ok(store.startSession(sessionId(body), body));
  }

  /** {@code startSessionLegacy}: the session travels in {@code session}; answers the session event, like the v1 route. */
  Reply startLegacy(IncomingRequest request) {
    Map<String, Object> session = Routes.object(request.jsonObject(), "session");
    return Reply.ok(store.startSession(sessionId(session), session));
  }

  /**
   * The sent session id when it is a UUID, else a new one: HoneyHive "generates a UUIDv4 if omitted or if the
   * supplied value is not a valid UUID".
   */
  static String sessionId(Map<String, Object> session) {
    Object id = session.get("session_id");
    if (id instanceof String) {
      try {
        if (((String) id).length() == 36 && UUID.fromString((String) id) != null) {
          return (String) id;
        }
      } catch (IllegalArgumentException notAUuid) {
        // replaced below, as HoneyHive does
      }
    }
    return EventFields.newId();
  }
}
