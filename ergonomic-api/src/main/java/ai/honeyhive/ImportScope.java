package ai.honeyhive;

import ai.honeyhive.client.model.Event;
import java.util.UUID;

/**
 * Where the builders of a {@link SessionImport} put their events: kept by the import instead of sent. Its events carry
 * no {@code session_id} (HoneyHive chooses the session's id) and, at the top level, no {@code parent_id} (HoneyHive
 * makes the session the parent); under an event of the import they name that event. Never handed to users, so its
 * missing session id never shows.
 */
final class ImportScope extends EventScope {
  private final SessionImport owner;
  /** The event the scope's events nest under, or null for the top level. */
  private final UUID parent;

  ImportScope(Client client, SessionImport owner, UUID parent) {
    super(client, null);
    this.owner = owner;
    this.parent = parent;
  }

  @Override
  boolean deliver(Event event, long fieldBytes) {
    owner.keep(event, fieldBytes);
    return true;
  }

  @Override
  boolean allowsSpans() {
    return false;
  }

  @Override
  UUID parentEventId() {
    return parent;
  }

  @Override
  void adopt(UUID child) {} // The import lists children when it is sent, from their parent ids.

  @Override
  void disown(UUID child) {}
}
