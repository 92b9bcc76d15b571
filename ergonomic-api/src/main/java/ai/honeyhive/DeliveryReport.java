package ai.honeyhive;

import ai.honeyhive.internal.delivery.DeliveryTotals;

/**
 * What {@link HoneyHive#flush} found: how the writes (session starts, events, updates) made before the call ended.
 * Immutable.
 *
 * <p>{@link #sent()}, {@link #failed()} and {@link #dropped()} are totals since the client was built, read when the
 * flush returned, like those of {@link HoneyHive#stats()}; compare two reports to see what happened in between.
 * {@link #pending()} counts the writes made before the call that had not ended when the flush returned: 0 when every
 * one of them was sent, failed or dropped, more when the deadline passed first. With one thread writing and flushing,
 * {@code sent + failed + dropped + pending} is exactly the number of writes made so far.
 */
public final class DeliveryReport {
  private final long sent;
  private final long failed;
  private final long dropped;
  private final long pending;

  /** The report of a flush, from the delivery's totals. */
  static DeliveryReport of(DeliveryTotals totals) {
    return new DeliveryReport(totals.sent(), totals.failed(), totals.dropped(), totals.pending());
  }

  DeliveryReport(long sent, long failed, long dropped, long pending) {
    this.sent = sent;
    this.failed = failed;
    this.dropped = dropped;
    this.pending = pending;
  }

  /**
   * Returns how many writes HoneyHive accepted since the client was built.
   *
   * @return the number of writes sent
   */
  public long sent() {
    return sent;
  }

  /**
   * Returns how many writes failed for good since the client was built (each was reported to
   * {@link DeliveryListener#onFailed}).
   *
   * @return the number of writes failed
   */
  public long failed() {
    return failed;
  }

  /**
   * Returns how many writes were dropped without being sent since the client was built (each was reported to
   * {@link DeliveryListener#onDropped}).
   *
   * @return the number of writes dropped
   */
  public long dropped() {
    return dropped;
  }

  /**
   * Returns how many writes made before the flush had not ended when it returned. When events are being dropped by
   * {@link QueueFullPolicy#DROP_OLDEST} while the deadline passes, a few of them may be counted here too.
   *
   * @return 0 when the flush completed, else more
   */
  public long pending() {
    return pending;
  }

  /**
   * Returns whether every write made before the flush ended (sent, failed or dropped) before its deadline.
   *
   * @return true when {@link #pending()} is 0
   */
  public boolean isComplete() {
    return pending == 0;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DeliveryReport)) {
      return false;
    }
    DeliveryReport that = (DeliveryReport) other;
    return sent == that.sent && failed == that.failed && dropped == that.dropped && pending == that.pending;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sent) * 31 * 31 * 31 + Long.hashCode(failed) * 31 * 31 + Long.hashCode(dropped) * 31
        + Long.hashCode(pending);
  }

  @Override
  public String toString() {
    return "DeliveryReport{sent=" + sent + ", failed=" + failed + ", dropped=" + dropped + ", pending=" + pending + "}";
  }
}
