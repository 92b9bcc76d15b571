package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.QueueFullPolicy;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.internal.config.DeliveryOptions;
import ai.honeyhive.internal.http.Calls;
import ai.honeyhive.internal.wire.JsonValues;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link ai.honeyhive.DeliveryMode#BATCHED} mode: writes go into a bounded {@link WriteQueue} and one exporter sends
 * them in batches through a {@link BatchSender}. This class only puts the parts together; each part has one job, and
 * data flows one way through them, from the writers to the wire:
 *
 * <ol>
 *   <li>{@link WriteAdmission}, on the callers' threads: a write brings its estimated JSON size (an event's was summed
 *       up as its fields were set, while they were checked: {@link ai.honeyhive.EventDraft#estimatedBytes}; a session
 *       start or update walks its maps, see {@link JsonValues#estimate}), is appended to the spool if there is one,
 *       and offers itself to the queue (one atomic add for the bytes, one compare-and-set for the slot), waking the
 *       exporter only if it sleeps and a full batch is waiting. When the queue is full, the {@link QueueFullPolicy}
 *       decides; every drop is counted and reported ({@link DroppedWrites}).
 *   <li>{@link ExportLoop}, on the exporter's thread: cuts the queue into windows (by count and by estimated bytes)
 *       when a batch is due, and sends them, or hands windows of events to idle {@link ExportWorkers}.
 *   <li>{@link Watermark}: windows end out of order when workers send them; the watermark moves in order past them,
 *       and a flush waits until it passes the queue's tail as it was at the call.
 *   <li>{@link DeliveryLifecycle}: starts the exporter; close refuses new writes, flushes within the close timeout,
 *       stops the exporter, and past the deadline abandons what is left: the request in flight is cancelled, and every
 *       write not sent is dropped as {@link DropReason#CLOSED}, so none is lost without being counted.
 * </ol>
 */
public final class BatchDelivery implements Delivery {
  private static final AtomicLong THREAD_NUMBERS = new AtomicLong();

  private final WriteQueue queue;
  private final DeliveryCounters counters;
  private final WriteAdmission admission;
  private final ExportLoop loop;
  private final Watermark watermark;
  private final DeliveryLifecycle lifecycle;

  /**
   * Starts the exporter.
   *
   * @param settings the queue's bounds, the batches' size and delay, the queue-full policy, the close timeout
   * @param sender sends each window; told at close whether to abandon what it has not sent
   * @param counters counts what is sent, failed and dropped, and reports it
   * @param calls to cancel the request in flight when the close deadline passes; may be null
   * @param executor runs the exporter loop; null for a daemon thread of its own
   * @param spool the disk spool every write is appended to, closed with this; or null
   * @throws IllegalArgumentException if {@code executor} rejects the exporter
   */
  public BatchDelivery(DeliveryOptions settings, BatchSender sender, DeliveryCounters counters, Calls calls,
      Executor executor, Spool spool) {
    this.queue = new WriteQueue(settings.maxQueueSize(), settings.maxQueueBytes());
    this.counters = counters;
    String threadName = "honeyhive-exporter-" + THREAD_NUMBERS.incrementAndGet();
    ExporterThread exporter = new ExporterThread();
    DroppedWrites drops = new DroppedWrites(queue, counters);
    this.watermark = new Watermark(spool, sender, exporter);
    // One request at a time: the exporter sends them itself. More: workers send every batch of events, and the
    // exporter only cuts the batches and hands them over, so it is never busy sending while a worker idles.
    int workerCount = settings.maxConcurrentExports() == 1 ? 0 : settings.maxConcurrentExports();
    ExportWorkers workers = new ExportWorkers(workerCount, sender, watermark, executor, threadName);
    this.loop = new ExportLoop(settings, queue, sender, counters, workers, watermark, exporter, drops);
    this.admission = new WriteAdmission(settings, queue, spool, counters, drops, loop);
    this.lifecycle = new DeliveryLifecycle(settings.closeTimeout().toNanos(), queue, admission, loop, exporter,
        workers, watermark, drops, sender, counters, calls, spool);
    lifecycle.start(executor, threadName);
    if (spool != null) {
      new SpoolReplay(spool, admission, counters).start();
    }
  }

  @Override
  public boolean submitEvent(Event event, long fieldBytes) {
    return admission.admit(event, WriteAdmission.eventBytes(event, fieldBytes));
  }

  @Override
  public void submitSessionStart(SessionStartRequest session) {
    Write write = Write.sessionStart(session);
    admission.admit(write, write.estimateBytes());
  }

  @Override
  public void submitUpdate(String eventId, EventUpdate update, UUID lane) {
    Write write = Write.update(eventId, update, lane, null);
    admission.admit(write, write.estimateBytes());
  }

  @Override
  public CompletableFuture<Void> submitUpdateAsync(String eventId, EventUpdate update, UUID lane) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Write write = Write.update(eventId, update, lane, done);
    admission.admit(write, write.estimateBytes());
    return done;
  }

  @Override
  public CompletableFuture<String> submitImport(ImportBatch batch) {
    CompletableFuture<String> done = new CompletableFuture<>();
    Write write = Write.sessionImport(batch, done);
    admission.admit(write, write.estimateBytes());
    return done;
  }

  /**
   * Waits until the watermark passes the queue's tail as it is now, or {@code timeout} passed. On the exporter's
   * thread or a worker's (a listener flushing) it does not wait, since the exporter would wait for itself.
   */
  @Override
  public DeliveryTotals flush(Duration timeout) {
    long target = queue.tail();
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!loop.isExportThread()) {
      watermark.awaitPast(target, deadline);
    }
    return totals(Math.max(0, target - watermark.value()));
  }

  @Override
  public DeliveryTotals stats() {
    return totals(0);
  }

  private DeliveryTotals totals(long pending) {
    return new DeliveryTotals(queue.size() + loop.waitingWrites(), queue.bytes() + loop.waitingBytes(),
        loop.sending(), counters.sent.sum(), counters.failed.sum(), counters.dropped.sum(), counters.retried.sum(),
        counters.lastError(), counters.exporterRestarts.sum(), pending);
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
