package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.internal.http.Calls;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops {@link BatchDelivery}: runs the {@link ExportLoop} on its thread (a daemon thread of its own or a
 * task on the caller's executor), and closes: refuses new writes, flushes within the close timeout, stops the
 * exporter, and past the deadline abandons what is left: the requests in flight are cancelled, and every write not
 * sent is dropped as {@link DropReason#CLOSED}, so none is lost without being counted. The spool is closed last,
 * keeping the files of what was not sent for the next client.
 *
 * <p>One lock orders a close against the exporter's exit: the exporter's thread is interrupted only while it runs the
 * exporter, and a close made on the exporter's own thread (by a listener), which cannot wait for the exporter, is
 * finished by the exporter as it exits.
 */
final class DeliveryLifecycle {
  /** How long close waits for the exporter to notice that it was cancelled, after the deadline. */
  private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Object lock = new Object();
  private final WriteQueue queue;
  private final WriteAdmission admission;
  private final ExportLoop loop;
  private final ExporterThread exporter;
  private final ExportWorkers workers;
  private final Watermark watermark;
  private final DroppedWrites drops;
  private final BatchSender sender;
  private final DeliveryCounters counters;
  /** Cancels the requests in flight when the close deadline passes; or null. */
  private final Calls calls;
  /** The disk spool, or null. */
  private final Spool spool;
  private final long closeTimeoutNanos;
  private final CountDownLatch exited = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  /** Whether close() was called on the exporter's own thread (from a listener); guarded by {@link #lock}. */
  private boolean closedByExporter;

  DeliveryLifecycle(long closeTimeoutNanos, WriteQueue queue, WriteAdmission admission, ExportLoop loop,
      ExporterThread exporter, ExportWorkers workers, Watermark watermark, DroppedWrites drops, BatchSender sender,
      DeliveryCounters counters, Calls calls, Spool spool) {
    this.closeTimeoutNanos = closeTimeoutNanos;
    this.queue = queue;
    this.admission = admission;
    this.loop = loop;
    this.exporter = exporter;
    this.workers = workers;
    this.watermark = watermark;
    this.drops = drops;
    this.sender = sender;
    this.counters = counters;
    this.calls = calls;
    this.spool = spool;
  }

  /**
   * Starts the exporter on a daemon thread named {@code threadName}, or on {@code executor} when it is not null.
   *
   * @throws IllegalArgumentException if {@code executor} rejects the exporter
   */
  void start(Executor executor, String threadName) {
    if (executor == null) {
      Thread thread = new Thread(this::runExporter, threadName);
      thread.setDaemon(true);
      thread.start();
    } else {
      try {
        executor.execute(this::runExporter);
      } catch (RejectedExecutionException e) {
        throw new IllegalArgumentException("the executor rejected the HoneyHive exporter task: " + e.getMessage(), e);
      }
    }
  }

  private void runExporter() {
    synchronized (lock) {
      exporter.attach(Thread.currentThread());
    }
    try {
      loop.run();
    } finally {
      boolean closedHere;
      synchronized (lock) {
        exporter.detach();
        Thread.interrupted(); // Leave a caller-supplied executor's thread as it was.
        closedHere = closedByExporter;
      }
      if (closedHere) {
        drops.dropQueued(); // Closed from a listener, on this thread: nobody else will.
        if (spool != null) {
          spool.close();
        }
      }
      // Only now: a closer waiting on this drops the leftovers itself, and must not race a drop here.
      exited.countDown();
      watermark.exporterStopped();
    }
  }

  /** Flushes within the close timeout, then stops. Idempotent; a second caller waits for the first to finish. */
  void close() {
    boolean first;
    synchronized (lock) {
      first = admission.isOpen();
      if (first) {
        admission.closing();
        if (loop.isExportThread()) {
          // Closed from a listener: the exporter cannot wait for itself. It stops after the current batch.
          loop.requestStop();
          closedByExporter = true;
          admission.closed();
          closed.countDown();
          return;
        }
      }
    }
    if (!first) {
      // A second closer (the shutdown hook) waits too; outside the lock, which the exporter takes as it exits.
      if (!loop.isExportThread()) {
        await(closed, closeTimeoutNanos + STOP_GRACE_NANOS);
      }
      return;
    }
    try {
      closeAndDrain();
    } finally {
      closed.countDown();
    }
  }

  private void closeAndDrain() {
    long deadline = System.nanoTime() + closeTimeoutNanos;
    watermark.awaitPast(queue.tail(), deadline);
    if (deadline - System.nanoTime() <= 0) {
      // The close timeout is spent: what is not on the wire yet is dropped, not sent now. Set before the exporter
      // learns of the stop, or it may start sending the window it was about to hand to a busy worker.
      sender.abandoned = true;
    }
    loop.requestStop();
    loop.wake();
    if (!await(exited, deadline - System.nanoTime())) {
      sender.abandoned = true;
      synchronized (lock) {
        Thread running = exporter.get();
        if (running != null && running != Thread.currentThread()) {
          if (calls != null) {
            calls.cancelCallsOf(running);
          }
          running.interrupt();
        }
        workers.abandon(calls);
      }
      if (!await(exited, STOP_GRACE_NANOS)) {
        DeliveryCounters.log.warn("the HoneyHive exporter did not stop within the close timeout");
      }
    }
    admission.closed();
    counters.logDropsIfDue(true);
    drops.dropQueued();
    if (spool != null) {
      spool.close(); // Keeps the files of the writes left over, for the next client on the directory.
    }
  }

  private static boolean await(CountDownLatch latch, long nanos) {
    try {
      return latch.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return latch.getCount() == 0;
    }
  }
}
