package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends the writes that {@link BatchDelivery} gives up on: counts each as dropped (which reports it to the listener)
 * and fails its future, if it has one, so that no write ends without being counted. Writers drop what they cannot
 * queue; the exporter drops the write it carried over when it stops; close drops what is left in the queue.
 */
final class DroppedWrites {
  /** How long {@link #dropQueued} waits for a writer that claimed a queue position to store its write. */
  private static final long STRAGGLER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final WriteQueue queue;
  private final DeliveryCounters counters;

  DroppedWrites(WriteQueue queue, DeliveryCounters counters) {
    this.queue = queue;
    this.counters = counters;
  }

  /** Drops {@code write} for {@code reason}. */
  void drop(Object write, DropReason reason) {
    counters.dropped(write, reason);
    if (write instanceof Write) {
      ((Write) write).complete(new HoneyHiveException(
          "not sent: " + write + " was dropped (" + reason + ")", null));
    }
  }

  /**
   * Drops every write still queued as {@link DropReason#CLOSED}, waiting out writers that claimed a place but have
   * not stored their write yet.
   */
  void dropQueued() {
    List<Object> left = new ArrayList<>();
    long giveUp = System.nanoTime() + STRAGGLER_WAIT_NANOS;
    while (true) {
      Object item = queue.poll(null);
      if (item != null) {
        left.add(item);
      } else if (queue.head() >= queue.tail() || System.nanoTime() - giveUp > 0) {
        break;
      } else {
        Thread.onSpinWait();
      }
    }
    counters.dropped(left, DropReason.CLOSED);
    for (Object write : left) {
      if (write instanceof Write) {
        ((Write) write).complete(new HoneyHiveException(
            "not sent: the client was closed before " + write + " could be sent", null));
      }
    }
  }
}
