package ai.honeyhive.testing;

/**
 * How a route places the events it creates.
 *
 * @param sessionId the session every event joins, overriding its own {@code session_id}; null to keep the event's
 *     own, or to give an event without one a session of its own
 * @param eventType the type every event gets, overriding its own; null to keep the event's
 * @param legacyModel whether the event is a legacy model event, whose {@code model_name} names it
 */
record Placement(String sessionId, String eventType, boolean legacyModel) {
  static final Placement AS_SENT = new Placement(null, null, false);
  static final Placement LEGACY_MODEL = new Placement(null, "model", true);

  static Placement inSession(String sessionId) {
    return new Placement(sessionId, null, false);
  }

  Placement inSessionOf(String session) {
    return new Placement(session, eventType, legacyModel);
  }
}
