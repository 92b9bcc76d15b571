package ai.honeyhive.client;

import static ai.honeyhive.client.ContractValidator.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.SearchEventsRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.squareup.moshi.JsonDataException;
import java.util.function.Consumer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;

/**
 * The contract checks can fail: requests and responses that break the spec are reported, with the message key of the
 * broken rule and the offending field. The bodies are the spec's examples with one thing changed, sent raw through
 * OkHttp so that the generated models cannot smooth anything over.
 */
class ContractViolationsTest {
  private static final MediaType JSON = MediaType.get("application/json");

  /** Sends the spec's request example of {@code operationId}, changed by {@code change}, and returns what arrived. */
  private static RecordedRequest sendChangedExample(String operationId, Consumer<ObjectNode> change) {
    SpecOperation operation = Spec.operation(operationId);
    ObjectNode body = (ObjectNode) operation.requestExample().orElseThrow().deepCopy();
    change.accept(body);
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, operation.okResponseExample().map(JsonNode::toString).orElse(""));
      server.send(new Request.Builder()
          .url(server.url(operation.examplePath()))
          .method(operation.method(), RequestBody.create(body.toString(), JSON))
          .build());
      return server.takeRequest();
    }
  }

  private static ListAssert<ValidationReport.Message> assertThatMessages(ValidationReport report) {
    return assertThat(report.getMessages()).as("validation report:%n%s", ContractValidator.format(report));
  }

  private static Consumer<ValidationReport.Message> error(String key, String... mentions) {
    return message -> {
      assertThat(message.getLevel()).isEqualTo(ValidationReport.Level.ERROR);
      assertThat(message.getKey()).isEqualTo(key);
      assertThat(message.getMessage()).contains(mentions);
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Requests on the strict /v1 routes

  @Test
  void eventWithAnUnknownEventTypeIsRejectedNamingTheFieldAndValue() {
    RecordedRequest request = sendChangedExample("createEvent", event -> event.put("event_type", "banana"));

    assertThatMessages(ContractValidator.validateRequest(request))
        .anySatisfy(error("validation.request.body.schema.enum", "/event_type", "\"banana\""));
  }

  @Test
  void eventWithoutInputsIsRejectedNamingTheMissingField() {
    RecordedRequest request = sendChangedExample("createEvent", event -> event.remove("inputs"));

    assertThatMessages(ContractValidator.validateRequest(request))
        .anySatisfy(error("validation.request.body.schema.required", "\"inputs\""));
  }

  @Test
  void eventWithAProjectFieldIsRejectedOnTheStrictRoute() {
    RecordedRequest request = sendChangedExample("createEvent", event -> event.put("project", "acme-support-bot"));

    assertThatMessages(ContractValidator.validateRequest(request))
        .anySatisfy(error("validation.request.body.schema.additionalProperties", "\"project\""));
  }

  @Test
  void batchWithTheLegacyIsSingleSessionFieldIsRejectedOnTheStrictRoute() {
    RecordedRequest request = sendChangedExample("createEventBatch", batch -> batch.put("is_single_session", true));

    assertThatMessages(ContractValidator.validateRequest(request))
        .anySatisfy(error("validation.request.body.schema.additionalProperties", "\"is_single_session\""));
  }

  @Test
  void requestWithoutABearerKeyIsRejected() {
    SpecOperation operation = Spec.operation("getEvent");
    RecordedRequest request;
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, operation.okResponseExample().orElseThrow().toString());
      server.sendWithoutApiKey(new Request.Builder().url(server.url(operation.examplePath())).build());
      request = server.takeRequest();
    }

    assertThatMessages(ContractValidator.validateRequest(request))
        .anySatisfy(error(ContractValidator.SECURITY_MISSING, "GET", operation.examplePath()));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The legacy routes stay lenient (control: the checks above are not simply rejecting everything)

  @Test
  void legacyEventWithProjectAndAnUnknownFieldIsAccepted() {
    RecordedRequest request = sendChangedExample("createEventLegacy", body -> ((ObjectNode) body.get("event"))
        .put("project", "acme-support-bot")
        .put("added_by_an_older_sdk", "x"));

    assertConforms(ContractValidator.validateRequest(request), "lenient legacy request");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Responses

  @Test
  void sessionAnswerWithoutOrgIdIsReportedByTheValidator() {
    ObjectNode answer = (ObjectNode) Spec.operation("createSession").okResponseExample().orElseThrow().deepCopy();
    answer.remove("org_id");

    assertThatMessages(ContractValidator.validateResponse(Spec.operation("createSession"), 200, answer.toString()))
        .anySatisfy(error("validation.response.body.schema.required", "\"org_id\""));
  }

  @Test
  void searchAnswerWithoutCountIsReportedByTheValidator() {
    assertThatMessages(ContractValidator.validateResponse(Spec.operation("searchEvents"), 200, "{\"events\":[]}"))
        .anySatisfy(error("validation.response.body.schema.required", "\"count\""));
  }

  @Test
  void searchAnswerWithATimeSentAsAStringIsReportedByTheValidator() {
    String answer = "{\"events\":[{\"event_id\":\"e-1\",\"start_time\":\"1732176000000\"}],\"count\":1}";

    assertThatMessages(ContractValidator.validateResponse(Spec.operation("searchEvents"), 200, answer))
        .anySatisfy(error("validation.response.body.schema.type", "/events/0/start_time", "string"));
  }

  @Test
  void searchAnswerWithATimeSentAsAStringFailsTheClientCallNamingThePath() {
    SpecOperation operation = Spec.operation("searchEvents");
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, "{\"events\":[{\"event_id\":\"e-1\",\"start_time\":\"1732176000000\"}],\"count\":1}");

      assertThatThrownBy(() -> server.apis().events().searchEvents(operation.requestBody(SearchEventsRequest.class))
          .execute())
          .isInstanceOf(JsonDataException.class)
          .hasMessageContaining("Expected a number but was STRING")
          .hasMessageContaining("$.events[0].start_time");
    }
  }

  @Test
  void eventWithATimeSentAsAStringIsRejectedNamingTheField() {
    RecordedRequest request = sendChangedExample("createEvent", event -> event.put("start_time", "1732176000000"));

    assertThatMessages(ContractValidator.validateRequest(request))
        .anySatisfy(error("validation.request.body.schema.type", "/start_time", "string"));
  }

  // Control: what the previous contract refused and HoneyHive's allows is no violation.

  @Test
  void searchAnswerWithIdsThatAreNotUuidsAndFractionalNumbersConforms() {
    String answer = "{\"events\":[{\"event_id\":\"otel-4bf92f3577b34da6\",\"session_id\":\"sess 1\","
        + "\"children_ids\":[\"otel-00f067aa0ba902b7\"],\"start_time\":1796522827968.0,\"duration\":15055534.97}],"
        + "\"count\":1.0}";

    assertConforms(ContractValidator.validateResponse(Spec.operation("searchEvents"), 200, answer),
        "search answer with OpenTelemetry ids and fractional numbers");
  }
}
