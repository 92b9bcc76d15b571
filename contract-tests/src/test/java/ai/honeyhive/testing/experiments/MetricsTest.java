package ai.honeyhive.testing.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.MetricTrial;
import ai.honeyhive.Metrics;
import ai.honeyhive.ServerMetric;
import ai.honeyhive.client.api.MetricVersionsApi;
import ai.honeyhive.client.api.MetricsApi;
import ai.honeyhive.client.model.MetricVersion;
import ai.honeyhive.errors.HoneyHiveApiException;
import ai.honeyhive.testing.HoneyHiveTestServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hh.metrics()} against the test server: define a server-side metric, add a draft and a deployed version,
 * deploy the draft, try definitions on events. The test server imitates HoneyHive's answers (it runs no code and asks
 * no model: a metric "matches" when the outputs equal the ground truth); the shapes are HoneyHive's.
 */
class MetricsTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void aMetricIsDefinedVersionedAndDeployed() throws IOException {
    try (HoneyHive hh = server.clientBuilder().build()) {
      Metrics metrics = hh.metrics();
      ServerMetric exact = ServerMetric.python("exact_answer",
          "def metric(event):\n    return event['outputs'] == event['feedback']['ground_truth']")
          .returnType("boolean").needsGroundTruth(true).description("the answer is the expected one");

      String id = metrics.create(exact);
      String draft = metrics.addVersion(id, "compare case-insensitively", exact.description("case-insensitive"), false);
      String live = metrics.addVersion(id, "back to exact", exact, true);
      metrics.deploy(id, draft);

      List<MetricVersion> versions = hh.raw().retrofit().create(MetricVersionsApi.class).getMetricVersions(id)
          .execute().body().getData();
      assertThat(versions).extracting(MetricVersion::getName).containsExactly(draft, live);
      assertThat(versions).extracting(MetricVersion::getDeployed).containsExactly(true, false);
      assertThat(hh.raw().retrofit().create(MetricsApi.class).getMetrics(null, id).execute().body().getMetrics())
          .singleElement().satisfies(metric -> assertThat(metric.getDescription()).isEqualTo("case-insensitive"));
    }
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void aDefinitionIsTriedOnAnEventWithoutStoringIt() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      ServerMetric exact = ServerMetric.python("exact", "def metric(event):\n    return 1").returnType("boolean")
          .needsGroundTruth(true);
      MetricTrial hit = hh.metrics().tryOn(exact, Map.of("q", "2+2"), Map.of("answer", "4"), Map.of("answer", "4"));
      MetricTrial miss = hh.metrics().tryOn(exact, Map.of("q", "2+2"), Map.of("answer", "5"), Map.of("answer", "4"));
      assertThat(hit.result()).isEqualTo(true);
      assertThat(miss.result()).isEqualTo(false);
      assertThat(hit.loading()).isFalse();

      assertThatThrownBy(() -> hh.metrics().tryOn(exact, Map.of(), Map.of("answer", "4"), null))
          .isInstanceOfSatisfying(HoneyHiveApiException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
      ServerMetric broken = ServerMetric.python("broken", "def metric(event):\n    raise ValueError('no')");
      assertThatThrownBy(() -> hh.metrics().tryOn(broken, Map.of(), Map.of("answer", "4"), null))
          .isInstanceOfSatisfying(HoneyHiveApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(422);
            assertThat(e.errorCode()).isEqualTo("execution_error");
          });
      assertThatThrownBy(() -> ServerMetric.python("x", "y").returnType("integer"))
          .hasMessage("returnType must be float, boolean, string or categorical, but was 'integer'");
    }
    assertThat(server.validationErrors()).isEmpty();
  }
}
