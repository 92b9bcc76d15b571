package ai.honeyhive.benchmarks;

import io.opentelemetry.api.trace.Tracer;
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
 * Issue 15: what an OpenTelemetry span costs the thread that makes it, {@code spanBuilder} with 17 attributes,
 * {@code startSpan}, {@code end} ({@link Workload#spanTenField}), behind a {@code BatchSpanProcessor} whose exporter is
 * {@code none} (does nothing: the processor's own cost), {@code honeyhive} or {@code otlpProtobuf}, into a
 * {@link LoopbackSink} ({@link OtelPipelines}). SampleTime; p50 and p99 are the figures.
 *
 * <p>The exporter runs on the processor's thread (and, for HoneyHive, the client's export workers) during the
 * measurement. A caller makes spans faster than any exporter sends them, and the processor drops spans silently when
 * its queue is full, which is cheaper than queueing them; so as in {@link CallerCostBenchmark} an invocation-level
 * setup (outside the timed sample) paces the caller: every {@value #CHECK_EVERY} spans, if more than
 * {@value #HIGH_WATER} spans are made but not yet exported (or, for HoneyHive, queued in the client), it parks until
 * fewer than {@value #LOW_WATER} are. Each iteration prints spans made, exported and lost: none may be lost.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class OtelCallerCostBenchmark {
  static final int CHECK_EVERY = 256;
  static final int HIGH_WATER = 4096;
  static final int LOW_WATER = 1024;

  /** The span processor's exporter: {@code none}, {@code honeyhive} or {@code otlpProtobuf}. */
  @Param({"none", "honeyhive", "otlpProtobuf"})
  public String exporter;

  private LoopbackSink sink;
  private OtelPipelines.Pipeline pipeline;
  private Tracer tracer;
  private String sessionId;
  private long made;
  private long madeBefore;
  private long exportedBefore;
  private int calls;

  @Setup(Level.Trial)
  public void start() {
    sink = LoopbackSink.start();
    pipeline = OtelPipelines.create(exporter, sink.baseUrl());
    tracer = pipeline.provider.get("ai.honeyhive.benchmarks");
  }

  @Setup(Level.Iteration)
  public void before() {
    settle();
    sessionId = UUID.randomUUID().toString();
    madeBefore = made;
    exportedBefore = pipeline.counting.exported.sum();
  }

  @TearDown(Level.Iteration)
  public void after() {
    settle();
    long spans = made - madeBefore;
    long exported = pipeline.counting.exported.sum() - exportedBefore;
    System.out.printf("%n  [spans] made %d, exported %d, lost %d%s%n", spans, exported, spans - exported,
        pipeline.hh == null ? "" : "; client " + pipeline.hh.stats());
  }

  private void settle() {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (pipeline.counting.exported.sum() + pipeline.counting.failed.sum() < made
        && System.nanoTime() - deadline < 0) {
      pipeline.provider.forceFlush().join(1, TimeUnit.MINUTES);
    }
    if (pipeline.hh != null) {
      pipeline.hh.flush(Duration.ofMinutes(2));
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    pipeline.close();
    sink.close();
  }

  /** Paces the caller, outside the timed sample; see the class comment. */
  @Setup(Level.Invocation)
  public void pace() {
    if (++calls < CHECK_EVERY) {
      return;
    }
    calls = 0;
    if (backlog() > HIGH_WATER) {
      while (backlog() > LOW_WATER) {
        LockSupport.parkNanos(100_000);
      }
    }
  }

  private long backlog() {
    long notExported = made - pipeline.counting.exported.sum() - pipeline.counting.failed.sum();
    return pipeline.hh == null ? notExported : Math.max(notExported, pipeline.hh.stats().queued());
  }

  @Benchmark
  @Threads(1)
  public void span() {
    Workload.spanTenField(tracer, sessionId);
    made++;
  }
}
