package ai.honeyhive;

import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionStartRequest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A queued write other than an event: a session start or an update. (Events are queued as the wire
 * {@link ai.honeyhive.client.model.Event} itself, with no wrapper.) Each is sent in a request of its own.
 */
final class Write {
  /** Rough JSON size of a session start or update without its maps, for the queue's byte bound. */
  private static final long BASE_BYTES = 200;

  /** The session start, or null for an update. */
  final SessionStartRequest session;
  /** The update, or null for a session start. */
  final EventUpdate update;
  /** The session started, or the event (or session) updated. */
  final UUID id;
  /**
   * Whose writes this one must follow: the session's id for a session start and for an update of a session; null for
   * an update of an arbitrary event, which then follows every write made before it.
   */
  final UUID lane;
  /** Completed when the write ends, for {@link EventUpdate#sendAsync()}; or null. */
  final CompletableFuture<Void> done;

  private Write(SessionStartRequest session, EventUpdate update, UUID id, UUID lane, CompletableFuture<Void> done) {
    this.session = session;
    this.update = update;
    this.id = id;
    this.lane = lane;
    this.done = done;
  }

  static Write sessionStart(SessionStartRequest session) {
    UUID id = UUID.fromString(session.getSessionId()); // This client's own id, made by SessionBuilder.
    return new Write(session, null, id, id, null);
  }

  static Write update(UUID eventId, EventUpdate update, UUID lane, CompletableFuture<Void> done) {
    return new Write(null, update, eventId, lane, done);
  }

  long estimateBytes() {
    if (session != null) {
      return BASE_BYTES + JsonValues.estimate(session.getSessionName()) + JsonValues.estimate(session.getInputs())
          + JsonValues.estimate(session.getConfig()) + JsonValues.estimate(session.getMetadata())
          + JsonValues.estimate(session.getUserProperties());
    }
    return BASE_BYTES + JsonValues.estimate(update.getMetadata()) + JsonValues.estimate(update.getFeedback())
        + JsonValues.estimate(update.getMetrics()) + JsonValues.estimate(update.getConfig())
        + JsonValues.estimate(update.getUserProperties()) + JsonValues.estimate(update.getOutputs())
        + (update.getChildrenIds() == null ? 0 : 40L * update.getChildrenIds().size());
  }

  void complete(HoneyHiveException failure) {
    if (done != null) {
      if (failure == null) {
        done.complete(null);
      } else {
        done.completeExceptionally(failure);
      }
    }
  }

  @Override
  public String toString() {
    return (session != null ? "session start " : "update of ") + id;
  }
}
