package ai.honeyhive.testing.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.Datapoint;
import ai.honeyhive.Dataset;
import ai.honeyhive.DatasetMapping;
import ai.honeyhive.Datasets;
import ai.honeyhive.ExperimentResult;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.client.api.ExperimentsApi;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hh.datasets()} against the test server, which serves HoneyHive's dataset and datapoint routes: create, add
 * rows (maps and Java objects) with a mapping, find, page through, remove, delete; and an experiment over a stored
 * dataset, which names it in its run.
 */
class DatasetsTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  /** A row as an application holds it. */
  public record Question(String question, String answer, String topic) {}

  @Test
  void rowsBecomeDatapointsByTheMappingAndPageThroughInOrder() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      Datasets datasets = hh.datasets();
      Dataset created = datasets.create("support-questions", "what customers ask");
      List<Object> rows = new ArrayList<>();
      IntStream.range(0, 149).forEach(i -> rows.add(new Question("q" + i, "a" + i, "billing")));
      rows.add(Map.of("question", "last", "answer", "z", "topic", "keys"));

      List<String> ids = datasets.add(created.id(), rows,
          DatasetMapping.inputs("question").groundTruth("answer"));

      assertThat(ids).hasSize(150).doesNotHaveDuplicates();
      Dataset found = datasets.find("support-questions").orElseThrow();
      assertThat(found.id()).isEqualTo(created.id());
      assertThat(found.datapointIds()).containsExactlyElementsOf(ids);
      assertThat(datasets.list()).extracting(Dataset::name).contains("support-questions");
      List<Datapoint> datapoints = datasets.datapoints(found).toList();
      assertThat(datapoints).extracting(Datapoint::id).containsExactlyElementsOf(ids);
      assertThat(datapoints.get(0).inputs()).isEqualTo(Map.of("question", "q0"));
      assertThat(datapoints.get(0).groundTruth()).isEqualTo(Map.of("answer", "a0"));
      assertThat(datapoints.get(149).inputs()).isEqualTo(Map.of("question", "last"));
      // 150 ids are read in two pages of at most 100
      assertThat(server.exchanges()).filteredOn(e -> e.operationId().equals("getDatapoints")).hasSize(2);

      assertThat(datasets.remove(found.id(), ids.get(0))).isTrue();
      assertThat(datasets.remove(found.id(), ids.get(0))).isFalse(); // a retry is harmless
      assertThat(datasets.get(found.id()).orElseThrow().datapointIds()).hasSize(149);
      datasets.delete(found.id());
      assertThat(datasets.get(found.id())).isEmpty();
      assertThat(datasets.find("no-such-dataset")).isEmpty();
    }
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void anExperimentOverAStoredDatasetNamesItInTheRun() throws IOException {
    try (HoneyHive hh = server.clientBuilder().build()) {
      Dataset dataset = hh.datasets().create("arithmetic", null);
      hh.datasets().add(dataset.id(), List.of(Map.of("q", "2+2", "a", "4"), Map.of("q", "3+3", "a", "6")),
          DatasetMapping.inputs("q").groundTruth("a"));
      Dataset filled = hh.datasets().get(dataset.id()).orElseThrow();

      ExperimentResult result = hh.experiment("stored-arithmetic").dataset(filled).progressLine(false)
          .task(datapoint -> Map.of("a", datapoint.inputs().get("q").equals("2+2") ? "4" : "5"))
          .evaluator("exact", (output, inputs, truth) -> ((Map<?, ?>) output).get("a").equals(truth.get("a")))
          .run();

      assertThat(result.datasetId()).isEqualTo(dataset.id());
      assertThat(result.datapoints()).extracting(r -> r.datapoint().id())
          .containsExactlyElementsOf(filled.datapointIds());
      assertThat(result.metricMeans()).containsEntry("exact", 0.5);
      var run = hh.raw().retrofit().create(ExperimentsApi.class).getRun(UUID.fromString(result.runId())).execute()
          .body().getEvaluation();
      assertThat(run.getDatasetId()).isEqualTo(dataset.id());
      assertThat(run.getMetadata()).doesNotContainKey("offline_dataset_id");
      assertThat(server.event(result.datapoints().get(0).sessionId()).orElseThrow().metadata())
          .containsEntry("dataset_id", dataset.id());
    }
    assertThat(server.validationErrors()).isEmpty();
    assertThat(server.exchanges()).extracting(RecordedExchange::operationId).contains("getDatapoints", "createRun");
  }

  @Test
  void badArgumentsAreRefusedNamingThem() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      assertThatThrownBy(() -> hh.datasets().add("ds", List.of(), DatasetMapping.inputs("q")))
          .hasMessage("rows must hold at least one row");
      assertThatThrownBy(() -> hh.datasets().add("ds", List.of("text"), DatasetMapping.inputs("q")))
          .hasMessageContaining("rows[0] must be written as a JSON object");
      assertThatThrownBy(() -> DatasetMapping.inputs()).hasMessage("inputs needs at least one field name");
      assertThatThrownBy(() -> hh.datasets().create(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
