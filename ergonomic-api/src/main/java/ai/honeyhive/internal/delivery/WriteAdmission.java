package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.QueueFullPolicy;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.config.DeliveryOptions;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The writers' side of {@link BatchDelivery}: admits a write into the {@link WriteQueue}, appending it to the spool
 * first when there is one, or drops it, counted: when the client is closing, the write is larger than
 * {@code maxEventBytes}, the spool is full, or the queue is full and the {@link QueueFullPolicy} says so.
 *
 * <p>Runs on the callers' threads. Without a spool an admission takes no lock and allocates nothing: one volatile read
 * of the state, one atomic add for the bytes and one compare-and-set for the slot, and a wake-up of the exporter only
 * if it sleeps while a full batch waits. With a spool the write is encoded and appended under the spool's lock.
 *
 * <p>Also moves into the queue what earlier clients left in the spool ({@link SpoolReplay.Sink}).
 */
final class WriteAdmission implements SpoolReplay.Sink {
  /** Rough JSON size of an event without its free-form maps: three ids, type, times, keys and punctuation. */
  static final long EVENT_BASE_BYTES = 300;
  /** How long a writer blocked by {@link QueueFullPolicy#BLOCK} sleeps between looks at the queue. */
  private static final long BLOCK_POLL_NANOS = 100_000;
  private static final int OPEN = 0;
  private static final int CLOSING = 1;
  private static final int CLOSED = 2;

  private final WriteQueue queue;
  /** The disk spool, or null. */
  private final Spool spool;
  private final DeliveryCounters counters;
  private final DroppedWrites drops;
  private final ExportLoop exporter;
  private final long maxEventBytes;
  private final QueueFullPolicy queueFullPolicy;
  private final long blockTimeoutNanos;
  private final int capacity;
  /** Written by {@link DeliveryLifecycle} only, under its lock. */
  private volatile int state = OPEN;

  WriteAdmission(DeliveryOptions settings, WriteQueue queue, Spool spool, DeliveryCounters counters,
      DroppedWrites drops, ExportLoop exporter) {
    this.queue = queue;
    this.spool = spool;
    this.counters = counters;
    this.drops = drops;
    this.exporter = exporter;
    this.maxEventBytes = settings.maxEventBytes();
    this.queueFullPolicy = settings.queueFullPolicy();
    this.blockTimeoutNanos = settings.blockTimeout().toNanos();
    this.capacity = settings.maxQueueSize();
  }

  /** Returns the estimated JSON size of {@code event}, given that of its free-form fields. */
  static long eventBytes(Event event, long fieldBytes) {
    long size = EVENT_BASE_BYTES + fieldBytes + (event.getEventName() == null ? 0 : event.getEventName().length());
    if (event.getChildrenIds() != null) {
      size += 40L * event.getChildrenIds().size();
    }
    return size;
  }

  /** Whether writes are admitted: close has not begun. */
  boolean isOpen() {
    return state == OPEN;
  }

  /** Refuses every write from now on: close has begun. */
  void closing() {
    state = CLOSING;
  }

  /**
   * Refuses every write, and has a write that slipped in meanwhile dropped by its writer: close has drained the queue.
   */
  void closed() {
    state = CLOSED;
  }

  /**
   * Queues {@code write} ({@code size} its estimated JSON size), or drops it, counted.
   *
   * @return false if it was dropped at once instead
   */
  boolean admit(Object write, long size) {
    if (state != OPEN) {
      drops.drop(write, DropReason.CLOSED);
      return false;
    }
    if (size > maxEventBytes) {
      drops.drop(write, DropReason.TOO_LARGE); // The queue's byte bound admits any one write into an empty queue.
      return false;
    }
    SpoolRecords.Framed record = null;
    if (spool != null) {
      record = encodeForSpool(write);
      if (record == null) {
        return false;
      }
    }
    long position = offer(write, size, record);
    boolean queued = position >= 0;
    if (queued) {
      exporter.wakeIfBatchDue();
    } else if (!refusedBySpool(write, position)) {
      queued = whenFull(write, size, record);
    }
    if (state == CLOSED) {
      // Close drained the queue before this write arrived: drop it (and anything else left) so it is counted.
      drops.dropQueued();
    }
    return queued;
  }

  /**
   * Queues a write moved from what an earlier client left in the spool, waiting while the queue is full; the spool's
   * byte bound does not apply, since its old copy is deleted once moved.
   *
   * @return false if the client is closing and did not take it
   */
  @Override
  public boolean resubmit(Object write, SpoolRecords.Framed record) {
    long size = write instanceof Write ? ((Write) write).estimateBytes() : EVENT_BASE_BYTES + record.size();
    while (state == OPEN) {
      long position = spool.append(record, () -> queue.offer(write, size), false);
      if (position >= 0) {
        exporter.wakeIfBatchDue();
        return true;
      }
      if (position == Spool.CLOSED) {
        return false;
      }
      exporter.wake();
      LockSupport.parkNanos(this, BLOCK_POLL_NANOS);
    }
    return false;
  }

  /**
   * Queues {@code write}, appending {@code record} to the spool first when there is one.
   *
   * @return its queue position, or {@link Spool#QUEUE_FULL}, {@link Spool#SPOOL_FULL} or {@link Spool#CLOSED}
   */
  private long offer(Object write, long size, SpoolRecords.Framed record) {
    return record == null ? queue.offer(write, size) : spool.append(record, () -> queue.offer(write, size), true);
  }

  /**
   * Encodes {@code write} for the spool on the caller's thread; returns null, having reported it failed, if it cannot
   * be (a value that throws while written, {@link Error}s included: they fail the write, never the caller).
   */
  private SpoolRecords.Framed encodeForSpool(Object write) {
    try {
      return new SpoolRecords.Framed(SpoolCodec.encode(write));
    } catch (Throwable t) {
      HoneyHiveException failure = write instanceof Event
          ? EncodeFailure.of((Event) write, t) : new HoneyHiveException(write + " could not be written: " + t, t);
      counters.failed(write instanceof Write ? ((Write) write).ids() : List.of(DeliveryCounters.idOf(write)), failure);
      if (write instanceof Write) {
        ((Write) write).complete(failure);
      }
      return null;
    }
  }

  /**
   * Drops {@code write} if the spool refused it ({@link Spool#SPOOL_FULL} or {@link Spool#CLOSED}); returns whether it
   * did. A full queue ({@link Spool#QUEUE_FULL}) is left to the queue-full policy.
   */
  private boolean refusedBySpool(Object write, long position) {
    if (position == Spool.SPOOL_FULL || position == Spool.CLOSED) {
      drops.drop(write, position == Spool.SPOOL_FULL ? DropReason.SPOOL_FULL : DropReason.CLOSED);
      return true;
    }
    return false;
  }

  /** Applies the queue-full policy to {@code write}; returns whether it was queued in the end. */
  private boolean whenFull(Object write, long size, SpoolRecords.Framed record) {
    switch (queueFullPolicy) {
      case DROP_OLDEST:
        return dropOldest(write, size, record);
      case BLOCK:
        return block(write, size, record);
      case DROP_NEWEST:
      default:
        drops.drop(write, DropReason.QUEUE_FULL);
        return false;
    }
  }

  /** {@link QueueFullPolicy#DROP_OLDEST}: evicts the oldest queued writes until {@code write} fits. */
  private boolean dropOldest(Object write, long size, SpoolRecords.Framed record) {
    for (int attempts = 0; attempts < 2 * capacity + 16; attempts++) {
      Object oldest = queue.poll(null);
      if (oldest != null) {
        drops.drop(oldest, DropReason.QUEUE_FULL);
      } else {
        Thread.onSpinWait();
      }
      long position = offer(write, size, record);
      if (position >= 0) {
        exporter.wake();
        return true;
      } else if (refusedBySpool(write, position)) {
        return false;
      }
    }
    drops.drop(write, DropReason.QUEUE_FULL);
    return false;
  }

  /** {@link QueueFullPolicy#BLOCK}: waits for room up to the block timeout, waking the exporter meanwhile. */
  private boolean block(Object write, long size, SpoolRecords.Framed record) {
    if (exporter.isExportThread()) {
      drops.drop(write, DropReason.QUEUE_FULL); // The exporter must never wait for itself.
      return false;
    }
    long deadline = System.nanoTime() + blockTimeoutNanos;
    while (true) {
      exporter.wake();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        drops.drop(write, DropReason.QUEUE_FULL);
        return false;
      }
      LockSupport.parkNanos(this, Math.min(left, BLOCK_POLL_NANOS));
      if (state != OPEN) {
        drops.drop(write, DropReason.CLOSED);
        return false;
      }
      long position = offer(write, size, record);
      if (position >= 0) {
        return true;
      } else if (refusedBySpool(write, position)) {
        return false;
      }
    }
  }
}
