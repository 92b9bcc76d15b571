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
 * Requests that break the contract on purpose, built by hand (no client would send them), are caught: the server
 * answers 400 like the real API, naming the offending field, and records what the validator found.
 */
class BrokenRequestContractTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE =
      HoneyHiveTestServerExtension.builder().failOnValidationErrors(false).build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void closeHttpClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void anUnknownProjectFieldOnTheStrictRouteIsRejectedNamingTheField(HoneyHiveTestServer server) throws IOException {
    JsonNode answer = postEvent(server,
        "{\"project\":\"acme\",\"event_type\":\"tool\",\"event_name\":\"search\",\"inputs\":{\"q\":\"x\"}}");

    assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
    assertThat(answer.path("success").asBoolean(true)).isFalse();
    assertThat(answer.path("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.path("message").asText()).isEqualTo("body: unrecognized key 'project'");
    assertCaught(server, "validation.request.body.schema.additionalProperties", "'project'");
  }

  @Test
  void anEventTypeOutsideTheEnumIsRejectedNamingTheField(HoneyHiveTestServer server) throws IOException {
    JsonNode answer = postEvent(server, "{\"event_type\":\"banana\",\"event_name\":\"x\",\"inputs\":{}}");

    assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
    assertThat(answer.path("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.path("message").asText())
        .startsWith("event_type: Instance value (\"banana\") not found in enum");
    assertCaught(server, "validation.request.body.schema.enum", "event_type");
  }

  private JsonNode postEvent(HoneyHiveTestServer server, String json) throws IOException {
    Request request = new Request.Builder()
        .url(server.url("/v1/events"))
        .header("Authorization", "Bearer " + server.apiKey())
        .post(RequestBody.create(json, APPLICATION_JSON))
        .build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      return JSON.readTree(response.body().string());
    }
  }

  private static void assertCaught(HoneyHiveTestServer server, String validatorKey, String field) {
    RecordedExchange exchange = server.exchanges().get(0);
    assertThat(exchange.operationId()).isEqualTo("createEvent");
    assertThat(exchange.status()).isEqualTo(400);
    assertThat(exchange.succeeded()).isFalse();
    assertThat(exchange.requestErrors()).singleElement().asString()
        .contains("[" + validatorKey + "]").contains(field);
    assertThat(exchange.responseErrors()).as("the 400 answer itself conforms to the spec").isEmpty();
    assertThat(server.validationErrors()).hasSize(1);
    assertThat(server.events()).as("nothing stored").isEmpty();
    ContractCoverage.recordBrokenRequestCaught();
  }
}
