package ai.honeyhive.benchmarks;

import ai.honeyhive.CurrentScope;
import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryStats;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 17: the HoneyHive client a framework integration sends through in the framework benchmarks, delivering for
 * real: batched (the default mode, every other setting default too: batches of 100, a queue of 8192 writes) into a
 * {@link LoopbackSink}, so a call pays for building and queueing its events, and the exporter serializes and sends
 * them on its own threads during the measurement, as in production, but no call waits for a slow ingest.
 *
 * <p>A call through the in-process transports makes events faster than the exporter sends them; a full queue would
 * drop events, which is cheaper than queueing them and not the cost being measured. So {@link #pace()}, called from an
 * invocation-level setup (outside the timed sample), parks the caller every {@value #CHECK_EVERY} calls while more
 * than {@value #HIGH_WATER} writes are queued, until fewer than {@value #LOW_WATER} are (as in
 * {@link CallerCostBenchmark}). {@link #report()} prints what each iteration queued, sent and dropped: none may drop.
 *
 * <p>Where a call's events go: by default nowhere is current, so each call opens (and ends) a session of its own, as
 * the integrations do in an application that opens none. With {@code inSession}, {@link #settle()} starts a session
 * per iteration and makes it current on the calling thread (JMH runs iteration setups on the benchmark thread), so
 * the calls' events nest under it, as in an application that wraps its requests in sessions; {@link #report()} ends
 * it.
 */
final class IntegrationClient implements AutoCloseable {
  static final int CHECK_EVERY = 64;
  static final int HIGH_WATER = 4096;
  static final int LOW_WATER = 1024;

  final LoopbackSink sink;
  final HoneyHive hh;
  private final boolean inSession;
  private DeliveryStats before;
  private long requestsBefore;
  private long bytesBefore;
  private int calls;
  private long callsTotal;
  private long callsBefore;
  private Session session;
  private CurrentScope current;

  private IntegrationClient(boolean inSession) {
    this.inSession = inSession;
    sink = LoopbackSink.start();
    hh = HoneyHive.builder()
        .apiKey("benchmark-key")
        .baseUrl(sink.baseUrl())
        .source("benchmark")
        .deliveryMode(DeliveryMode.BATCHED)
        .shutdownHook(false)
        .build();
    before = hh.stats();
  }

  /**
   * Starts the client and its sink.
   *
   * @param inSession whether each iteration's calls run inside a current session (see the class comment)
   */
  static IntegrationClient start(boolean inSession) {
    return new IntegrationClient(inSession);
  }

  /** Drains the queue, so an iteration starts with the exporter idle; opens the iteration's session if asked. */
  void settle() {
    hh.flush(Duration.ofMinutes(2));
    before = hh.stats();
    requestsBefore = sink.requests();
    bytesBefore = sink.bodyBytes();
    callsBefore = callsTotal;
    if (inSession) {
      session = hh.session("benchmark").start();
      current = session.makeCurrent();
    }
  }

  /** Parks the caller while the queue is above the high-water mark; see the class comment. */
  void pace() {
    callsTotal++;
    if (++calls < CHECK_EVERY) {
      return;
    }
    calls = 0;
    if (hh.stats().queued() > HIGH_WATER) {
      while (hh.stats().queued() > LOW_WATER) {
        LockSupport.parkNanos(100_000);
      }
    }
  }

  /**
   * Prints what the iteration sent, dropped and failed (writes: session starts and ends, events), and the requests
   * and bytes the sink received for them, the iteration's session end included.
   */
  void report() {
    if (current != null) {
      current.close();
      session.end();
      current = null;
    }
    DeliveryStats after = hh.stats();
    hh.flush(Duration.ofMinutes(2));
    DeliveryStats drained = hh.stats();
    long sent = drained.sent() - before.sent();
    long requests = sink.requests() - requestsBefore;
    long calls = Math.max(1, callsTotal - callsBefore);
    System.out.printf("%n  [honeyhive] %d calls; sent %d writes (%d of them after the iteration), dropped %d,"
            + " failed %d; sink: %d requests, %.2f per call, %.1f MB%n",
        calls, sent, drained.sent() - after.sent(), drained.dropped() - before.dropped(),
        drained.failed() - before.failed(), requests, requests / (double) calls,
        (sink.bodyBytes() - bytesBefore) / 1e6);
  }

  @Override
  public void close() {
    hh.close();
    sink.close();
  }
}
