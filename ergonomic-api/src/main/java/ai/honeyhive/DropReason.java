package ai.honeyhive;

/** Why a write was dropped without being sent; see {@link DeliveryListener#onDropped}. */
public enum DropReason {
  /** The delivery queue was full; see {@link QueueFullPolicy}. */
  QUEUE_FULL,

  /**
   * The write's estimated JSON size was above {@link HoneyHive.Builder#maxEventBytes}: queueing it would let one
   * caller make the exporter hold and encode a value without bound.
   */
  TOO_LARGE,

  /**
   * The client was closed: the write was made after {@link HoneyHive#close()} began, or was still queued when the
   * close deadline ({@link HoneyHive.Builder#closeTimeout}) passed.
   */
  CLOSED
}
