package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
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
 * Benchmark 2 (a): end-to-end throughput of the synchronous per-event strategy ({@link DeliveryMode#SYNCHRONOUS}: each
 * {@code log()} is one {@code POST /v1/events} on the calling thread, answered before it returns) into a
 * {@link LoopbackSink}, events per second (the score) and megabytes per second ({@code sinkMB}). One thread, as in
 * {@link BatchThroughputBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class SyncThroughputBenchmark {
  static final int EVENTS = 200;

  /** Which event: {@code small} or {@code tenField} (see {@link Workload}). */
  @Param({"small", "tenField"})
  public String event;

  /** How long the sink waits before each answer, in ms: 0, or a stand-in for a real endpoint's round trip. */
  @Param({"0"})
  public int sinkLatencyMs;

  LoopbackSink sink;
  HoneyHive hh;
  boolean small;

  @Setup(Level.Trial)
  public void start() {
    small = event.equals("small");
    sink = LoopbackSink.withLatency(sinkLatencyMs);
    hh = HoneyHive.builder()
        .apiKey("benchmark-key")
        .baseUrl(sink.baseUrl())
        .source("benchmark")
        .deliveryMode(DeliveryMode.SYNCHRONOUS)
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    hh.close();
    sink.close();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void synchronous(Wire wire) {
    long bytes = sink.bodyBytes();
    long requests = sink.requests();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    if (small) {
      for (int i = 0; i < EVENTS; i++) {
        Workload.logSmall(session);
      }
    } else {
      for (int i = 0; i < EVENTS; i++) {
        Workload.logTenField(session);
      }
    }
    wire.add(sink, bytes, requests);
  }
}
