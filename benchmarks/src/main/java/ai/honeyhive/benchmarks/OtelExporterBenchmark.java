package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryReport;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 15: end-to-end throughput of an OpenTelemetry application's spans through a {@code BatchSpanProcessor} into a
 * sink, spans per second, with {@code HoneyHiveSpanExporter} or OpenTelemetry's own OTLP/HTTP exporter behind the
 * same processor settings ({@link OtelPipelines}).
 *
 * <p>One invocation makes {@value #SPANS} ten-field GenAI spans ({@link Workload#spanTenField}) on one thread, all of
 * one new session ({@code honeyhive.session_id}), then waits until every one was delivered: {@code forceFlush} until
 * the span processor's exporter has counted them all (a stale {@code forceFlush} result is possible, see README
 * finding 6), and for HoneyHive also {@code hh.flush} until the client has sent them. It fails if a span was dropped,
 * refused or failed on the way, so the score counts delivered spans, not queued ones.
 *
 * <p>{@code sink}: {@code loopback} ({@link LoopbackSink}, answers at once, quick ACKs) or {@code nginx}
 * ({@link NginxSink}, a third-party server that reads each body and leaves delayed ACKs on; it must be installed).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class OtelExporterBenchmark {
  static final int SPANS = 5000;

  /** Where the spans go: {@code loopback} or {@code nginx}. */
  @Param({"loopback", "nginx"})
  public String sink;

  /** The span processor's exporter: {@code honeyhive}, {@code otlpProtobuf} or {@code otlpJson}. */
  @Param({"honeyhive", "otlpProtobuf", "otlpJson"})
  public String exporter;

  private AutoCloseable sinkServer;
  private LoopbackSink loopback; // null for nginx
  private OtelPipelines.Pipeline pipeline;
  private Tracer tracer;
  private long invocations;

  @Setup(Level.Trial)
  public void start() throws Exception {
    String baseUrl;
    if (sink.equals("nginx")) {
      NginxSink nginx = new NginxSink();
      sinkServer = nginx;
      baseUrl = nginx.baseUrl();
    } else {
      loopback = LoopbackSink.start();
      sinkServer = loopback;
      baseUrl = loopback.baseUrl();
    }
    pipeline = OtelPipelines.create(exporter, baseUrl);
    tracer = pipeline.provider.get("ai.honeyhive.benchmarks");
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    pipeline.close();
    if (loopback != null && invocations > 0) {
      System.out.printf("%n[sink] %d requests, %.0f body bytes per span, %.1f spans per request%n",
          loopback.requests(), loopback.bodyBytes() / (double) (invocations * SPANS),
          invocations * SPANS / (double) loopback.requests());
    }
    if (pipeline.honeyhive != null) {
      System.out.printf("[exporter] %s; client %s%n", pipeline.honeyhive, pipeline.hh.stats());
    }
    sinkServer.close();
  }

  @Benchmark
  @OperationsPerInvocation(SPANS)
  public void spans() {
    CountingSpanExporter counting = pipeline.counting;
    long exported = counting.exported.sum();
    long failed = counting.failed.sum();
    DeliveryReport before = pipeline.hh == null ? null : pipeline.hh.flush(Duration.ZERO);
    long refused = pipeline.honeyhive == null ? 0 : pipeline.honeyhive.refusedSpans();
    String sessionId = UUID.randomUUID().toString();
    for (int i = 0; i < SPANS; i++) {
      Workload.spanTenField(tracer, sessionId);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (counting.exported.sum() - exported < SPANS) {
      if (counting.failed.sum() != failed || System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("not every span was exported: " + (counting.exported.sum() - exported)
            + " of " + SPANS + " exported, " + (counting.failed.sum() - failed) + " failed");
      }
      pipeline.provider.forceFlush().join(1, TimeUnit.MINUTES);
    }
    if (pipeline.hh != null) {
      DeliveryReport after = pipeline.hh.flush(Duration.ofMinutes(1));
      // SPANS events and the session's start.
      if (after.pending() != 0 || after.sent() - before.sent() < SPANS || after.dropped() != before.dropped()
          || after.failed() != before.failed() || pipeline.honeyhive.refusedSpans() != refused) {
        throw new IllegalStateException("not every span was delivered: before " + before + ", after " + after
            + ", " + pipeline.honeyhive);
      }
    }
    invocations++;
  }
}
