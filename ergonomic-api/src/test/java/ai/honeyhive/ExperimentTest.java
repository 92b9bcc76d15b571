package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Experiments against a mock HoneyHive, the run calls recorded by a fake: the run protocol (a session per datapoint
 * linked to the run, the task in a chain span, the metrics on the chain, the session's outputs and ground truth),
 * failures that fail a datapoint and not the run, concurrency, the deadline, progress, stable ids.
 */
class ExperimentTest {
  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();
  private final FakeRuns runs = new FakeRuns();
  private HoneyHive hh;

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink);
    hh = mock.batchedClientBuilder().maxBatchDelay(Duration.ofMillis(20)).build();
  }

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  private static final List<Map<String, Object>> DATASET = List.of(
      Map.of("inputs", Map.of("q", "2+2"), "ground_truth", Map.of("answer", "4")),
      Map.of("inputs", Map.of("q", "3+3"), "ground_truth", Map.of("answer", "6")),
      Map.of("inputs", Map.of("q", "boom"), "ground_truth", Map.of("answer", "?")));

  private Experiment experiment() {
    return new Experiment(hh, runs, hh.datasets(), "arithmetic").progressLine(false);
  }

  private static Object add(Datapoint datapoint) {
    String q = (String) datapoint.inputs().get("q");
    if (q.equals("boom")) {
      throw new IllegalStateException("cannot add boom");
    }
    String[] terms = q.split("\\+");
    return Map.of("answer", String.valueOf(Integer.parseInt(terms[0]) + Integer.parseInt(terms[1])));
  }

  @Test
  void runsTheProtocolAndAFailingTaskFailsOnlyItsDatapoint() {
    ExperimentResult result = experiment().dataset(DATASET).task(ExperimentTest::add)
        .evaluator("exact", (output, inputs, truth) -> ((Map<?, ?>) output).get("answer").equals(truth.get("answer")))
        .run();

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.datapoints()).extracting(DatapointResult::succeeded).containsExactly(true, true, false);
    assertThat(result.datapoints().get(2).error()).contains("java.lang.IllegalStateException: cannot add boom");
    assertThat(result.metricMeans()).isEqualTo(Map.of("exact", 1.0));
    assertThat(result.datasetId()).startsWith("EXT-");

    // The run: created pending with the datapoints, finished naming the three sessions.
    assertThat(runs.created).hasSize(1);
    assertThat(runs.created.get(0).get("datapoint_ids"))
        .isEqualTo(result.datapoints().stream().map(r -> r.datapoint().id()).toList());
    assertThat(runs.created.get(0).get("metadata")).isEqualTo(Map.of("offline_dataset_id", result.datasetId()));
    assertThat(runs.finished).singleElement().satisfies(finish -> {
      assertThat(finish.get("status")).isEqualTo("failed");
      assertThat(finish.get("session_ids"))
          .isEqualTo(result.datapoints().stream().map(DatapointResult::sessionId).toList());
    });

    // What reached HoneyHive: per datapoint a session linked to the run, a chain with the metrics, an update.
    DatapointResult first = result.datapoints().get(0);
    Map<String, Object> link = Map.of("run_id", result.runId(), "dataset_id", result.datasetId(),
        "datapoint_id", first.datapoint().id());
    Map<String, Object> start = sink.requests().stream()
        .filter(r -> r.path().equals("/v1/sessions") && first.sessionId().equals(r.body().get("session_id")))
        .findFirst().orElseThrow().body();
    assertThat(start).containsEntry("session_name", "arithmetic").containsEntry("source", "evaluation")
        .containsEntry("metadata", link).containsEntry("inputs", Map.of("q", "2+2"));
    Map<String, Object> chain = sink.batches().stream().flatMap(r -> r.events().stream())
        .filter(e -> first.sessionId().equals(e.get("session_id")) && "chain".equals(e.get("event_type")))
        .findFirst().orElseThrow();
    assertThat(chain).containsEntry("event_name", "task").containsEntry("metrics", Map.of("exact", true))
        .containsEntry("outputs", Map.of("answer", "4")).containsEntry("metadata", link);
    Map<String, Object> update = sink.requests().stream()
        .filter(r -> r.method().equals("PUT") && r.path().equals("/v1/events/" + first.sessionId()))
        .findFirst().orElseThrow().body();
    assertThat(update).containsEntry("outputs", Map.of("answer", "4"))
        .containsEntry("feedback", Map.of("ground_truth", Map.of("answer", "4")));
    Map<String, Object> failedChain = sink.batches().stream().flatMap(r -> r.events().stream())
        .filter(e -> result.datapoints().get(2).sessionId().equals(e.get("session_id")))
        .filter(e -> "chain".equals(e.get("event_type"))).findFirst().orElseThrow();
    assertThat(failedChain.get("error")).isEqualTo("java.lang.IllegalStateException: cannot add boom");
  }

  @Test
  void aThrowingEvaluatorFailsItsDatapointWhileTheOthersStillScore() {
    ExperimentResult result = experiment().dataset(DATASET.subList(0, 2)).task(ExperimentTest::add)
        .evaluator("strict", (output, inputs, truth) -> {
          if (inputs.get("q").equals("3+3")) {
            throw new ArithmeticException("judge down");
          }
          return 1;
        })
        .evaluator("judge", (output, inputs, truth) -> Map.of("score", 0.5, "explanation", "ok"))
        .run();
    assertThat(result.datapoints().get(0).metrics())
        .isEqualTo(Map.of("strict", 1, "judge", 0.5, "judge_explanation", "ok"));
    assertThat(result.datapoints().get(1).error()).contains("evaluator strict: java.lang.ArithmeticException: judge down");
    assertThat(result.datapoints().get(1).metrics()).isEqualTo(Map.of("judge", 0.5, "judge_explanation", "ok"));
    assertThat(result.status()).isEqualTo("failed");
  }

  @Test
  void inMemoryIdsAreStableAcrossRunsAndTheTaskSeesItsSpanAsCurrent() {
    List<String> currentSpans = new CopyOnWriteArrayList<>();
    ExperimentTask task = datapoint -> {
      currentSpans.add(EventScope.current().map(scope -> ((Span) scope).toString()).orElse("none"));
      CurrentSpan.metadata(Map.of("seen", true));
      return "done";
    };
    ExperimentResult one = experiment().dataset(DATASET).task(task).run();
    ExperimentResult two = experiment().dataset(DATASET).task(task).run();
    assertThat(two.datasetId()).isEqualTo(one.datasetId());
    assertThat(two.datapoints()).extracting(r -> r.datapoint().id())
        .isEqualTo(one.datapoints().stream().map(r -> r.datapoint().id()).toList());
    assertThat(two.runId()).isNotEqualTo(one.runId());
    assertThat(currentSpans).hasSize(6).allSatisfy(span -> assertThat(span).contains("chain 'task'"));
    assertThat(one.datapoints().get(0).output()).isEqualTo("done");
    assertThat(one.status()).isEqualTo("completed");
  }

  @Test
  void datapointsRunConcurrentlyAndProgressIsReportedOncePerDatapoint() {
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(Map.of("inputs", Map.of("i", i)));
    }
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    List<ExperimentProgress> progress = Collections.synchronizedList(new ArrayList<>());
    ExperimentResult result = experiment().dataset(many).concurrency(8).listener(progress::add).task(datapoint -> {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      Thread.sleep(20);
      running.decrementAndGet();
      return datapoint.inputs();
    }).run();
    assertThat(result.failed()).isZero();
    assertThat(maxRunning.get()).isBetween(2, 8);
    assertThat(progress).hasSize(40);
    assertThat(progress).extracting(ExperimentProgress::done).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
    assertThat(progress.stream().mapToInt(ExperimentProgress::total).distinct()).containsExactly(40);
  }

  @Test
  void pastTheDeadlineTheRestIsCancelledAndTheRunSaysSo() {
    List<Map<String, Object>> slow = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      slow.add(Map.of("inputs", Map.of("i", i)));
    }
    ExperimentResult result = experiment().dataset(slow).concurrency(1).deadline(Duration.ofMillis(300))
        .task(datapoint -> {
          Thread.sleep(150);
          return "ok";
        }).run();
    assertThat(result.status()).isEqualTo("cancelled");
    assertThat(result.datapoints()).hasSize(6);
    assertThat(result.datapoints().get(5).error()).hasValueSatisfying(error -> assertThat(error).startsWith("cancelled"));
    assertThat(result.datapoints().get(5).sessionId()).isNull();
    assertThat(runs.finished.get(0).get("status")).isEqualTo("cancelled");
    assertThat((List<?>) runs.finished.get(0).get("session_ids")).hasSizeLessThan(6);
  }

  @Test
  void theRunIsCreatedAndFinishedOverRestAndAnAnsweredRunIdThatIsNotAUuidIsNotUsedInAPath() {
    sink.respondWith(request -> request.path().equals("/v1/runs")
        ? DeliverySink.json(200, "{\"run_id\":\"ci-1234\",\"evaluation\":{}}") : null);
    String runId = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";
    ExperimentResult result = hh.experiment("over-rest").runId(runId).progressLine(false).dataset(DATASET.subList(0, 1))
        .task(ExperimentTest::add).run();

    assertThat(result.runId()).isEqualTo(runId);
    Map<String, Object> created = sink.requests().stream().filter(r -> r.path().equals("/v1/runs")).findFirst()
        .orElseThrow().body();
    assertThat(created).containsEntry("run_id", runId).containsEntry("name", "over-rest")
        .containsEntry("status", "pending").containsEntry("event_ids", List.of())
        .containsEntry("datapoint_ids", List.of(result.datapoints().get(0).datapoint().id()))
        .containsEntry("metadata", Map.of("offline_dataset_id", result.datasetId()))
        .doesNotContainKey("dataset_id");
    Map<String, Object> finished = sink.requests().stream()
        .filter(r -> r.method().equals("PUT") && r.path().equals("/v1/runs/" + runId)).findFirst().orElseThrow()
        .body();
    assertThat(finished).containsEntry("status", "completed")
        .containsEntry("event_ids", List.of(result.datapoints().get(0).sessionId()));
  }

  @Test
  void badSetupIsRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> experiment().dataset(List.of())).hasMessage("datapoints must hold at least one datapoint");
    assertThatThrownBy(() -> experiment().dataset(List.of(Map.of("inputs", "text"))))
        .hasMessage("datapoints[0].inputs must be a map, but was java.lang.String");
    assertThatThrownBy(() -> experiment().concurrency(0)).hasMessageContaining("concurrency must be between 1 and 256");
    assertThatThrownBy(() -> experiment().evaluator("e", (o, i, t) -> 1).evaluator("e", (o, i, t) -> 2))
        .hasMessage("an evaluator named 'e' was added already");
    assertThatThrownBy(() -> experiment().dataset(DATASET).run()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("task(...)");
    assertThat(runs.created).isEmpty();
  }

  /** Records the run calls; answers the run id it was given. */
  static final class FakeRuns implements RunApi {
    final List<Map<String, Object>> created = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> finished = new CopyOnWriteArrayList<>();

    @Override
    public String create(String runId, String name, String datasetId, List<String> datapointIds,
        Map<String, Object> configuration, Map<String, Object> metadata) {
      created.add(Map.of("run_id", runId, "name", name, "datapoint_ids", datapointIds, "configuration", configuration,
          "metadata", metadata));
      return runId;
    }

    @Override
    public void finish(String runId, String name, String status, List<String> sessionIds,
        Map<String, Object> metadata) {
      finished.add(Map.of("run_id", runId, "status", status, "session_ids", sessionIds, "metadata", metadata));
    }

    @Override
    public RunSummary summary(String runId) {
      return null;
    }
  }
}
