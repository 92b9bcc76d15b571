package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryStats;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Benchmark 1: what {@code session.model(...)...log()} costs the calling thread in the batched mode, for the small
 * and the ten-field event ({@link Workload}), on 1 and on 4 threads, each thread logging to a session of its own.
 * SampleTime mode: invocations are timed one by one into a histogram, reported with its percentiles (p0.50 is the
 * median the targets are about, p0.99 the tail).
 *
 * <p>The exporter runs as in production, sending batches of 1000 to a {@link LoopbackSink} while the callers log, so
 * the queue is drained during the measurement. A caller logs several times faster than one exporter thread
 * serializes and sends, so an unpaced caller would fill any queue within seconds and then measure the drop path, or,
 * with a queue sized to hold a whole iteration, measure the garbage collector copying millions of live queued events.
 * Neither is the cost of a {@code log()} in a service whose exporter keeps up. So {@link Caller#pace()} (outside the
 * timed region) parks a caller that finds the queue above {@value Caller#HIGH_WATER} writes until the exporter has
 * brought it below {@value Caller#LOW_WATER}: callers log in bursts into a queue that never fills (capacity
 * {@value #QUEUE_SIZE}), the exporter sending meanwhile. Every iteration starts with the queue drained and ends by
 * printing what was queued, sent and dropped, so a drop would show.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class CallerCostBenchmark {
  static final int QUEUE_SIZE = 1 << 17;

  /**
   * The disk spool: {@code off} (the default), {@code on} (each write appended to a file before {@code log()} returns,
   * forced to disk every second), or {@code fsync} (forced before {@code log()} returns). Run with
   * {@code -p spool=off,on,fsync} to compare.
   */
  @Param({"off"})
  public String spool;

  LoopbackSink sink;
  HoneyHive hh;
  private Path spoolDirectory;
  private DeliveryStats before;

  @Setup(Level.Trial)
  public void start() throws IOException {
    sink = LoopbackSink.start();
    spoolDirectory = SpoolSetting.directory(spool);
    hh = SpoolSetting.apply(spool, spoolDirectory, HoneyHive.builder())
        .apiKey("benchmark-key")
        .baseUrl(sink.baseUrl())
        .source("benchmark")
        .deliveryMode(DeliveryMode.BATCHED)
        .maxBatchSize(1000)
        .maxQueueSize(QUEUE_SIZE)
        .maxQueueBytes(1L << 30)
        .maxBatchDelay(Duration.ofMillis(100))
        .shutdownHook(false)
        .build();
  }

  @Setup(Level.Iteration)
  public void drainBefore() {
    hh.flush(Duration.ofMinutes(5));
    before = hh.stats();
  }

  @TearDown(Level.Iteration)
  public void reportAfter() {
    DeliveryStats after = hh.stats();
    hh.flush(Duration.ofMinutes(5));
    DeliveryStats drained = hh.stats();
    System.out.printf("%n  [queue] at the end of the iteration: %d queued; during it: sent %d, dropped %d, failed %d;"
            + " after draining: sent %d more%n",
        after.queued(), after.sent() - before.sent(), after.dropped() - before.dropped(),
        after.failed() - before.failed(), drained.sent() - after.sent());
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    hh.close();
    sink.close();
    SpoolSetting.delete(spoolDirectory);
  }

  /**
   * A session of each benchmark thread's own, new each iteration (its list of children starts empty), and the pacing
   * that keeps the queue draining: every {@value #CHECK_EVERY} calls, in an invocation-level setup (which SampleTime
   * leaves out of each timed sample), a caller that finds more than {@value #HIGH_WATER} writes queued parks until the
   * exporter has brought them below {@value #LOW_WATER}.
   */
  @State(Scope.Thread)
  public static class Caller {
    static final int CHECK_EVERY = 256;
    static final int HIGH_WATER = 50_000;
    static final int LOW_WATER = 10_000;

    Session session;
    private HoneyHive hh;
    private int calls;

    @Setup(Level.Iteration)
    public void attach(CallerCostBenchmark benchmark) {
      hh = benchmark.hh;
      session = hh.attachSession(UUID.randomUUID().toString());
    }

    @Setup(Level.Invocation)
    public void pace() {
      if (++calls < CHECK_EVERY) {
        return;
      }
      calls = 0;
      if (hh.stats().queued() > HIGH_WATER) {
        while (hh.stats().queued() > LOW_WATER) {
          LockSupport.parkNanos(200_000);
        }
      }
    }
  }

  @Benchmark
  @Threads(1)
  public String smallEvent_1thread(Caller caller) {
    return Workload.logSmall(caller.session);
  }

  @Benchmark
  @Threads(4)
  public String smallEvent_4threads(Caller caller) {
    return Workload.logSmall(caller.session);
  }

  @Benchmark
  @Threads(1)
  public String tenFieldEvent_1thread(Caller caller) {
    return Workload.logTenField(caller.session);
  }

  @Benchmark
  @Threads(4)
  public String tenFieldEvent_4threads(Caller caller) {
    return Workload.logTenField(caller.session);
  }
}
