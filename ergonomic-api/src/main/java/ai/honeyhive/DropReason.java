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
   * close deadline ({@link HoneyHive.Builder#closeTimeout}) passed. With a {@link HoneyHive.Builder#spoolDirectory
   * spool}, such a queued write also stays in the spool, and the next client on the directory sends it.
   */
  CLOSED,

  /**
   * The {@link HoneyHive.Builder#spoolDirectory spool} was at its byte bound ({@link HoneyHive.Builder#maxSpoolBytes}):
   * the new write was refused, whatever the {@link QueueFullPolicy}, since a write that cannot be made durable is not
   * accepted.
   */
  SPOOL_FULL,

  /**
   * A record the spool holds from an earlier client could not be read (the disk or someone changed the file), so it
   * cannot be sent. Its id is unknown: the listener hears of it with an empty list of ids, and the log names the file.
   * Each unreadable stretch of a file counts as one write.
   */
  SPOOL_CORRUPT
}
