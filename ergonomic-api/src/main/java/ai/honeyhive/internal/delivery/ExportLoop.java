package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.internal.config.DeliveryOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The exporter of {@link BatchDelivery}: one loop that sleeps until a batch is due (the queue holds
 * {@code maxBatchSize} writes or {@code maxBatchBytes}, {@code maxBatchDelay} passed since the last export, or a flush
 * waits), cuts the next window off the queue (by count and by estimated bytes), and sends it. The queue keeps filling
 * meanwhile.
 *
 * <p>With {@link ExportWorkers workers}, a window of events only goes to an idle one, the loop waiting for one to
 * finish if all are busy, and goes on to the next; a window with a session start or an update waits for the workers
 * and is sent by the loop itself, so each session's writes stay in order. Each window's end goes to the
 * {@link Watermark}.
 *
 * <p>Runs on the one thread {@link DeliveryLifecycle} gives it, until asked to stop. Fields without a note are read
 * and written by that thread only; the volatile ones are read by others for {@link BatchDelivery#stats()}.
 */
final class ExportLoop {
  /** How long the loop parks between looks for an idle worker, should a worker's wake-up be missed. */
  private static final long HAND_OFF_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /** How long the loop waits, once stopped, for the workers to end the windows they hold. */
  private static final long WORKERS_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final WriteQueue queue;
  private final BatchSender sender;
  private final DeliveryCounters counters;
  private final ExportWorkers workers;
  private final Watermark watermark;
  private final ExporterThread thread;
  private final DroppedWrites drops;
  private final int maxBatchSize;
  private final long maxBatchBytes;
  private final long maxDelayNanos;

  private volatile boolean stopRequested;
  /** How many writes this loop's own thread is sending. */
  private volatile int inFlight;
  /** The writes and bytes of the window this loop holds while it waits for an idle worker. */
  private volatile int waiting;
  private volatile long waitingBytes;
  /** The sequence number of the next window. */
  private long nextWindow;
  /** Where the last window cut ended: the next one starts there. */
  private long lastWindowEnd;

  ExportLoop(DeliveryOptions settings, WriteQueue queue, BatchSender sender, DeliveryCounters counters,
      ExportWorkers workers, Watermark watermark, ExporterThread thread, DroppedWrites drops) {
    this.queue = queue;
    this.sender = sender;
    this.counters = counters;
    this.workers = workers;
    this.watermark = watermark;
    this.thread = thread;
    this.drops = drops;
    this.maxBatchSize = settings.maxBatchSize();
    this.maxBatchBytes = settings.maxBatchBytes();
    this.maxDelayNanos = settings.maxBatchDelay().toNanos();
  }

  /**
   * Runs the loop on the calling thread until a stop is requested (restarting it if it throws, see
   * {@link ExporterSupervisor}), then waits for the workers to end their windows and stops them.
   */
  void run() {
    try {
      ExporterSupervisor.run(this::loop, () -> stopRequested, counters);
    } finally {
      // Wait for the workers (an interrupt from close does not end this wait: it was for the requests it abandoned),
      // so that every write they held is counted before close learns that the exporter stopped.
      if (!workers.awaitIdle(WORKERS_GRACE_NANOS, false)) {
        DeliveryCounters.log.warn("a HoneyHive export worker was still sending when the exporter stopped");
      }
      workers.stop();
    }
  }

  /** Asks the loop to stop after the window it is sending; {@link #wake()} it for it to notice at once. */
  void requestStop() {
    stopRequested = true;
  }

  /** Wakes the loop: a flush waits, the queue is full, or it should stop. */
  void wake() {
    thread.wake();
  }

  /** Wakes the loop if it sleeps and a full batch waits: what a writer does after queueing. Lock-free. */
  void wakeIfBatchDue() {
    if (thread.isSleeping() && batchDue()) {
      thread.wake();
    }
  }

  /** Whether this is the loop's thread or a worker's: one that must never wait for the exporter. */
  boolean isExportThread() {
    return thread.isCurrent() || workers.owns(Thread.currentThread());
  }

  /** How many writes the loop holds, out of the queue, while it waits for an idle worker. */
  int waitingWrites() {
    return waiting;
  }

  /** The estimated bytes of the {@link #waitingWrites()}. */
  long waitingBytes() {
    return waitingBytes;
  }

  /** How many writes are being sent, by the loop's thread and the workers. */
  int sending() {
    return inFlight + workers.inFlight();
  }

  private boolean batchDue() {
    return queue.size() >= maxBatchSize || queue.bytes() >= maxBatchBytes;
  }

  private void loop() {
    List<Object> window = new ArrayList<>(maxBatchSize);
    long[] polled = new long[2];
    Object carry = null;
    long carrySize = 0;
    long carryPosition = 0;
    long nextExport = System.nanoTime() + maxDelayNanos;
    while (!stopRequested) {
      counters.logDropsIfDue(false);
      boolean flushing = flushPending();
      if (!(flushing || carry != null || System.nanoTime() - nextExport >= 0 || batchDue())) {
        if (!sleep(nextExport)) {
          break;
        }
        continue;
      }
      long bytes = 0;
      if (carry != null) {
        window.add(carry);
        bytes = carrySize;
        carry = null;
      }
      while (window.size() < maxBatchSize) {
        Object item = queue.poll(polled);
        if (item == null) {
          break;
        }
        if (!window.isEmpty() && bytes + polled[0] > maxBatchBytes) {
          carry = item;
          carrySize = polled[0];
          carryPosition = polled[1];
          break;
        }
        window.add(item);
        bytes += polled[0];
      }
      // Every position below `ended` was in this window or taken by a writer dropping the oldest.
      long ended = carry != null ? carryPosition : queue.head();
      long sequence = nextWindow++;
      watermark.windowCut(sequence, lastWindowEnd);
      lastWindowEnd = ended;
      if (!window.isEmpty()) {
        try {
          sendWindow(window, bytes, sequence, ended);
        } catch (Throwable t) {
          // Not from a request (the sender settles each one): count the window and the carry, end the window so
          // that flushes go on, and let the supervisor restart this loop.
          sender.failAll(window, t);
          window.clear();
          if (carry != null) {
            sender.failAll(List.of(carry), t);
            carry = null;
          }
          lastWindowEnd = Math.max(lastWindowEnd, queue.head());
          watermark.windowEnded(sequence, lastWindowEnd);
          throw t;
        }
      } else {
        if (flushing && ended < watermark.flushTarget()) {
          Thread.yield(); // A writer claimed a position and is storing its write: a matter of nanoseconds.
        }
        watermark.windowEnded(sequence, ended);
      }
      if (carry == null && queue.size() == 0) {
        nextExport = System.nanoTime() + maxDelayNanos;
      }
    }
    if (carry != null) {
      drops.drop(carry, DropReason.CLOSED);
    }
  }

  /**
   * Sleeps until {@code nextExport} unless a batch became due meanwhile, or until woken. Returns false if the thread
   * was interrupted without a stop request: its executor is shutting down, and the loop must end.
   */
  private boolean sleep(long nextExport) {
    thread.setSleeping(true);
    if (!(flushPending() || stopRequested || batchDue())) {
      long wait = nextExport - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
      }
    }
    thread.setSleeping(false);
    if (Thread.currentThread().isInterrupted() && !stopRequested) {
      // Its executor is shutting down (shutdownNow): stop rather than spin. Close drops what is left.
      DeliveryCounters.log.warn("the HoneyHive exporter was interrupted and stopped; writes queue until close()");
      return false;
    }
    return true;
  }

  /**
   * Whether a flush waits for something the loop can act on: writes still in the queue, or (when no worker is
   * sending) positions to count as ended. Writes that workers are sending are not: the worker's end wakes the loop.
   */
  private boolean flushPending() {
    long target = watermark.flushTarget();
    return target > watermark.value() && (queue.head() < target || workers.inFlight() == 0);
  }

  /**
   * Sends {@code window}: hands it to an idle worker if it holds events only, else sends it on this thread. A window
   * with a session start or an update first waits for the workers' windows to end, so that each session's writes keep
   * their order; windows of events only do not depend on one another.
   */
  private void sendWindow(List<Object> window, long bytes, long sequence, long ended) {
    boolean eventsOnly = true;
    for (Object item : window) {
      if (item instanceof Write) {
        eventsOnly = false;
        break;
      }
    }
    if (eventsOnly && handOff(window, bytes, sequence, ended)) {
      window.clear();
      return;
    }
    if (!eventsOnly) {
      workers.awaitIdle(Long.MAX_VALUE, true);
    }
    inFlight = window.size();
    try {
      sender.send(window);
    } finally {
      window.clear();
      inFlight = 0;
    }
    watermark.windowEnded(sequence, ended);
  }

  /**
   * Hands a window of events to a worker, waiting for one to become idle when all are sending (a worker's end wakes
   * this thread). Returns false, keeping the window for this thread to send, when no worker runs or the client is
   * closing.
   */
  private boolean handOff(List<Object> window, long bytes, long sequence, long ended) {
    List<Object> copy = new ArrayList<>(window);
    if (workers.offer(copy, sequence, ended)) {
      return true;
    }
    waitingBytes = bytes; // Still queued, for stats(), while it waits for a worker.
    waiting = window.size();
    try {
      while (!workers.offer(copy, sequence, ended)) {
        if (!workers.anyRunning() || stopRequested || Thread.currentThread().isInterrupted()) {
          return false;
        }
        LockSupport.parkNanos(this, HAND_OFF_WAIT_NANOS);
      }
      return true;
    } finally {
      waiting = 0;
      waitingBytes = 0;
    }
  }
}
