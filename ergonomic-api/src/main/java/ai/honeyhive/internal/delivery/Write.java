package ai.honeyhive.internal.delivery;

import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.wire.Ids;
import ai.honeyhive.internal.wire.JsonValues;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A queued write other than an event: a session start, an update, or an imported session. (Events are queued as the
 * wire {@link ai.honeyhive.client.model.Event} itself, with no wrapper.) Each is sent in a request of its own.
 */
public final class Write {
  /** Rough JSON size of a session start or update without its maps, for the queue's byte bound. */
  private static final long BASE_BYTES = 200;

  /** The session start, or null. */
  public final SessionStartRequest session;
  /** The update, or null. */
  public final EventUpdate update;
  /** The imported session, or null. */
  public final ImportBatch imported;
  /** Completed with the id HoneyHive gave an imported session (null if its answer named none); or null. */
  public final CompletableFuture<String> importDone;
  /** The session started, or the event (or session) updated: any id HoneyHive stores, not only this client's UUIDs. */
  public final String id;
  /**
   * Whose writes this one must follow: the session's id for a session start and for an update of a session; null for
   * an update of an arbitrary event, which then follows every write made before it; a lane of its own for an imported
   * session, which follows nothing.
   */
  public final UUID lane;
  /** Completed when the write ends, for {@link EventUpdate#sendAsync()}; or null. */
  public final CompletableFuture<Void> done;

  private Write(SessionStartRequest session, EventUpdate update, ImportBatch imported, String id, UUID lane,
      CompletableFuture<Void> done, CompletableFuture<String> importDone) {
    this.session = session;
    this.update = update;
    this.imported = imported;
    this.id = id;
    this.lane = lane;
    this.done = done;
    this.importDone = importDone;
  }

  public static Write sessionStart(SessionStartRequest session) {
    String id = session.getSessionId();
    return new Write(session, null, null, id, UUID.fromString(id), null, null); // SessionBuilder's own UUID.
  }

  public static Write update(String eventId, EventUpdate update, UUID lane, CompletableFuture<Void> done) {
    return new Write(null, update, null, eventId, lane, done, null);
  }

  /** An imported session; its id is HoneyHive's, unknown until the answer, so {@link #id} only names its lane. */
  public static Write sessionImport(ImportBatch imported, CompletableFuture<String> done) {
    UUID lane = Ids.newId();
    return new Write(null, null, imported, lane.toString(), lane, null, done);
  }

  /** How many writes this counts as in the delivery counters: each event of an import, else one. */
  public int count() {
    return imported != null ? imported.events.size() : 1;
  }

  /** The ids this write is reported by: the events of an import, else the started session or updated event. */
  public List<String> ids() {
    return imported != null ? imported.eventIds() : List.of(id.toString());
  }

  public long estimateBytes() {
    if (imported != null) {
      return imported.estimatedBytes;
    }
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

  public void complete(HoneyHiveException failure) {
    if (importDone != null && failure != null) {
      importDone.completeExceptionally(failure);
    }
    if (done != null) {
      if (failure == null) {
        done.complete(null);
      } else {
        done.completeExceptionally(failure);
      }
    }
  }

  /** Completes an imported session's future with the id HoneyHive gave it. */
  public void completeImport(String sessionId) {
    if (importDone != null) {
      importDone.complete(sessionId);
    }
  }

  @Override
  public String toString() {
    if (imported != null) {
      return imported.toString();
    }
    return (session != null ? "session start " : "update of ") + id;
  }
}
