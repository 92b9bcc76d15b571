package ai.honeyhive;

import java.util.UUID;

/**
 * The scope {@link Session#under(String)} returns: events logged in it name a given event of the session as their
 * parent. That event need not be open in this process, nor logged by it: a span of another service or of another
 * tracer. It lists nothing in {@code children_ids}, which HoneyHive does not need to nest events.
 */
final class KnownParent extends EventScope {
  private final Session session;
  private final UUID parentId;

  KnownParent(Client client, Session session, UUID parentId) {
    super(client, session.sessionId);
    this.session = session;
    this.parentId = parentId;
  }

  @Override
  UUID parentEventId() {
    return parentId;
  }

  @Override
  String propagatedSessionName() {
    return session.propagatedSessionName();
  }

  @Override
  void adopt(UUID child) {}

  @Override
  void disown(UUID child) {}

  @Override
  public String toString() {
    return "KnownParent{sessionId=" + sessionId + ", parentId=" + parentId + "}";
  }
}
