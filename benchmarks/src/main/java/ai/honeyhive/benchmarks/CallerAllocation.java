package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * Benchmark 3, the caller's share: bytes allocated by the calling thread per batched {@code log()}, read from the
 * JVM's per-thread allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}). JMH's
 * gc profiler ({@code gc.alloc.rate.norm}) counts the allocation of every thread in the JVM, so for the batched mode it
 * also counts the exporter serializing each event and OkHttp sending it; this probe separates the two.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar ai.honeyhive.benchmarks.CallerAllocation}. Prints one
 * {@code RESULT name=value} line per figure.
 */
public final class CallerAllocation {
  private static final int WARMUP_ROUNDS = 30;
  private static final int ROUNDS = 20;
  private static final int EVENTS_PER_ROUND = 20_000;

  private CallerAllocation() {}

  public static void main(String[] args) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (LoopbackSink sink = LoopbackSink.start();
        HoneyHive hh = HoneyHive.builder()
            .apiKey("benchmark-key")
            .baseUrl(sink.baseUrl())
            .source("benchmark")
            .deliveryMode(DeliveryMode.BATCHED)
            .maxBatchSize(1000)
            .maxQueueSize(EVENTS_PER_ROUND * 2)
            .maxBatchDelay(Duration.ofMillis(100))
            .shutdownHook(false)
            .build()) {
      measure("small", Workload::logSmall, hh, threads);
      measure("tenField", Workload::logTenField, hh, threads);
      System.out.println("RESULT sent=" + hh.stats().sent() + " dropped=" + hh.stats().dropped());
    }
  }

  private static void measure(String name, Function<Session, String> log, HoneyHive hh,
      com.sun.management.ThreadMXBean threads) {
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      round(log, hh, threads);
    }
    long min = Long.MAX_VALUE;
    long total = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long bytes = round(log, hh, threads);
      min = Math.min(min, bytes);
      total += bytes;
    }
    double mean = (double) total / ROUNDS / EVENTS_PER_ROUND;
    System.out.printf("%-8s caller thread: %.1f bytes allocated per log() (mean of %d rounds of %d; lowest round"
        + " %.1f)%n", name, mean, ROUNDS, EVENTS_PER_ROUND, (double) min / EVENTS_PER_ROUND);
    System.out.printf("RESULT callerAllocBytes.%s=%.1f%n", name, mean);
  }

  /** Logs one round on a new session (the queue is drained first, outside the count); returns the bytes. */
  private static long round(Function<Session, String> log, HoneyHive hh, com.sun.management.ThreadMXBean threads) {
    hh.flush(Duration.ofMinutes(1));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < EVENTS_PER_ROUND; i++) {
      log.apply(session);
    }
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
