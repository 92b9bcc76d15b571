package ai.honeyhive.testing.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.Aggregation;
import ai.honeyhive.Datapoint;
import ai.honeyhive.DatapointPair;
import ai.honeyhive.DatapointResult;
import ai.honeyhive.ExperimentResult;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.RunComparison;
import ai.honeyhive.RunSummary;
import ai.honeyhive.client.api.ExperimentsApi;
import ai.honeyhive.client.model.ExperimentRun;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.StoredEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hh.experiment(...)} against the test server, which serves HoneyHive's run routes from the official spec:
 * the run protocol's requests in order, every request valid, the run finished naming its sessions, and HoneyHive's
 * summary of the run computed from what the experiment sent.
 */
class ExperimentProtocolTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  private static final List<Map<String, Object>> DATASET = List.of(
      Map.of("inputs", Map.of("q", "2+2"), "ground_truth", Map.of("answer", "4")),
      Map.of("inputs", Map.of("q", "3+3"), "ground_truth", Map.of("answer", "6")),
      Map.of("inputs", Map.of("q", "9+9"), "ground_truth", Map.of("answer", "17")));

  @Test
  void twoPromptVariantsCompareOnTheirCommonDatapoints() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      ExperimentResult v1 = hh.experiment("adder-v1").dataset(DATASET).progressLine(false)
          .task(datapoint -> Map.of("answer", "4"))
          .evaluator("exact", (output, inputs, truth) -> ((Map<?, ?>) output).get("answer").equals(truth.get("answer")))
          .run();
      ExperimentResult v2 = hh.experiment("adder-v2").dataset(DATASET).progressLine(false)
          .task(datapoint -> Map.of("answer", truth(datapoint)))
          .evaluator("exact", (output, inputs, truth) -> ((Map<?, ?>) output).get("answer").equals(truth.get("answer")))
          .run();

      RunComparison comparison = hh.runs().compare(v2.runId(), v1.runId());
      assertThat(comparison.commonDatapoints()).containsExactlyInAnyOrderElementsOf(
          v1.datapoints().stream().map(result -> result.datapoint().id()).toList());
      assertThat(comparison.metrics()).filteredOn(metric -> metric.name().equals("exact")).singleElement()
          .satisfies(metric -> {
            assertThat(metric.oldValue()).isCloseTo(1.0 / 3, Offset.offset(1e-9));
            assertThat(metric.newValue()).isEqualTo(1.0);
            assertThat(metric.difference()).isCloseTo(2.0 / 3, Offset.offset(1e-9));
          });
      List<DatapointPair> pairs = hh.runs().pairs(v2.runId(), v1.runId(), "task");
      assertThat(pairs).hasSize(3).allSatisfy(pair -> {
        assertThat(pair.newEvent()).containsEntry("metrics", Map.of("exact", true));
        assertThat(pair.oldEvent()).containsKey("metrics");
      });
      assertThat(v2.summary()).hasValueSatisfying(summary -> assertThat(summary.metrics())
          .filteredOn(metric -> metric.name().equals("exact")).singleElement()
          .satisfies(metric -> assertThat(metric.aggregate()).isEqualTo(1.0)));
    }
    assertThat(server.validationErrors()).isEmpty();
  }

  private static String truth(Datapoint datapoint) {
    return (String) datapoint.groundTruth().get("answer");
  }

  @Test
  void theRunProtocolReachesTheServerInOrderAndItsSummaryReflectsTheScores() throws IOException {
    ExperimentResult result;
    try (HoneyHive hh = server.clientBuilder().build()) {
      result = hh.experiment("arithmetic-v1").dataset(DATASET).progressLine(false)
          .task(datapoint -> {
            String[] terms = ((String) datapoint.inputs().get("q")).split("\\+");
            return Map.of("answer", String.valueOf(Integer.parseInt(terms[0]) + Integer.parseInt(terms[1])));
          })
          .evaluator("exact", (output, inputs, truth) -> ((Map<?, ?>) output).get("answer").equals(truth.get("answer")))
          .run();

      ExperimentsApi runs = hh.raw().retrofit().create(ExperimentsApi.class);
      ExperimentRun run = runs.getRun(UUID.fromString(result.runId())).execute().body().getEvaluation();
      assertThat(run.getStatus()).isEqualTo("completed");
      assertThat(run.getName()).isEqualTo("arithmetic-v1");
      assertThat(run.getEventIds()).containsExactlyInAnyOrderElementsOf(
          result.datapoints().stream().map(DatapointResult::sessionId).toList());
      assertThat(run.getMetadata()).containsEntry("offline_dataset_id", result.datasetId());

      RunSummary summary = hh.runs().summary(result.runId());
      assertThat(summary.metrics()).filteredOn(metric -> metric.name().equals("exact")).singleElement()
          .satisfies(metric -> assertThat(metric.aggregate()).isCloseTo(2.0 / 3, Offset.offset(1e-9)));
      assertThat(hh.runs().summary(result.runId(), Aggregation.SUM).metrics())
          .filteredOn(metric -> metric.name().equals("exact")).singleElement()
          .satisfies(metric -> assertThat(metric.aggregate()).isEqualTo(2.0));
    }
    assertThat(result.status()).isEqualTo("completed"); // a wrong answer is a score, not a failure
    assertThat(result.metricMeans()).containsEntry("exact", 2.0 / 3);

    // Every request conformed to the spec; the run was created first and finished last.
    assertThat(server.validationErrors()).isEmpty();
    List<String> operations = server.exchanges().stream().map(RecordedExchange::operationId)
        .filter(id -> !id.equals("getRun") && !id.equals("getExperimentSummary")).toList();
    assertThat(operations.get(0)).isEqualTo("createRun");
    assertThat(operations.get(operations.size() - 1)).isEqualTo("updateRun");
    assertThat(operations).filteredOn("createSession"::equals).hasSize(3);

    // Each session is linked to the run and holds the datapoint's outputs and ground truth.
    for (DatapointResult datapoint : result.datapoints()) {
      StoredEvent session = server.event(datapoint.sessionId()).orElseThrow();
      assertThat(session.metadata()).containsEntry("run_id", result.runId())
          .containsEntry("datapoint_id", datapoint.datapoint().id())
          .containsEntry("dataset_id", result.datasetId());
      assertThat(session.feedback()).containsEntry("ground_truth", datapoint.datapoint().groundTruth());
      assertThat(server.sessionTree(datapoint.sessionId()).outline())
          .isEqualTo("session \"arithmetic-v1\"\n└── chain \"task\"\n");
    }
  }
}
