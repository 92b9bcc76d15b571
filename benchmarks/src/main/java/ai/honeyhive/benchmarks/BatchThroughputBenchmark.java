package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
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
 * Benchmark 2 (b) and (c): end-to-end throughput of batched delivery into a {@link LoopbackSink}, events per second
 * (the score) and megabytes per second ({@code sinkMB}), for this client's batched mode and for the OpenTelemetry Java
 * SDK ({@code BatchSpanProcessor} with {@code OtlpHttpSpanExporter}, OTLP/HTTP protobuf through OkHttp), the peer a
 * user would pick instead.
 *
 * <p>One invocation logs {@value #EVENTS} events (spans) on one thread, for a new session, then waits until every one
 * of them has reached the sink ({@code hh.flush}, {@code forceFlush}), so the score counts delivered events, not
 * queued ones; and it fails if any event was dropped or failed. Both sides use the same batch size (the
 * {@code batchSize} parameter: this client's default, 100, and OpenTelemetry's, 512), a queue of 8192 (this client's
 * default; OpenTelemetry's 2048 would drop spans here) and a 1 s maximum delay.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class BatchThroughputBenchmark {
  static final int EVENTS = 5000;
  static final int QUEUE_SIZE = 8192;

  /** Which event: {@code small} or {@code tenField} (see {@link Workload}). */
  @Param({"small", "tenField"})
  public String event;

  /** Events per request, on both sides. */
  @Param({"100", "512"})
  public int batchSize;

  /** How long the sink waits before each answer, in ms: 0, or a stand-in for a real endpoint's round trip. */
  @Param({"0"})
  public int sinkLatencyMs;

  /** This client's {@code maxConcurrentExports}: its default, 4, unless a run compares. */
  @Param({"4"})
  public int maxConcurrentExports;

  /** This client, batched. */
  @State(Scope.Benchmark)
  public static class HoneyHiveBatched {
    LoopbackSink sink;
    HoneyHive hh;
    boolean small;

    @Setup(Level.Trial)
    public void start(BatchThroughputBenchmark params) {
      small = params.event.equals("small");
      sink = LoopbackSink.withLatency(params.sinkLatencyMs);
      hh = HoneyHive.builder()
          .apiKey("benchmark-key")
          .baseUrl(sink.baseUrl())
          .source("benchmark")
          .deliveryMode(DeliveryMode.BATCHED)
          .maxBatchSize(params.batchSize)
          .maxQueueSize(QUEUE_SIZE)
          .maxBatchDelay(Duration.ofSeconds(1))
          .maxConcurrentExports(params.maxConcurrentExports)
          .shutdownHook(false)
          .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      hh.close();
      sink.close();
    }
  }

  /** The OpenTelemetry SDK: BatchSpanProcessor and the OTLP/HTTP exporter, configured alike. */
  @State(Scope.Benchmark)
  public static class OpenTelemetrySdk {
    LoopbackSink sink;
    CountingSpanExporter exporter;
    SdkTracerProvider provider;
    Tracer tracer;
    boolean small;

    @Setup(Level.Trial)
    public void start(BatchThroughputBenchmark params) {
      small = params.event.equals("small");
      sink = LoopbackSink.withLatency(params.sinkLatencyMs);
      exporter = new CountingSpanExporter(OtlpHttpSpanExporter.builder()
          .setEndpoint(sink.baseUrl() + "v1/traces")
          .build());
      provider = SdkTracerProvider.builder()
          .addSpanProcessor(BatchSpanProcessor.builder(exporter)
              .setMaxExportBatchSize(params.batchSize)
              .setMaxQueueSize(QUEUE_SIZE)
              .setScheduleDelay(Duration.ofSeconds(1))
              .build())
          .build();
      tracer = provider.get("ai.honeyhive.benchmarks");
    }

    @TearDown(Level.Trial)
    public void stop() {
      provider.shutdown().join(10, TimeUnit.SECONDS);
      sink.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void honeyhiveBatched(HoneyHiveBatched state, Wire wire) {
    LoopbackSink sink = state.sink;
    long bytes = sink.bodyBytes();
    long requests = sink.requests();
    DeliveryReport before = state.hh.flush(Duration.ZERO);
    Session session = state.hh.attachSession(UUID.randomUUID().toString());
    if (state.small) {
      for (int i = 0; i < EVENTS; i++) {
        Workload.logSmall(session);
      }
    } else {
      for (int i = 0; i < EVENTS; i++) {
        Workload.logTenField(session);
      }
    }
    DeliveryReport after = state.hh.flush(Duration.ofMinutes(1));
    if (after.pending() != 0 || after.sent() - before.sent() != EVENTS) {
      throw new IllegalStateException("not every event was delivered: before " + before + ", after " + after);
    }
    wire.add(sink, bytes, requests);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void openTelemetrySdk(OpenTelemetrySdk state, Wire wire) {
    LoopbackSink sink = state.sink;
    long bytes = sink.bodyBytes();
    long requests = sink.requests();
    long exported = state.exporter.exported.sum();
    long failed = state.exporter.failed.sum();
    String sessionId = UUID.randomUUID().toString();
    if (state.small) {
      for (int i = 0; i < EVENTS; i++) {
        Workload.spanSmall(state.tracer, sessionId);
      }
    } else {
      for (int i = 0; i < EVENTS; i++) {
        Workload.spanTenField(state.tracer, sessionId);
      }
    }
    // forceFlush() can return the previous call's result, already complete, when the exporter thread has completed
    // it but not yet cleared it (BatchSpanProcessor.Worker.flush: succeed() before flushRequested.set(null)); so
    // flush again until the exporter has counted every span of this invocation.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (state.exporter.exported.sum() - exported < EVENTS) {
      if (state.exporter.failed.sum() != failed || System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("not every span was delivered: " + (state.exporter.exported.sum() - exported)
            + " of " + EVENTS + " exported, " + (state.exporter.failed.sum() - failed) + " failed");
      }
      state.provider.forceFlush().join(1, TimeUnit.MINUTES);
    }
    wire.add(sink, bytes, requests);
  }
}
