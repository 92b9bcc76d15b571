package ai.honeyhive.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Issue 17: runs {@link SpringAiCallBenchmark} and {@link LangChain4jCallBenchmark} ({@code -f 1 -wi 3 -w 2s -i 5
 * -r 3s -prof gc}) and prints, per framework call and transport, each integration's mean, p50 and p99 against the
 * same call without it, and the allocation per call (the whole JVM's, from the gc profiler, and the calling thread's
 * alone, from {@link CallerBytes}); also written to {@code benchmarks/target/results-frameworks.md}
 * beside JMH's JSON ({@code jmh-frameworks.json}). Started by
 * {@code java -jar benchmarks.jar --frameworks [regex [param=value,value ...]]}: the optional regex narrows the
 * benchmarks run (JMH's include pattern), each {@code param=values} the values of one parameter (JMH's {@code -p}), e.g.
 * {@code --frameworks 'CallBenchmark' transport=inProcess}.
 */
final class FrameworkSummary {
  private static final String ALL = "\\.(SpringAiCallBenchmark|LangChain4jCallBenchmark)\\.";
  private static final List<String> ORDER = List.of("none", "otherHandler", "honeyhive", "honeyhiveInSession");

  private FrameworkSummary() {
  }

  static void run(String include, Map<String, String[]> params)
      throws RunnerException, IOException, URISyntaxException {
    Path jar = Paths.get(FrameworkSummary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path out = jar.getParent();
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    Path callerFile = out.resolve("caller-bytes.tsv");
    Files.deleteIfExists(callerFile);
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include == null ? ALL : include)
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(3))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(out.resolve("jmh-frameworks.json").toString())
        .jvmArgsPrepend("-D" + CallerBytes.FILE_PROPERTY + "=" + callerFile);
    for (Map.Entry<String, String[]> param : params.entrySet()) {
      options.param(param.getKey(), param.getValue());
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    String loadAfter = loadAverage();
    Map<String, double[]> caller = callerBytes(callerFile);

    StringBuilder text = new StringBuilder();
    StringBuilder chosen = new StringBuilder();
    for (Map.Entry<String, String[]> param : params.entrySet()) {
      chosen.append(" -p ").append(param.getKey()).append('=').append(String.join(",", param.getValue()));
    }
    text.append(String.format(Locale.ROOT, "Run %s, `-f 1 -wi 3 -w 2s -i 5 -r 3s -prof gc%s`, %d s; %d cores;"
            + " load average (1, 5, 15 min) before: %s; after: %s.%n%n", Instant.now(), chosen,
        (System.nanoTime() - started) / 1_000_000_000L, Runtime.getRuntime().availableProcessors(), loadBefore,
        loadAfter));
    text.append("| call | transport | integration | samples | mean (µs) | p50 (µs) | p99 (µs) | mean − none"
        + " | p50 − none | allocated, JVM (B/call) | − none | allocated, calling thread (B/call) | − none |\n");
    text.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, List<RunResult>> groups = new LinkedHashMap<>();
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
        .thenComparing(r -> r.getParams().getParam("transport"))
        .thenComparing(r -> ORDER.indexOf(r.getParams().getParam("integration"))));
    for (RunResult result : sorted) {
      groups.computeIfAbsent(result.getParams().getBenchmark() + "/" + result.getParams().getParam("transport"),
          k -> new ArrayList<>()).add(result);
    }
    for (List<RunResult> group : groups.values()) {
      RunResult none = group.stream().filter(r -> "none".equals(r.getParams().getParam("integration")))
          .findFirst().orElse(null);
      for (RunResult result : group) {
        String benchmark = result.getParams().getBenchmark();
        String call = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1)
            .replace("CallBenchmark", "");
        Result<?> primary = result.getPrimaryResult();
        double mean = primary.getScore();
        double p50 = primary.getStatistics().getPercentile(50);
        double p99 = primary.getStatistics().getPercentile(99);
        double alloc = alloc(result);
        double callerAlloc = callerAlloc(caller, result);
        String meanDelta = "";
        String p50Delta = "";
        String allocDelta = "";
        String callerDelta = "";
        if (none != null && none != result) {
          double noneMean = none.getPrimaryResult().getScore();
          double noneP50 = none.getPrimaryResult().getStatistics().getPercentile(50);
          meanDelta = String.format(Locale.ROOT, "%+.1f µs (%+.0f%%)", mean - noneMean,
              100 * (mean - noneMean) / noneMean);
          p50Delta = String.format(Locale.ROOT, "%+.1f µs (%+.0f%%)", p50 - noneP50, 100 * (p50 - noneP50) / noneP50);
          allocDelta = String.format(Locale.ROOT, "%+,.0f", alloc - alloc(none));
          callerDelta = String.format(Locale.ROOT, "%+,.0f", callerAlloc - callerAlloc(caller, none));
        }
        text.append(String.format(Locale.ROOT,
            "| %s | %s | %s | %d | %.1f | %.1f | %.1f | %s | %s | %,.0f | %s | %,.0f | %s |%n",
            call, result.getParams().getParam("transport"), result.getParams().getParam("integration"),
            primary.getStatistics().getN(), mean, p50, p99, meanDelta, p50Delta, alloc, allocDelta, callerAlloc,
            callerDelta));
      }
    }
    Files.write(out.resolve("results-frameworks.md"), text.toString().getBytes(StandardCharsets.UTF_8));
    System.out.println();
    System.out.println(text);
    System.out.println("(written to " + out.resolve("results-frameworks.md") + ")");
  }

  /** The calling thread's bytes per call, per benchmark/integration/transport: sum and count of its iterations. */
  private static Map<String, double[]> callerBytes(Path file) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      if (parts.length == 4) {
        double[] sum = out.computeIfAbsent(parts[0] + "/" + parts[1] + "/" + parts[2], k -> new double[2]);
        sum[0] += Double.parseDouble(parts[3]);
        sum[1]++;
      }
    }
    return out;
  }

  /** The mean over the measurement iterations of the calling thread's bytes per call, or NaN. */
  private static double callerAlloc(Map<String, double[]> caller, RunResult result) {
    double[] sum = caller.get(result.getParams().getBenchmark() + "/" + result.getParams().getParam("integration") + "/"
        + result.getParams().getParam("transport"));
    return sum == null || sum[1] == 0 ? Double.NaN : sum[0] / sum[1];
  }

  private static double alloc(RunResult result) {
    Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return alloc == null ? Double.NaN : alloc.getScore();
  }

  private static String loadAverage() {
    try {
      String[] parts = new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII)
          .trim().split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
