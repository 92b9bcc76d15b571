package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests the real API would refuse are refused the same way, in the API's error shape, and recorded. */
class ErrorAnswersTest {
  private static final Map<String, Object> VALID_EVENT = Map.of("event_type", "tool", "inputs", Map.of());

  // Its requests are invalid on purpose.
  @RegisterExtension
  final RawServer raw = RawServer.start().acceptingInvalidRequests();
  private final HoneyHiveTestServer server = raw.server();
  private final Http http = raw.http();

  @Test
  void aMissingBearerTokenIsUnauthorizedAndAViolation() {
    Http.Answer answer = http.send("POST", "/v1/events", VALID_EVENT, null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().toString())
        .isEqualTo("{\"statusCode\":401,\"message\":\"Invalid or missing API key\",\"success\":false,"
            + "\"errorCode\":\"UNAUTHORIZED\"}");
    assertThat(server.validationErrors()).singleElement().asString()
        .contains("POST /v1/events (createEvent) -> 401").contains("validation.request.security.missing");
    assertThat(server.events()).isEmpty();
  }

  @Test
  void aBlankOrNonBearerTokenIsUnauthorized() {
    assertThat(http.send("POST", "/v1/events", VALID_EVENT, "Bearer ").status()).isEqualTo(401);
    assertThat(http.send("POST", "/v1/events", VALID_EVENT, "Basic dXNlcjpwYXNz").status()).isEqualTo(401);
  }

  @Test
  void aKeyOtherThanTheRequiredOneIsUnauthorizedWithoutBeingAViolation() {
    try (HoneyHiveTestServer strict = HoneyHiveTestServer.builder().apiKey("hh-right").start();
        Http strictHttp = new Http(strict)) {
      assertThat(strictHttp.send("POST", "/v1/events", VALID_EVENT, "Bearer hh-wrong").status()).isEqualTo(401);
      assertThat(strictHttp.post("/v1/events", VALID_EVENT).status()).isEqualTo(200);
      assertThat(strict.validationErrors()).isEmpty();
    }
  }

  @Test
  void malformedJsonIsABadRequest() {
    Http.Answer answer = http.post("/v1/events", "{\"event_type\": ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.message()).startsWith("body: Unable to parse JSON");
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    Http.Answer answer = http.post("/v1/events", Map.of("event_type", "tool"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("body: Object has missing required properties ([\"inputs\"])");
  }

  @Test
  void everyViolationOfARequestIsNamedInTheMessage() {
    Http.Answer answer = http.post("/v1/events", Map.of("event_type", "tool", "inputs", Map.of(),
        "start_time", "yesterday", "children_ids", java.util.List.of(42)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("start_time: ").contains("children_ids[0]: ");
    assertThat(server.exchanges().get(0).requestErrors()).hasSize(2);
  }

  @Test
  void aPathParameterThatIsNotAUuidIsABadRequestNamingTheParameter() {
    Http.Answer answer = http.get("/v1/events/not-a-uuid");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo("path parameter event_id: Input string \"not-a-uuid\" is not a valid UUID");
  }

  @Test
  void aPathOfNoOperationIsNotFound() {
    Http.Answer answer = http.post("/v2/events", VALID_EVENT);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().path("errorCode").asText()).isEqualTo("NOT_FOUND");
    RecordedExchange exchange = server.exchanges().get(0);
    assertThat(exchange.operationId()).isNull();
    assertThat(exchange.requestErrors()).singleElement().asString().contains("validation.request.path.missing");
  }

  @Test
  void aKnownPathWithAnotherMethodIsNotAllowed() {
    Http.Answer answer = http.send("DELETE", "/v1/events", null, "Bearer k");

    assertThat(answer.status()).isEqualTo(405);
    assertThat(server.exchanges().get(0).requestErrors()).singleElement().asString()
        .contains("validation.request.operation.notAllowed");
  }

  @Test
  void theLenientLegacyRoutesAcceptUnknownFieldsAndDropThem() {
    Http.Answer answer = http.post("/events", Map.of("event",
        Map.of("project", "acme", "event_type", "tool", "inputs", Map.of(), "shiny_new_field", 1)));

    assertThat(answer.status()).isEqualTo(200);
    StoredEvent stored = server.events().get(0);
    assertThat(stored.toMap()).doesNotContainKeys("project", "shiny_new_field");
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void errorAnswersConformToTheSpecToo() {
    http.send("POST", "/v1/events", VALID_EVENT, null);
    http.post("/v1/events", Map.of("event_type", "banana", "inputs", Map.of()));
    http.get("/v1/events/0d9c3a3e-5a43-4b9e-9f60-2b0fd1c7a001");

    assertThat(server.exchanges()).extracting(RecordedExchange::status).containsExactly(401, 400, 404);
    assertThat(server.exchanges()).allSatisfy(exchange -> assertThat(exchange.responseErrors()).isEmpty());
  }
}
