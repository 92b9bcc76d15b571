package ai.honeyhive.benchmarks;

import ai.honeyhive.DatapointResult;
import ai.honeyhive.ExperimentResult;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 16's target, as a recorded run: an experiment of 1,000 datapoints whose task takes 20 ms, at
 * {@code concurrency(16)}, against the test server, must end within 2 s plus the tasks' total time divided by 16
 * (1.25 s), and deliver every session and event exactly once. Three warm-up runs, then five measured ones, each
 * against a fresh server; prints each run's wall time and what the server stored. Run it with
 * {@code java -cp benchmarks/target/benchmarks.jar ai.honeyhive.benchmarks.ExperimentWallTime}.
 */
public final class ExperimentWallTime {
  static final int DATAPOINTS = 1000;
  static final int TASK_MILLIS = 20;
  static final int CONCURRENCY = 16;

  private ExperimentWallTime() {}

  public static void main(String[] args) throws Exception {
    List<Map<String, Object>> dataset = new ArrayList<>();
    for (int i = 0; i < DATAPOINTS; i++) {
      dataset.add(Map.of("inputs", Map.of("i", i), "ground_truth", Map.of("double", 2 * i)));
    }
    double bound = 2.0 + DATAPOINTS * TASK_MILLIS / 1000.0 / CONCURRENCY;
    System.out.printf(Locale.ROOT, "%d datapoints, task %d ms, concurrency %d: target %.2f s%n", DATAPOINTS,
        TASK_MILLIS, CONCURRENCY, bound);
    for (int round = 1; round <= 8; round++) {
      try (HoneyHiveTestServer server = HoneyHiveTestServer.start();
          HoneyHive hh = server.clientBuilder().shutdownHook(false).build()) {
        long started = System.nanoTime();
        ExperimentResult result = hh.experiment("wall-time").dataset(dataset).concurrency(CONCURRENCY)
            .progressLine(false)
            .task(datapoint -> {
              Thread.sleep(TASK_MILLIS);
              return Map.of("double", 2 * (Integer) datapoint.inputs().get("i"));
            })
            .evaluator("exact", (output, inputs, truth) -> ((Map<?, ?>) output).get("double").equals(truth.get("double")))
            .run();
        double seconds = (System.nanoTime() - started) / 1e9;
        long sessions = server.events().stream().filter(StoredEvent::isSession).count();
        long events = server.events().stream().filter(event -> !event.isSession()).count();
        long failed = result.datapoints().stream().filter(datapoint -> !datapoint.succeeded()).count();
        boolean linked = result.datapoints().stream().map(DatapointResult::sessionId).distinct().count() == DATAPOINTS;
        System.out.printf(Locale.ROOT, "%s %d: %.3f s (%s), status %s, sessions stored %d, events stored %d, "
                + "duplicate deliveries %d, failed %d, distinct sessions %s, validation errors %d%n",
            round <= 3 ? "warm-up" : "run", round <= 3 ? round : round - 3, seconds, seconds <= bound ? "met" : "MISSED",
            result.status(), sessions, events, server.duplicateDeliveries().size(), failed, linked,
            server.validationErrors().size());
      }
    }
  }
}
