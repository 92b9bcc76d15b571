package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.RecordedExchange;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One deliberately broken request per area of the metric, chart, queue and configuration routes, built by hand: the
 * validator catches each, the server answers 400 naming the field, and nothing is stored.
 */
class MetricsAreaBrokenRequestTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE =
      HoneyHiveTestServerExtension.builder().failOnValidationErrors(false).build();

  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void closeHttpClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void aMetricTypeOutsideTheEnumIsRejected(HoneyHiveTestServer server) throws IOException {
    String answer = post(server, "/v1/metrics", "{\"name\":\"m\",\"type\":\"SQL\",\"criteria\":\"select 1\"}");

    assertThat(answer).contains("type: Instance value (\\\"SQL\\\") not found in enum");
    assertCaught(server, "createMetric", "[validation.request.body.schema.enum]", "type");
    assertThat(get(server, "/v1/metrics")).isEqualTo("{\"metrics\":[]}");
  }

  @Test
  void aHumanMetricCannotBeRun(HoneyHiveTestServer server) throws IOException {
    post(server, "/v1/metrics/run", "{\"metric\":{\"name\":\"m\",\"type\":\"HUMAN\",\"criteria\":\"rate it\"},"
        + "\"event\":{\"outputs\":{}}}");

    assertCaught(server, "runMetric", "[validation.request.body.schema.enum]", "metric.type");
  }

  @Test
  void aChartWithoutItsMetricIsRejected(HoneyHiveTestServer server) throws IOException {
    post(server, "/v1/charts", "{\"name\":\"Relevance\"}");

    assertCaught(server, "createChart", "[validation.request.body.schema.required]", "metric");
    assertThat(get(server, "/v1/charts")).isEqualTo("{\"success\":true,\"data\":[]}");
  }

  @Test
  void aQueueWithoutItsNameIsRejected(HoneyHiveTestServer server) throws IOException {
    post(server, "/v1/queues", "{\"description\":\"no name\"}");

    assertCaught(server, "createQueue", "[validation.request.body.schema.required]", "name");
    assertThat(get(server, "/v1/queues")).isEqualTo("{\"queues\":[]}");
  }

  @Test
  void aConfigurationWithAProjectFieldIsRejected(HoneyHiveTestServer server) throws IOException {
    post(server, "/v1/configurations", "{\"name\":\"c\",\"provider\":\"openai\",\"project\":\"acme\","
        + "\"parameters\":{\"call_type\":\"chat\",\"model\":\"gpt-4o\"}}");

    assertCaught(server, "createConfiguration", "[validation.request.body.schema.additionalProperties]",
        "'project'");
  }

  private String post(HoneyHiveTestServer server, String path, String json) throws IOException {
    Request request = new Request.Builder().url(server.url(path))
        .header("Authorization", "Bearer " + server.apiKey())
        .post(RequestBody.create(json, APPLICATION_JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(400);
      String body = response.body().string();
      assertThat(body).contains("\"errorCode\":\"VALIDATION_ERROR\"");
      return body;
    }
  }

  private String get(HoneyHiveTestServer server, String path) throws IOException {
    Request request = new Request.Builder().url(server.url(path))
        .header("Authorization", "Bearer " + server.apiKey()).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
    }
  }

  private static void assertCaught(HoneyHiveTestServer server, String operationId, String validatorKey,
      String field) {
    RecordedExchange exchange = server.exchanges().get(0);
    assertThat(exchange.operationId()).isEqualTo(operationId);
    assertThat(exchange.status()).isEqualTo(400);
    assertThat(exchange.succeeded()).isFalse();
    assertThat(exchange.requestErrors()).singleElement().asString().contains(validatorKey).contains(field);
    assertThat(exchange.responseErrors()).as("the 400 answer itself conforms to the spec").isEmpty();
    assertThat(server.validationErrors()).hasSize(1);
    ContractCoverage.recordBrokenRequestCaught();
  }
}
