package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.delivery.DeliveryTotals;
import java.util.Optional;

/**
 * A snapshot of a client's delivery counters, from {@link HoneyHive#stats()}. Immutable. Counts are of writes:
 * session starts, events and updates. The totals count from when the client was built; each counter is read
 * separately, so a snapshot taken while writes flow may be off by the writes of that instant.
 */
public final class DeliveryStats {
  private final long queued;
  private final long queuedBytes;
  private final long inFlight;
  private final long sent;
  private final long failed;
  private final long dropped;
  private final long retried;
  private final HoneyHiveException lastError;
  private final long exporterRestarts;

  /** The stats, from the delivery's totals. */
  static DeliveryStats of(DeliveryTotals totals) {
    return new DeliveryStats(totals.queued(), totals.queuedBytes(), totals.inFlight(), totals.sent(), totals.failed(),
        totals.dropped(), totals.retried(), totals.lastError(), totals.exporterRestarts());
  }

  DeliveryStats(long queued, long queuedBytes, long inFlight, long sent, long failed, long dropped, long retried,
      HoneyHiveException lastError) {
    this(queued, queuedBytes, inFlight, sent, failed, dropped, retried, lastError, 0);
  }

  DeliveryStats(long queued, long queuedBytes, long inFlight, long sent, long failed, long dropped, long retried,
      HoneyHiveException lastError, long exporterRestarts) {
    this.exporterRestarts = exporterRestarts;
    this.queued = queued;
    this.queuedBytes = queuedBytes;
    this.inFlight = inFlight;
    this.sent = sent;
    this.failed = failed;
    this.dropped = dropped;
    this.retried = retried;
    this.lastError = lastError;
  }

  /**
   * Returns how many writes wait to be sent: those in the queue, and a batch the exporter has cut and holds for the
   * next free export worker (so up to one batch beyond {@link HoneyHive.Builder#maxQueueSize}). Always 0 in the
   * {@link DeliveryMode#SYNCHRONOUS} mode.
   *
   * @return the number of queued writes
   */
  public long queued() {
    return queued;
  }

  /**
   * Returns the estimated JSON size of the queued writes (see {@link #queued}), the measure
   * {@link HoneyHive.Builder#maxQueueBytes} bounds for the queue itself.
   *
   * @return the estimated bytes queued
   */
  public long queuedBytes() {
    return queuedBytes;
  }

  /**
   * Returns how many writes the exporter has taken from the queue and is sending (or retrying) now.
   *
   * @return the number of writes in flight
   */
  public long inFlight() {
    return inFlight;
  }

  /**
   * Returns how many writes HoneyHive accepted.
   *
   * @return the number of writes sent
   */
  public long sent() {
    return sent;
  }

  /**
   * Returns how many writes failed for good: rejected by the API or failing after every retry.
   *
   * @return the number of writes failed
   */
  public long failed() {
    return failed;
  }

  /**
   * Returns how many writes were dropped without being sent: queue full, or client closed.
   *
   * @return the number of writes dropped
   */
  public long dropped() {
    return dropped;
  }

  /**
   * Returns how many requests were sent again after a failure: HTTP retries of any request of this client (connection
   * failures, 408, 409, 429, 5xx), re-sends of the events a partial success did not store, and the halves of a batch
   * split to isolate rejected events.
   *
   * @return the number of retried requests
   */
  public long retried() {
    return retried;
  }

  /**
   * Returns the last failure to deliver a write, if any.
   *
   * @return the last failure, or empty
   */
  public Optional<HoneyHiveException> lastError() {
    return Optional.ofNullable(lastError);
  }

  /**
   * Returns how often the exporter's loop failed unexpectedly and was started again (each restart is logged at ERROR
   * with its cause); 0 unless something went wrong inside the client. Always 0 in the
   * {@link DeliveryMode#SYNCHRONOUS} mode.
   *
   * @return the number of exporter restarts
   */
  public long exporterRestarts() {
    return exporterRestarts;
  }

  @Override
  public String toString() {
    return "DeliveryStats{queued=" + queued + ", queuedBytes=" + queuedBytes + ", inFlight=" + inFlight
        + ", sent=" + sent + ", failed=" + failed + ", dropped=" + dropped + ", retried=" + retried
        + (exporterRestarts == 0 ? "" : ", exporterRestarts=" + exporterRestarts)
        + ", lastError=" + (lastError == null ? "none" : lastError.getMessage()) + "}";
  }
}
