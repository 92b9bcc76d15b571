package ai.honeyhive.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Issue 17: bytes allocated by the calling thread alone per framework call, over one iteration (the JVM's per-thread
 * counter, as in {@link CallerAllocation}), printed as {@code [caller] ... B per call}. JMH's {@code -prof gc} counts
 * every thread of the JVM (the HTTP clients, the sinks, the HoneyHive exporter); this counts only what the call itself
 * allocates: the framework's work and the integration's, not the delivery. Every method runs on the benchmark thread
 * (JMH runs iteration and invocation setups there). With the system property {@value #FILE_PROPERTY} set (by
 * {@link FrameworkSummary}), each measurement iteration's figure is also appended to that file, one line of
 * benchmark, integration, transport and bytes per call, tab-separated.
 */
final class CallerBytes {
  static final String FILE_PROPERTY = "honeyhive.benchmarks.callerBytesFile";

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private long bytesBefore;
  private long calls;

  /** Starts counting, at the start of an iteration. */
  void start() {
    calls = 0;
    bytesBefore = threads.getCurrentThreadAllocatedBytes();
  }

  /** Counts one call (from the invocation-level setup). */
  void call() {
    calls++;
  }

  /** Prints (and for a measurement iteration, records) the bytes per call of the iteration, at its end. */
  void report(BenchmarkParams benchmark, IterationParams iteration) {
    long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
    double perCall = calls == 0 ? 0.0 : bytes / (double) calls;
    System.out.printf("%n  [caller] %d calls, %.0f B per call allocated on the calling thread%n", calls, perCall);
    String file = System.getProperty(FILE_PROPERTY);
    if (file != null && iteration.getType() == IterationType.MEASUREMENT) {
      String line = String.format(Locale.ROOT, "%s\t%s\t%s\t%.1f%n", benchmark.getBenchmark(),
          benchmark.getParam("integration"), benchmark.getParam("transport"), perCall);
      try {
        Files.write(Paths.get(file), line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
