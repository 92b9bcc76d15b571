package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.RecordedExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Experiment requests that break the contract on purpose are caught: by the spec's validator (a run path that is not
 * a UUID, a status or aggregate function outside its enum, a page size over 100), or by the route when a value the
 * spec types as text cannot be read ({@code filters}). Each answer is 400 naming the field, and nothing is stored.
 */
class ExperimentsBrokenRequestContractTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE =
      HoneyHiveTestServerExtension.builder().failOnValidationErrors(false).build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = "3f0b8c1e-6a0d-4c55-9d47-1d6f2c9a7e21";

  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void closeHttpClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void aRunPathThatIsNotAUuidIsRejectedNamingTheParameter(HoneyHiveTestServer server) throws IOException {
    JsonNode answer = send(server, "GET", "/v1/runs/ci-1234", null);

    assertThat(answer.path("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.path("message").asText()).contains("run_id");
    assertCaught(server, "getRun", "validation.request.parameter.schema.format.uuid", "run_id");
  }

  @Test
  void aRunStatusOutsideTheEnumIsRejectedAndNoRunIsCreated(HoneyHiveTestServer server) throws IOException {
    JsonNode answer = send(server, "POST", "/v1/runs", "{\"name\":\"x\",\"status\":\"done\"}");

    assertThat(answer.path("message").asText()).startsWith("status: Instance value (\"done\") not found in enum");
    assertCaught(server, "createRun", "validation.request.body.schema.enum", "status");
    JsonNode runs = send(server, "GET", "/v1/runs", null);
    assertThat(runs.path("evaluations")).as("nothing stored").isEmpty();
  }

  @Test
  void aPageSizeOverOneHundredIsRejected(HoneyHiveTestServer server) throws IOException {
    JsonNode answer = send(server, "GET", "/v1/runs?limit=101", null);

    assertThat(answer.path("message").asText()).contains("limit");
    assertCaught(server, "getRuns", "validation.request.parameter.schema.maximum", "limit");
  }

  @Test
  void anUnknownAggregateFunctionIsRejected(HoneyHiveTestServer server) throws IOException {
    send(server, "POST", "/v1/runs", "{\"run_id\":\"" + RUN + "\"}");

    JsonNode answer = send(server, "GET", "/v1/runs/" + RUN + "/summary?aggregate_function=mean", null);

    assertThat(answer.path("message").asText()).contains("aggregate_function");
    assertCaught(server, "getExperimentSummary", "validation.request.parameter.schema.enum", "aggregate_function");
  }

  @Test
  void filtersThatAreNotJsonAreRejectedByTheRouteNamingThem(HoneyHiveTestServer server) throws IOException {
    send(server, "POST", "/v1/runs", "{\"run_id\":\"" + RUN + "\"}");

    JsonNode answer = send(server, "GET", "/v1/runs/" + RUN + "/summary?filters=accuracy%3E1", null);

    assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
    assertThat(answer.path("message").asText())
        .isEqualTo("filters: must be the JSON of an array of {field, operator, value}, was 'accuracy>1'");
    assertThat(server.validationErrors()).as("valid by the spec: a string").isEmpty();
    ContractCoverage.recordBrokenRequestCaught();
  }

  private JsonNode send(HoneyHiveTestServer server, String method, String path, String json) throws IOException {
    Request request = new Request.Builder()
        .url(server.url("/").resolve(path))
        .header("Authorization", "Bearer " + server.apiKey())
        .method(method, json == null ? null : RequestBody.create(json, MediaType.get("application/json")))
        .build();
    try (Response response = http.newCall(request).execute()) {
      return JSON.readTree(response.body().string());
    }
  }

  private static void assertCaught(HoneyHiveTestServer server, String operationId, String validatorKey,
      String field) {
    RecordedExchange exchange = server.exchanges().stream().filter(e -> e.status() == 400).findFirst()
        .orElseThrow();
    assertThat(exchange.operationId()).isEqualTo(operationId);
    assertThat(exchange.succeeded()).isFalse();
    assertThat(exchange.requestErrors()).singleElement().asString()
        .contains("[" + validatorKey + "]").contains(field);
    assertThat(exchange.responseErrors()).as("the 400 answer itself conforms to the spec").isEmpty();
    assertThat(server.validationErrors()).hasSize(1);
    ContractCoverage.recordBrokenRequestCaught();
  }
}
