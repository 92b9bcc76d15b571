package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server validates against the spec it is given: by default the artifact's, or a pinned version. */
class SpecVersionTest {
  @Test
  void byDefaultTheServerServesEveryOperationOfTheArtifactsSpec() {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start()) {
      assertThat(server.operationIds()).containsExactlyInAnyOrder("createSession", "createSessionEventBatch",
          "createEvent", "getEvent", "updateEvent", "createEventBatch", "searchEvents", "exportEventsLegacy",
          "startSessionLegacy", "createEventLegacy", "updateEventLegacy", "createModelEventLegacy",
          "createEventBatchLegacy", "createModelEventBatchLegacy", "addSessionTracesLegacy", "getEventsSchemaLegacy",
          // datasets and datapoints
          "getDatasets", "createDataset", "updateDataset", "deleteDataset", "addDatapoints", "removeDatapoint",
          "updateDatasetLegacy", "deleteDatasetLegacy", "removeDatapointLegacy", "getDatapoints", "createDatapoint",
          "batchCreateDatapoints", "getDatapoint", "updateDatapoint", "deleteDatapoint",
          // Experiments (runs)
          "createRun", "getRuns", "getRunsSchema", "getRun", "updateRun", "deleteRun", "getRunSchema",
          "getExperimentRunMetrics", "getExperimentSummary", "getExperimentComparison", "getExperimentCompareEvents",
          "getExperimentResultLegacy", "getExperimentComparisonLegacy", "getExperimentCompareEventsLegacy",
          // metrics, metric versions, charts, queues, configurations (issue 16)
          "getMetrics", "createMetric", "updateMetric", "deleteMetric", "updateMetricLegacy", "deleteMetricLegacy",
          "getMetricVersions", "createMetricVersion", "deployMetricVersion", "runMetric", "runMetricLegacy",
          "getCharts", "createChart", "getChart", "updateChart", "deleteChart",
          "getQueues", "createQueue", "getQueue", "updateQueue", "deleteQueue",
          "getConfigurations", "createConfiguration", "updateConfiguration", "deleteConfiguration");
    }
  }

  @Test
  void aPinnedSpecDecidesWhatIsValidAndWhatExists() throws IOException {
    try (InputStream pinned = SpecVersionTest.class.getResourceAsStream("/pinned-minimal-openapi.yaml");
        HoneyHiveTestServer server = HoneyHiveTestServer.builder().spec(pinned).start();
        Http http = new Http(server)) {
      Http.Answer ok = http.post("/v1/events", Map.of("event_type", "tool", "inputs", Map.of()));
      Http.Answer chainUnknownHere = http.post("/v1/events", Map.of("event_type", "chain", "inputs", Map.of()));
      Http.Answer sourceUnknownHere = http.post("/v1/events",
          Map.of("event_type", "tool", "inputs", Map.of(), "source", "x"));
      Http.Answer noSuchRoute = http.post("/v1/sessions", Map.of());

      assertThat(server.operationIds()).containsExactly("createEvent");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(chainUnknownHere.status()).isEqualTo(400);
      assertThat(sourceUnknownHere.message()).isEqualTo("body: unrecognized key 'source'");
      assertThat(noSuchRoute.status()).isEqualTo(404);
      assertThat(server.events().get(0).toMap()).as("only the pinned Event's fields")
          .containsOnlyKeys("event_id", "session_id", "event_type", "event_name", "inputs");
    }
  }

  @Test
  void somethingThatIsNotAnOpenApiDocumentIsRejected() {
    HoneyHiveTestServer.Builder builder = HoneyHiveTestServer.builder()
        .spec(new ByteArrayInputStream("just: text".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(builder::start).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an OpenAPI 3 document");
  }
}
