package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.QueueFullPolicy;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.config.DeliveryOptions;
import ai.honeyhive.internal.http.Calls;
import ai.honeyhive.internal.wire.JsonValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link ai.honeyhive.DeliveryMode#BATCHED} mode: writes go into a bounded {@link WriteQueue} and one exporter sends them in
 * batches through a {@link BatchSender}.
 *
 * <h2>The caller's side</h2>
 * A write brings its estimated JSON size (an event's was summed up as its fields were set, while they were checked:
 * {@link ai.honeyhive.EventDraft#estimatedBytes}; a session start or update walks its maps, see {@link JsonValues#estimate}), offers
 * itself to the queue (one atomic add for the bytes, one compare-and-set for the slot), and wakes the exporter only if
 * it sleeps and a full batch is waiting. No lock, no serialization, no allocation beyond the write itself. When the
 * queue is full, the {@link QueueFullPolicy} decides; every drop is counted and reported.
 *
 * <h2>The exporter</h2>
 * One loop, on a daemon thread of its own or on the caller-supplied executor. It sleeps until a batch is due: the
 * queue holds {@code maxBatchSize} writes or {@code maxBatchBytes}, {@code maxBatchDelay} passed since the last
 * export, a flush waits, or the client closes. Then it takes up to a batch (by count and by estimated bytes) and sends
 * it, keeping each session's order; the queue keeps filling meanwhile. With {@code maxConcurrentExports} above 1, a
 * window of events only goes to an idle {@link ExportWorkers worker} instead (one of {@code maxConcurrentExports}), the
 * exporter waiting for one to finish if all are busy, and goes on to the next; a window with a session start or an
 * update waits for the workers and is sent by the exporter, so each session's writes stay in order.
 *
 * <h2>Flush and close</h2>
 * The exporter publishes a watermark: every write at a queue position below it has ended (windows end out of order
 * when workers send them; the watermark moves only past windows whose predecessors all ended). A flush waits until the
 * watermark passes the queue's tail as it was at the call. Close refuses new writes, flushes within the close timeout,
 * stops the exporter, and past the deadline abandons what is left: the request in flight is cancelled, and every
 * write not sent is dropped as {@link DropReason#CLOSED}, so none is lost without being counted.
 */
public final class BatchDelivery implements Delivery {
  private static final int OPEN = 0;
  private static final int CLOSING = 1;
  private static final int CLOSED = 2;
  /** Rough JSON size of an event without its free-form maps: three ids, type, times, keys and punctuation. */
  private static final long EVENT_BASE_BYTES = 300;
  /** How long a writer blocked by {@link QueueFullPolicy#BLOCK} sleeps between looks at the queue. */
  private static final long BLOCK_POLL_NANOS = 100_000;
  /** How long close waits for the exporter to notice that it was cancelled, after the deadline. */
  /** How long the exporter parks between looks for an idle worker, should a worker's wake-up be missed. */
  private static final long HAND_OFF_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final AtomicLong THREAD_NUMBERS = new AtomicLong();

  private final WriteQueue queue;
  private final BatchSender sender;
  private final DeliveryCounters counters;
  private final Calls calls;
  private final int maxBatchSize;
  private final long maxBatchBytes;
  private final long maxEventBytes;
  private final long maxDelayNanos;
  private final QueueFullPolicy queueFullPolicy;
  private final long blockTimeoutNanos;
  private final long closeTimeoutNanos;
  private final int capacity;
  /** The disk spool, or null. */
  private final Spool spool;

  private volatile int state = OPEN;
  private final Object stateLock = new Object();
  /** The thread running the exporter loop; guarded by {@link #stateLock} for interrupting. */
  private volatile Thread exporterThread;
  private volatile boolean sleeping;
  private volatile boolean stopRequested;
  /** Every write at a queue position below this has ended. Written by the exporter only. */
  private volatile long watermark;
  /** The highest queue position a flush is waiting for. */
  private final AtomicLong flushTarget = new AtomicLong();
  /** How many writes the exporter's own thread is sending. */
  private volatile int inFlight;
  /** The writes and bytes of the window the exporter holds while it waits for an idle worker. */
  private volatile int waiting;
  private volatile long waitingBytes;
  private final ExportWorkers workers;
  /** The sequence number of the next window; exporter thread only. */
  private long nextWindow;
  /** Where the last window cut ended: the next one starts there. Exporter thread only. */
  private long lastWindowEnd;
  /** Where each window not ended yet starts, for the spool; guarded by {@link #endedEarly}. */
  private final java.util.HashMap<Long, Long> windowStarts = new java.util.HashMap<>();
  /** Windows end out of order when workers send them; the watermark moves in order. Guarded by itself. */
  private final TreeMap<Long, Long> endedEarly = new TreeMap<>();
  /** The sequence number of the first window not ended yet; guarded by {@link #endedEarly}. */
  private long firstUnended;
  private final CountDownLatch exited = new CountDownLatch(1);
  /** Whether close() was called on the exporter's own thread (from a listener); guarded by stateLock. */
  private boolean closedByExporter;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Object progress = new Object();
  private volatile int waiters;

  /**
   * Starts the exporter.
   *
   * @param calls to cancel the request in flight when the close deadline passes; may be null
   * @param executor runs the exporter loop; null for a daemon thread of its own
   * @param spool the disk spool every write is appended to, closed with this; or null
   * @throws IllegalArgumentException if {@code executor} rejects the exporter
   */
  public BatchDelivery(DeliveryOptions settings, BatchSender sender, DeliveryCounters counters, Calls calls, Executor executor,
      Spool spool) {
    this.spool = spool;
    this.capacity = settings.maxQueueSize();
    this.maxEventBytes = settings.maxEventBytes();
    this.queue = new WriteQueue(settings.maxQueueSize(), settings.maxQueueBytes());
    this.sender = sender;
    this.counters = counters;
    this.calls = calls;
    this.maxBatchSize = settings.maxBatchSize();
    this.maxBatchBytes = settings.maxBatchBytes();
    this.maxDelayNanos = settings.maxBatchDelay().toNanos();
    this.queueFullPolicy = settings.queueFullPolicy();
    this.blockTimeoutNanos = settings.blockTimeout().toNanos();
    this.closeTimeoutNanos = settings.closeTimeout().toNanos();
    String threadName = "honeyhive-exporter-" + THREAD_NUMBERS.incrementAndGet();
    // One request at a time: the exporter sends them itself. More: workers send every batch of events, and the
    // exporter only cuts the batches and hands them over, so it is never busy sending while a worker idles.
    int workerCount = settings.maxConcurrentExports() == 1 ? 0 : settings.maxConcurrentExports();
    this.workers = new ExportWorkers(workerCount, sender, this::windowEnded, executor, threadName);
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
    if (spool != null) {
      new SpoolReplay(spool, this::resubmit, counters).start();
    }
  }

  // ---- Writers ---------------------------------------------------------------------------------------------------

  @Override
  public boolean createEvent(Event event, long fieldBytes) {
    long size = EVENT_BASE_BYTES + fieldBytes + (event.getEventName() == null ? 0 : event.getEventName().length());
    if (event.getChildrenIds() != null) {
      size += 40L * event.getChildrenIds().size();
    }
    return enqueue(event, size);
  }

  @Override
  public void startSession(SessionStartRequest session) {
    Write write = Write.sessionStart(session);
    enqueue(write, write.estimateBytes());
  }

  @Override
  public void updateEvent(String eventId, EventUpdate update, UUID lane) {
    Write write = Write.update(eventId, update, lane, null);
    enqueue(write, write.estimateBytes());
  }

  @Override
  public CompletableFuture<Void> updateEventAsync(String eventId, EventUpdate update, UUID lane) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Write write = Write.update(eventId, update, lane, done);
    enqueue(write, write.estimateBytes());
    return done;
  }

  @Override
  public CompletableFuture<String> importSession(ImportBatch batch) {
    CompletableFuture<String> done = new CompletableFuture<>();
    Write write = Write.sessionImport(batch, done);
    enqueue(write, write.estimateBytes());
    return done;
  }

  /** Queues {@code write}; returns false if it was dropped at once instead (counted). */
  private boolean enqueue(Object write, long size) {
    if (state != OPEN) {
      drop(write, DropReason.CLOSED);
      return false;
    }
    if (size > maxEventBytes) {
      drop(write, DropReason.TOO_LARGE); // The queue's byte bound admits any one write into an empty queue.
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
      if (sleeping && (queue.size() >= maxBatchSize || queue.bytes() >= maxBatchBytes)) {
        wakeExporter();
      }
    } else if (position == Spool.SPOOL_FULL) {
      drop(write, DropReason.SPOOL_FULL);
    } else if (position == Spool.CLOSED) {
      drop(write, DropReason.CLOSED);
    } else {
      queued = whenFull(write, size, record);
    }
    if (state == CLOSED) {
      // Close drained the queue before this write arrived: drop it (and anything else left) so it is counted.
      dropLeftovers();
    }
    return queued;
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
   * Queues a write moved from what an earlier client left in the spool, waiting while the queue is full; the spool's
   * byte bound does not apply, since its old copy is deleted once moved.
   *
   * @return false if the client is closing and did not take it
   */
  private boolean resubmit(Object write, SpoolRecords.Framed record) {
    long size = write instanceof Write ? ((Write) write).estimateBytes()
        : EVENT_BASE_BYTES + record.size();
    while (state == OPEN) {
      long position = spool.append(record, () -> queue.offer(write, size), false);
      if (position >= 0) {
        if (sleeping && (queue.size() >= maxBatchSize || queue.bytes() >= maxBatchBytes)) {
          wakeExporter();
        }
        return true;
      }
      if (position == Spool.CLOSED) {
        return false;
      }
      wakeExporter();
      LockSupport.parkNanos(this, BLOCK_POLL_NANOS);
    }
    return false;
  }

  /** Applies the queue-full policy to {@code write}; returns whether it was queued in the end. */
  private boolean whenFull(Object write, long size, SpoolRecords.Framed record) {
    switch (queueFullPolicy) {
      case DROP_OLDEST:
        for (int attempts = 0; attempts < 2 * capacity + 16; attempts++) {
          Object oldest = queue.poll(null);
          if (oldest != null) {
            drop(oldest, DropReason.QUEUE_FULL);
          } else {
            Thread.onSpinWait();
          }
          long position = offer(write, size, record);
          if (position >= 0) {
            wakeExporter();
            return true;
          } else if (position < Spool.QUEUE_FULL) {
            drop(write, position == Spool.SPOOL_FULL ? DropReason.SPOOL_FULL : DropReason.CLOSED);
            return false;
          }
        }
        drop(write, DropReason.QUEUE_FULL);
        return false;
      case BLOCK:
        if (isExportThread()) {
          drop(write, DropReason.QUEUE_FULL); // The exporter must never wait for itself.
          return false;
        }
        long deadline = System.nanoTime() + blockTimeoutNanos;
        while (true) {
          wakeExporter();
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            drop(write, DropReason.QUEUE_FULL);
            return false;
          }
          LockSupport.parkNanos(this, Math.min(left, BLOCK_POLL_NANOS));
          if (state != OPEN) {
            drop(write, DropReason.CLOSED);
            return false;
          }
          long position = offer(write, size, record);
          if (position >= 0) {
            return true;
          } else if (position < Spool.QUEUE_FULL) {
            drop(write, position == Spool.SPOOL_FULL ? DropReason.SPOOL_FULL : DropReason.CLOSED);
            return false;
          }
        }
      case DROP_NEWEST:
      default:
        drop(write, DropReason.QUEUE_FULL);
        return false;
    }
  }

  private void drop(Object write, DropReason reason) {
    counters.dropped(write, reason);
    if (write instanceof Write) {
      ((Write) write).complete(new HoneyHiveException(
          "not sent: " + write + " was dropped (" + reason + ")", null));
    }
  }

  /** Whether this is the exporter's thread or a worker's: one that must never wait for the exporter. */
  private boolean isExportThread() {
    Thread current = Thread.currentThread();
    return current == exporterThread || workers.owns(current);
  }

  private void wakeExporter() {
    Thread thread = exporterThread;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  // ---- The exporter ----------------------------------------------------------------------------------------------

  private void runExporter() {
    synchronized (stateLock) {
      exporterThread = Thread.currentThread();
    }
    try {
      ExporterSupervisor.run(this::exportLoop, () -> stopRequested, counters);
    } finally {
      // Wait for the workers (an interrupt from close does not end this wait: it was for the requests it abandoned),
      // so that every write they held is counted before close() learns that the exporter stopped.
      if (!workers.awaitIdle(STOP_GRACE_NANOS, false)) {
        DeliveryCounters.log.warn("a HoneyHive export worker was still sending when the exporter stopped");
      }
      workers.stop();
      boolean closedHere;
      synchronized (stateLock) {
        exporterThread = null;
        Thread.interrupted(); // Leave a caller-supplied executor's thread as it was.
        closedHere = closedByExporter;
      }
      if (closedHere) {
        dropLeftovers(); // Closed from a listener, on this thread: nobody else will.
        if (spool != null) {
          spool.close();
        }
      }
      // Only now: a closer waiting on this drops the leftovers itself, and must not race a drop here.
      exited.countDown();
      notifyProgress();
    }
  }

  private void exportLoop() {
    List<Object> window = new ArrayList<>(maxBatchSize);
    long[] polled = new long[2];
    Object carry = null;
    long carrySize = 0;
    long carryPosition = 0;
    long nextExport = System.nanoTime() + maxDelayNanos;
    while (!stopRequested) {
      counters.logDropsIfDue(false);
      boolean flushing = flushPending();
      boolean due = flushing || carry != null || System.nanoTime() - nextExport >= 0
          || queue.size() >= maxBatchSize || queue.bytes() >= maxBatchBytes;
      if (!due) {
        sleeping = true;
        if (!(flushPending() || stopRequested || queue.size() >= maxBatchSize
            || queue.bytes() >= maxBatchBytes)) {
          long wait = nextExport - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(this, wait);
          }
        }
        sleeping = false;
        if (Thread.currentThread().isInterrupted() && !stopRequested) {
          // Its executor is shutting down (shutdownNow): stop rather than spin. Close drops what is left.
          DeliveryCounters.log.warn("the HoneyHive exporter was interrupted and stopped; writes queue until close()");
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
      if (spool != null) {
        synchronized (endedEarly) {
          windowStarts.put(sequence, lastWindowEnd);
        }
      }
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
          windowEnded(sequence, lastWindowEnd);
          throw t;
        }
      } else {
        if (flushing && ended < flushTarget.get()) {
          Thread.yield(); // A writer claimed a position and is storing its write: a matter of nanoseconds.
        }
        windowEnded(sequence, ended);
      }
      if (carry == null && queue.size() == 0) {
        nextExport = System.nanoTime() + maxDelayNanos;
      }
    }
    if (carry != null) {
      drop(carry, DropReason.CLOSED);
    }
  }

  /**
   * Whether a flush waits for something the exporter can act on: writes still in the queue, or (when no worker is
   * sending) positions to count as ended. Writes that workers are sending are not: the worker's end wakes the exporter.
   */
  private boolean flushPending() {
    long target = flushTarget.get();
    return target > watermark && (queue.head() < target || workers.inFlight() == 0);
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
    windowEnded(sequence, ended);
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

  /**
   * Window {@code sequence} ended (on the exporter's thread or a worker's); every queue position below {@code end} was
   * in it or an earlier window. Moves the watermark once every earlier window has ended too.
   */
  private void windowEnded(long sequence, long end) {
    if (spool != null) {
      Long start;
      synchronized (endedEarly) {
        start = windowStarts.remove(sequence);
      }
      if (start != null && !sender.abandoned) {
        spool.ended(start, end); // Abandoned at close: what was dropped stays in the spool for the next client.
      }
    }
    long moved;
    synchronized (endedEarly) {
      if (sequence != firstUnended) {
        endedEarly.put(sequence, end);
        return;
      }
      moved = end;
      firstUnended++;
      for (Long next = endedEarly.remove(firstUnended); next != null; next = endedEarly.remove(firstUnended)) {
        moved = Math.max(moved, next);
        firstUnended++;
      }
      if (moved > watermark) {
        watermark = moved;
      }
    }
    notifyProgress();
    if (Thread.currentThread() != exporterThread) {
      wakeExporter(); // A flush may wait for positions only the exporter can count as ended, or the next batch.
    }
  }

  private void notifyProgress() {
    if (waiters > 0) {
      synchronized (progress) {
        progress.notifyAll();
      }
    }
  }

  // ---- Flush, stats, close ---------------------------------------------------------------------------------------

  @Override
  public DeliveryTotals flush(Duration timeout) {
    long target = queue.tail();
    long deadline = System.nanoTime() + timeout.toNanos();
    if (watermark < target && !isExportThread()) {
      flushTarget.accumulateAndGet(target, Math::max);
      wakeExporter();
      awaitWatermark(target, deadline);
    }
    long pending = Math.max(0, target - watermark);
    return totals(pending);
  }

  private void awaitWatermark(long target, long deadline) {
    synchronized (progress) {
      waiters++;
      try {
        while (watermark < target && exited.getCount() > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return;
          }
          progress.wait(TimeUnit.NANOSECONDS.toMillis(left), (int) (left % 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waiters--;
      }
    }
  }

  @Override
  public DeliveryTotals stats() {
    return totals(0);
  }

  private DeliveryTotals totals(long pending) {
    return new DeliveryTotals(queue.size() + waiting, queue.bytes() + waitingBytes, inFlight + workers.inFlight(),
        counters.sent.sum(), counters.failed.sum(), counters.dropped.sum(), counters.retried.sum(),
        counters.lastError(), counters.exporterRestarts.sum(), pending);
  }

  @Override
  public void close() {
    synchronized (stateLock) {
      if (state != OPEN) {
        if (!isExportThread()) {
          await(closed, closeTimeoutNanos + STOP_GRACE_NANOS); // Let a second closer (the shutdown hook) wait too.
        }
        return;
      }
      state = CLOSING;
      if (isExportThread()) {
        // Closed from a listener: the exporter cannot wait for itself. It stops after the current batch.
        stopRequested = true;
        closedByExporter = true;
        state = CLOSED;
        closed.countDown();
        return;
      }
    }
    try {
      closeAndDrain();
    } finally {
      closed.countDown();
    }
  }

  private void closeAndDrain() {
    long deadline = System.nanoTime() + closeTimeoutNanos;
    flush(Duration.ofNanos(closeTimeoutNanos));
    if (deadline - System.nanoTime() <= 0) {
      // The close timeout is spent: what is not on the wire yet is dropped, not sent now. Set before the exporter
      // learns of the stop, or it may start sending the window it was about to hand to a busy worker.
      sender.abandoned = true;
    }
    stopRequested = true;
    wakeExporter();
    if (!await(exited, deadline - System.nanoTime())) {
      sender.abandoned = true;
      synchronized (stateLock) {
        Thread exporter = exporterThread;
        if (exporter != null && exporter != Thread.currentThread()) {
          if (calls != null) {
            calls.cancelCallsOf(exporter);
          }
          exporter.interrupt();
        }
        workers.abandon(calls);
      }
      if (!await(exited, STOP_GRACE_NANOS)) {
        DeliveryCounters.log.warn("the HoneyHive exporter did not stop within the close timeout");
      }
    }
    state = CLOSED;
    counters.logDropsIfDue(true);
    dropLeftovers();
    if (spool != null) {
      spool.close(); // Keeps the files of the writes left over, for the next client on the directory.
    }
  }

  /** Drops every write still queued, waiting out writers that claimed a place but have not stored their write. */
  private void dropLeftovers() {
    List<Object> left = new ArrayList<>();
    long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
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

  private static boolean await(CountDownLatch latch, long nanos) {
    try {
      return latch.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return latch.getCount() == 0;
    }
  }
}
