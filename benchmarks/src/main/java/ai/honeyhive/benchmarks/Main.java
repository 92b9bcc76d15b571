package ai.honeyhive.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark suite's entry point ({@code java -jar benchmarks/target/benchmarks.jar}).
 *
 * <ul>
 *   <li>Without arguments (or with {@code --quick}, shorter iterations for a smoke run): runs every benchmark with
 *       fixed settings ({@code -f 1 -wi 2 -w 2s -i 3 -r 3s}; the caller-cost benchmark with 4 warmup iterations and
 *       the gc profiler), then the {@link CallerAllocation} and {@link QueuedHeap} harnesses in JVMs of their own, and
 *       prints a summary with the machine, the raw numbers, the ratios and each target met or missed. The summary and
 *       JMH's JSON results are also written beside the jar ({@code benchmarks/target/results.md},
 *       {@code jmh-*.json}).
 *   <li>With {@code --frameworks [regex [param=values ...]]}: issue 17's framework benchmarks and their summary
 *       ({@link FrameworkSummary}).
 *   <li>With any other arguments: JMH's own command line, e.g. {@code CallerCost -prof gc} or {@code -l}.
 * </ul>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--frameworks")) {
      Map<String, String[]> params = new LinkedHashMap<>();
      for (int i = 2; i < args.length; i++) {
        int equals = args[i].indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("expected param=value[,value...]: " + args[i]);
        }
        params.put(args[i].substring(0, equals), args[i].substring(equals + 1).split(","));
      }
      FrameworkSummary.run(args.length > 1 ? args[1] : null, params);
      return;
    }
    if (args.length > 0 && !(args.length == 1 && args[0].equals("--quick"))) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    boolean quick = args.length == 1;
    new Suite(quick).run();
  }

  private static final class Suite {
    private final boolean quick;
    private final Path out;
    private final StringBuilder summary = new StringBuilder();

    Suite(boolean quick) throws URISyntaxException {
      this.quick = quick;
      Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      this.out = jar.getParent(); // benchmarks/target, beside the jar
    }

    ChainedOptionsBuilder options(String include, String resultFile) {
      ChainedOptionsBuilder options = new OptionsBuilder()
          .include(include)
          .forks(1)
          .warmupIterations(quick ? 1 : 2)
          .warmupTime(TimeValue.seconds(quick ? 1 : 2))
          .measurementIterations(quick ? 2 : 3)
          .measurementTime(TimeValue.seconds(quick ? 1 : 3))
          .shouldFailOnError(true)
          .resultFormat(ResultFormatType.JSON)
          .result(out.resolve(resultFile).toString());
      return options;
    }

    void run() throws RunnerException, IOException, InterruptedException {
      long started = System.nanoTime();
      String loadBefore = loadAverage();
      String settings = quick ? "-f 1 -wi 1 -w 1s -i 2 -r 1s"
          : "-f 1 -wi 2 -w 2s -i 3 -r 3s (caller cost: -wi 4, -prof gc; throughput: -wi 6 -w 3s -i 4)";

      // Four warmup iterations here: paced callers make fewer calls per second, and with two the first measured
      // iteration of the ten-field event still had a slow mode (2 to 3 µs in 20% of calls) that later ones had not.
      Collection<RunResult> caller = new Runner(options("\\.CallerCostBenchmark\\.", "jmh-caller-cost.json")
          .warmupIterations(quick ? 1 : 4).addProfiler(GCProfiler.class).build()).run();
      // Throughput: six warmup iterations of 3 s and four measured ones. Every strategy's score still climbs for
      // about 18 s (the exporters' code, the OpenTelemetry SDK's and OkHttp's compile late, on cores shared with the
      // work): in runs without warmup, the batched ten-field score went 211k, 425k, 464k, 460k, 495k, 506k, 510k events/s
      // over its first seven 3 s iterations, OpenTelemetry's 182k to 342k, the synchronous one 6.8k to 10.0k.
      Collection<RunResult> throughput = new Runner(
          options("\\.(Sync|Batch)ThroughputBenchmark\\.", "jmh-throughput.json")
              .warmupIterations(quick ? 1 : 6).warmupTime(TimeValue.seconds(quick ? 1 : 3))
              .measurementIterations(quick ? 2 : 4).build()).run();
      Collection<RunResult> latency = new Runner(
          options("\\.(Sync|Batch)ThroughputBenchmark\\.", "jmh-throughput-2ms.json")
              .warmupIterations(quick ? 1 : 6).warmupTime(TimeValue.seconds(quick ? 1 : 3))
              .measurementIterations(quick ? 2 : 4)
              .param("sinkLatencyMs", "2").param("event", "tenField").param("batchSize", "512").build()).run();
      Map<String, String> allocation = harness(CallerAllocation.class, "-Xmx1g");
      Map<String, String> heap = harness(QueuedHeap.class, "-Xmx2g");
      String loadAfter = loadAverage();

      line("## Results");
      line("");
      line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (`nproc`), " + memoryGiB() + " GiB; "
          + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
          + " (`java -version`); " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
          + System.getProperty("os.arch") + ". Load average (1, 5, 15 min) before: " + loadBefore + "; after: "
          + loadAfter + ". Run " + Instant.now() + ", JMH settings `" + settings + "`, "
          + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s in all.");
      line("");
      callerTable(caller, allocation);
      throughputTable(throughput, latency);
      heapTable(heap);

      String text = summary.toString();
      Files.write(out.resolve("results.md"), text.getBytes(StandardCharsets.UTF_8));
      System.out.println();
      System.out.println(text);
      System.out.println("(written to " + out.resolve("results.md") + ")");
    }

    // ---- 1 and 3: caller cost and allocation -------------------------------------------------------------------

    void callerTable(Collection<RunResult> results, Map<String, String> allocation) {
      line("### Caller cost of a batched `log()` (SampleTime, ns per call) and allocation");
      line("");
      line("| event | threads | p50 | p90 | p99 | p99.9 | mean | target (p50) | met | alloc, whole JVM (B/event) |");
      line("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
      for (RunResult result : results) {
        String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
        boolean small = method.startsWith("small");
        int threads = result.getParams().getThreads();
        Result<?> primary = result.getPrimaryResult();
        double p50 = primary.getStatistics().getPercentile(50);
        double p90 = primary.getStatistics().getPercentile(90);
        double p99 = primary.getStatistics().getPercentile(99);
        double p999 = primary.getStatistics().getPercentile(99.9);
        double target = small ? 1000 : 3000;
        Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        line(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %s | %s |",
            small ? "small" : "ten-field", threads, p50, p90, p99, p999, primary.getScore(),
            small ? "≤ 1 µs" : "≤ 3 µs", p50 <= target ? "yes" : String.format(Locale.ROOT, "**no** (%.1fx)",
                p50 / target), alloc == null ? "n/a" : String.format(Locale.ROOT, "%.0f", alloc.getScore())));
      }
      line("");
      line(String.format(Locale.ROOT, "Allocated by the calling thread alone (`CallerAllocation`): small %s B,"
              + " ten-field %s B per `log()`. The gc profiler's figure above counts every thread of the JVM: the"
              + " exporter serializing each event to JSON and OkHttp sending it are in it.",
          allocation.getOrDefault("callerAllocBytes.small", "?"),
          allocation.getOrDefault("callerAllocBytes.tenField", "?")));
      line("");
    }

    // ---- 2: throughput ------------------------------------------------------------------------------------------

    void throughputTable(Collection<RunResult> loopback, Collection<RunResult> latency) {
      line("### End-to-end throughput into the loopback sink (one thread logging, every event delivered)");
      line("");
      line("| strategy | event | batch size | sink latency | events/s | iterations: min – max | MB/s | requests/s |");
      line("|---|---|---:|---:|---:|---:|---:|---:|");
      Map<String, Double> rates = new LinkedHashMap<>();
      List<RunResult> all = new ArrayList<>(loopback);
      all.addAll(latency);
      for (RunResult result : all) {
        String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
        String event = result.getParams().getParam("event");
        String batch = result.getParams().getParam("batchSize");
        String latencyMs = result.getParams().getParam("sinkLatencyMs");
        String strategy = method.equals("synchronous") ? "HoneyHive synchronous (a POST per event)"
            : method.equals("honeyhiveBatched") ? "HoneyHive batched" : "OpenTelemetry SDK (BSP + OTLP/HTTP)";
        double rate = result.getPrimaryResult().getScore();
        Result<?> mb = result.getSecondaryResults().get("sinkMB");
        Result<?> requests = result.getSecondaryResults().get("sinkRequests");
        rates.put(method + "/" + event + "/" + (batch == null ? "-" : batch) + "/" + latencyMs, rate);
        line(String.format(Locale.ROOT, "| %s | %s | %s | %s ms | %.0f | %.0f – %.0f | %.1f | %.0f |", strategy,
            event.equals("small") ? "small" : "ten-field", batch == null ? "1" : batch, latencyMs, rate,
            result.getPrimaryResult().getStatistics().getMin(), result.getPrimaryResult().getStatistics().getMax(),
            mb == null ? 0 : mb.getScore(), requests == null ? 0 : requests.getScore()));
      }
      line("");
      line("| ratio | event | batch size | sink latency | value | target | met |");
      line("|---|---|---:|---:|---:|---:|---|");
      for (String latencyMs : new String[] {"0", "2"}) {
        for (String event : new String[] {"small", "tenField"}) {
          for (String batch : new String[] {"100", "512"}) {
            Double batched = rates.get("honeyhiveBatched/" + event + "/" + batch + "/" + latencyMs);
            Double sync = rates.get("synchronous/" + event + "/-/" + latencyMs);
            Double otel = rates.get("openTelemetrySdk/" + event + "/" + batch + "/" + latencyMs);
            String eventName = event.equals("small") ? "small" : "ten-field";
            if (batched != null && sync != null) {
              double ratio = batched / sync;
              line(String.format(Locale.ROOT, "| batched / synchronous | %s | %s | %s ms | %.1fx | ≥ 50x | %s |",
                  eventName, batch, latencyMs, ratio, ratio >= 50 ? "yes" : "**no**"));
            }
            if (batched != null && otel != null) {
              double ratio = batched / otel;
              line(String.format(Locale.ROOT, "| batched / OpenTelemetry SDK | %s | %s | %s ms | %.2fx | ≥ 1x | %s |",
                  eventName, batch, latencyMs, ratio, ratio >= 1 ? "yes" : "**no**"));
            }
          }
        }
      }
      line("");
    }

    // ---- 4: heap while the sink is down -------------------------------------------------------------------------

    void heapTable(Map<String, String> heap) {
      line("### Heap held while the sink is down (" + QueuedHeap.EVENTS + " ten-field events logged)");
      line("");
      line("| configuration | queued | in flight | dropped | estimated JSON (MB) | heap held (MB)"
          + " | per queued event (B) | of it session ids (MB) |");
      line("|---|---:|---:|---:|---:|---:|---:|---:|");
      Map<String, String> names = new LinkedHashMap<>();
      names.put("unbounded_queue_131072_1_GiB", "maxQueueSize 131072, maxQueueBytes 1 GiB");
      names.put("unbounded_unique_content", "the same, unique text in every event");
      names.put("bounded_by_bytes_8_MiB", "maxQueueBytes 8 MiB");
      names.put("defaults_8192_32_MiB", "defaults (8192, 32 MiB)");
      for (Map.Entry<String, String> name : names.entrySet()) {
        String key = "heap." + name.getKey() + ".";
        if (!heap.containsKey(key + "queued")) {
          continue;
        }
        line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %.1f | %s | %.1f |", name.getValue(),
            heap.get(key + "queued"), heap.get(key + "inFlight"), heap.get(key + "dropped"),
            Long.parseLong(heap.get(key + "estimatedBytes")) / 1e6, Long.parseLong(heap.get(key + "heldBytes")) / 1e6,
            heap.get(key + "perEventBytes"), Long.parseLong(heap.get(key + "sessionIdBytes")) / 1e6));
      }
      line("");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Runs {@code main} of {@code type} in a JVM of its own, echoing its output; returns its RESULT lines. */
    Map<String, String> harness(Class<?> type, String heapOption) throws IOException, InterruptedException {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = List.of(java, heapOption, "-XX:+UseG1GC", "-cp",
          System.getProperty("java.class.path"), type.getName());
      System.out.println("# " + type.getSimpleName() + ": " + String.join(" ", command).replace(
          System.getProperty("java.class.path"), "benchmarks.jar"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Map<String, String> results = new LinkedHashMap<>();
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String text; (text = reader.readLine()) != null; ) {
          System.out.println(text);
          if (text.startsWith("RESULT ")) {
            for (String pair : text.substring(7).split(" ")) {
              int equals = pair.indexOf('=');
              if (equals > 0) {
                results.put(pair.substring(0, equals), pair.substring(equals + 1));
              }
            }
          }
        }
      }
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(type.getSimpleName() + " did not finish in 10 minutes");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(type.getSimpleName() + " failed with exit code " + process.exitValue());
      }
      return results;
    }

    private void line(String text) {
      summary.append(text).append('\n');
    }

    private static String loadAverage() {
      try {
        String[] parts = new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII)
            .trim().split(" ");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
      } catch (IOException | RuntimeException e) {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }

    private static String memoryGiB() {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean) {
        long bytes = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        return String.valueOf(Math.round(bytes / (double) (1L << 30)));
      }
      return "?";
    }
  }
}
