package ai.honeyhive;

/**
 * What a write does when the delivery queue is full, by count ({@link HoneyHive.Builder#maxQueueSize}) or by
 * estimated size ({@link HoneyHive.Builder#maxQueueBytes}). Applies to the {@link DeliveryMode#BATCHED} mode only.
 * Every dropped write is counted in {@link DeliveryStats#dropped()} and reported to
 * {@link DeliveryListener#onDropped} with {@link DropReason#QUEUE_FULL}.
 */
public enum QueueFullPolicy {
  /** The default: the new write is dropped and the call returns at once. The queue keeps the oldest writes. */
  DROP_NEWEST,

  /**
   * The oldest queued writes are dropped to make room for the new one, so the queue keeps the most recent writes.
   * Dropping an old write of a session can leave that session incomplete (for example without its start).
   */
  DROP_OLDEST,

  /**
   * The calling thread waits for room, up to {@link HoneyHive.Builder#blockTimeout}; if the queue is still full then,
   * the new write is dropped. This slows the application down to the exporter's pace instead of losing data. The
   * exporter's own thread never waits (a listener that logs drops the new write).
   */
  BLOCK
}
