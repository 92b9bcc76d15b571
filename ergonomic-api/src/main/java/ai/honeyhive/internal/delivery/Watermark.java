package ai.honeyhive.internal.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far {@link BatchDelivery}'s writes have ended, in queue order, and the flushes that wait for it.
 *
 * <p>The exporter cuts the queue into windows numbered in order. A window ends once it was sent, on the exporter's
 * thread or a worker's, so windows end out of order when workers send them. The watermark is the queue position below
 * which every write has ended: it moves only past windows whose predecessors all ended. A flush names a position (the
 * queue's tail at its call) and waits until the watermark passes it, the exporter stops, or its deadline passes.
 *
 * <p>With a spool, each window's start is kept until it ends, so that the spool learns which positions ended and can
 * delete the segments it no longer needs.
 *
 * <p>One lock guards the windows not ended yet and the flushes waiting; the watermark is a volatile field, written
 * under it, that only moves forward.
 */
final class Watermark implements ExportWorkers.Ended {
  private final Object lock = new Object();
  /** The disk spool, or null. */
  private final Spool spool;
  private final BatchSender sender;
  private final ExporterThread exporter;
  /** Every write at a queue position below this has ended. Written under {@link #lock}. */
  private volatile long value;
  /** The highest queue position a flush is waiting for. */
  private final AtomicLong flushTarget = new AtomicLong();
  private volatile boolean exporterStopped;
  /** Where each window not ended yet starts, for the spool; guarded by {@link #lock}. */
  private final Map<Long, Long> windowStarts = new HashMap<>();
  /** The ends of the windows that ended before an earlier one, by sequence number; guarded by {@link #lock}. */
  private final TreeMap<Long, Long> endedEarly = new TreeMap<>();
  /** The sequence number of the first window not ended yet; guarded by {@link #lock}. */
  private long firstUnended;
  /** How many flushes wait on {@link #lock}; guarded by it. */
  private int waiters;

  /**
   * @param spool told which positions ended, or null
   * @param sender whether it abandoned its writes at close, which then stay in the spool for the next client
   * @param exporter woken when a window a worker sent ended, and when a flush starts waiting
   */
  Watermark(Spool spool, BatchSender sender, ExporterThread exporter) {
    this.spool = spool;
    this.sender = sender;
    this.exporter = exporter;
  }

  /** Returns the position below which every write has ended. */
  long value() {
    return value;
  }

  /** Returns the highest position a flush waits for (0 if none ever did). */
  long flushTarget() {
    return flushTarget.get();
  }

  /** Records that window {@code sequence} starts at queue position {@code start}; kept only for a spool. */
  void windowCut(long sequence, long start) {
    if (spool != null) {
      synchronized (lock) {
        windowStarts.put(sequence, start);
      }
    }
  }

  /**
   * Window {@code sequence} ended (on the exporter's thread or a worker's); every queue position below {@code end} was
   * in it or an earlier window. Moves the watermark once every earlier window has ended too, and wakes the flushes
   * waiting and, from a worker, the exporter.
   */
  @Override
  public void windowEnded(long sequence, long end) {
    if (spool != null) {
      Long start;
      synchronized (lock) {
        start = windowStarts.remove(sequence);
      }
      if (start != null && !sender.abandoned) {
        spool.ended(start, end); // Abandoned at close: what was dropped stays in the spool for the next client.
      }
    }
    synchronized (lock) {
      if (sequence != firstUnended) {
        endedEarly.put(sequence, end);
        return;
      }
      long moved = end;
      firstUnended++;
      for (Long next = endedEarly.remove(firstUnended); next != null; next = endedEarly.remove(firstUnended)) {
        moved = Math.max(moved, next);
        firstUnended++;
      }
      if (moved > value) {
        value = moved;
      }
      if (waiters > 0) {
        lock.notifyAll();
      }
    }
    if (!exporter.isCurrent()) {
      exporter.wake(); // A flush may wait for positions only the exporter can count as ended, or the next batch.
    }
  }

  /**
   * Waits until the watermark passes {@code target}, the exporter stops, or {@code deadline} (a
   * {@link System#nanoTime()}) passes; first asks the exporter to send what lies below {@code target} at once. Never
   * call this on a thread the exporter waits for.
   */
  void awaitPast(long target, long deadline) {
    if (value >= target) {
      return;
    }
    flushTarget.accumulateAndGet(target, Math::max);
    exporter.wake();
    synchronized (lock) {
      waiters++;
      try {
        while (value < target && !exporterStopped) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return;
          }
          lock.wait(TimeUnit.NANOSECONDS.toMillis(left), (int) (left % 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waiters--;
      }
    }
  }

  /** Records that the exporter stopped: the watermark will not move any more, so no flush waits longer. */
  void exporterStopped() {
    exporterStopped = true;
    synchronized (lock) {
      if (waiters > 0) {
        lock.notifyAll();
      }
    }
  }
}
