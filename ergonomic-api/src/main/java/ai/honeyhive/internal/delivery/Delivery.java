package ai.honeyhive.internal.delivery;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionStartRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Where writes go: straight to the gateway on the caller's thread ({@link SyncDelivery}), or into the queue of a
 * background exporter ({@link BatchDelivery}). Reads never come here.
 */
public interface Delivery {
  /**
   * Delivers one finished event. Only the synchronous delivery throws.
   *
   * @param fieldBytes the estimated JSON size of its free-form fields, error and source ({@link ai.honeyhive.EventDraft#estimatedBytes})
   * @return false if the event was dropped at once (a full queue, a closed client), counted as dropped; true if it
   *     was sent or queued
   */
  public boolean submitEvent(Event event, long fieldBytes);

  /** Delivers a session start. Only the synchronous delivery throws. */
  public void submitSessionStart(SessionStartRequest session);

  /**
   * Delivers an update of {@code eventId}. Only the synchronous delivery throws.
   *
   * @param lane the session whose earlier writes the update must follow (the session itself when it is updated), or
   *     null for an update of an arbitrary event, which follows every earlier write
   */
  public void submitUpdate(String eventId, EventUpdate update, UUID lane);

  /** Like {@link #submitUpdate}, returning a future completed when the update is delivered or has failed. */
  public CompletableFuture<Void> submitUpdateAsync(String eventId, EventUpdate update, UUID lane);

  /**
   * Delivers an imported session: one write, counted as its events. Only the synchronous delivery throws.
   *
   * @return completed with the id HoneyHive gave the session (null if its answer named none), or exceptionally when
   *     the import failed or was dropped
   */
  public CompletableFuture<String> submitImport(ImportBatch batch);

  /** Waits until the writes made before the call have ended, or {@code timeout} passed. */
  public DeliveryTotals flush(Duration timeout);

  public DeliveryTotals stats();

  /** Flushes within the close timeout, then stops. Idempotent. */
  public void close();
}
