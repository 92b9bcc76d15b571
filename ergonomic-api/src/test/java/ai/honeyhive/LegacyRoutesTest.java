package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deprecated route family ({@code RouteFamily.LEGACY}): writes go to the unprefixed routes with wrapped bodies,
 * reads stay on {@code /v1}. Every request is checked against the OpenAPI document, and so are the current routes'.
 */
class LegacyRoutesTest {
  private static final String SESSION_ID = "9bf47942-7e51-4e22-ac5a-16533163f6f5";
  private static final String EVENT_ID = "e3d02cd5-e18a-476c-9212-ac9f6e9c378f";

  /**
   * OpenAPI semantics: an object schema without {@code additionalProperties} is open. The validator's default treats
   * it as closed, which would reject the lenient legacy bodies and the {@code allOf} of {@code LegacyModelEvent}.
   * Explicit {@code additionalProperties: false} (the strict {@code /v1} bodies) is still enforced, under
   * {@code validation.request.body.schema.additionalProperties}.
   */
  private static final OpenApiInteractionValidator SPEC =
      OpenApiInteractionValidator.createForInlineApiSpecification(specFromClasspath())
          .withLevelResolver(LevelResolver.create()
              .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
              .build())
          .build();

  private final MockHoneyHive mock = new MockHoneyHive();
  private final HoneyHive hh = mock.clientBuilder().routeFamily(RouteFamily.LEGACY).build();

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Where each write goes and how its body is wrapped

  @Test
  void aSessionStartGoesToSessionStartWrappedInSession() {
    mock.enqueueJson(200, "{\"session_id\":\"" + SESSION_ID + "\"}");

    Session session = hh.session("support-chat").sessionId(SESSION_ID).source("production")
        .userProperties(Map.of("user_id", "u-42")).start();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/session/start");
    Map<String, Object> body = MockHoneyHive.body(request);
    assertThat(body).containsOnlyKeys("session");
    assertThat(object(body, "session"))
        .containsEntry("session_id", session.sessionId())
        .containsEntry("session_name", "support-chat")
        .containsEntry("source", "production")
        .containsEntry("user_properties", Map.of("user_id", "u-42"));
    assertConformsToSpec(request);
  }

  @Test
  void aToolEventGoesToEventsWrappedInEvent() {
    mock.enqueueJson(200, "{\"event_id\":\"" + EVENT_ID + "\",\"success\":true}");

    String eventId = hh.attachSession(SESSION_ID).tool("vector-search")
        .inputs(Map.of("query", "How do I reset my API key?"))
        .outputs(Map.of("documents", List.of("kb-1042")))
        .log();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/events");
    Map<String, Object> body = MockHoneyHive.body(request);
    assertThat(body).containsOnlyKeys("event");
    assertThat(object(body, "event"))
        .containsEntry("event_id", eventId)
        .containsEntry("session_id", SESSION_ID)
        .containsEntry("parent_id", SESSION_ID)
        .containsEntry("event_type", "tool")
        .containsEntry("event_name", "vector-search")
        .containsEntry("inputs", Map.of("query", "How do I reset my API key?"));
    assertConformsToSpec(request);
  }

  @Test
  void aChainSpanGoesToEventsWrappedInEvent() {
    mock.enqueueOk(2);

    try (Span chain = hh.attachSession(SESSION_ID).chain("answer").start()) {
      chain.tool("vector-search").log();
    }

    RecordedRequest tool = mock.takeRequest();
    RecordedRequest chain = mock.takeRequest();
    assertThat(tool.getUrl().encodedPath()).isEqualTo("/events");
    assertThat(chain.getUrl().encodedPath()).isEqualTo("/events");
    assertThat(object(MockHoneyHive.body(chain), "event")).containsEntry("event_type", "chain");
    assertConformsToSpec(tool);
    assertConformsToSpec(chain);
  }

  @Test
  void aModelEventGoesToEventsModelWrappedInModelEventWithTheModelName() {
    mock.enqueueJson(200, "{\"event_id\":\"" + EVENT_ID + "\",\"success\":true}");

    String eventId = hh.attachSession(SESSION_ID).model("gpt-4o")
        .provider("openai")
        .message("user", "How do I reset my API key?")
        .completion("Open Settings > API Keys.")
        .usage(412, 38)
        .log();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/events/model");
    Map<String, Object> body = MockHoneyHive.body(request);
    assertThat(body).containsOnlyKeys("model_event");
    Map<String, Object> modelEvent = object(body, "model_event");
    assertThat(modelEvent)
        .containsEntry("event_id", eventId)
        .containsEntry("session_id", SESSION_ID)
        .containsEntry("event_type", "model")
        .containsEntry("model_name", "gpt-4o");
    assertThat(object(modelEvent, "config")).containsEntry("model", "gpt-4o").containsEntry("provider", "openai");
    assertThat(object(modelEvent, "outputs")).containsEntry("content", "Open Settings > API Keys.");
    assertConformsToSpec(request);
  }

  @Test
  void aSessionUpdateGoesToPutEventsWithTheSessionIdAsEventId() {
    mock.enqueueOk();

    hh.attachSession(SESSION_ID).feedback(Map.of("rating", 5));

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/events");
    assertThat(MockHoneyHive.body(request))
        .containsEntry("event_id", SESSION_ID)
        .containsEntry("feedback", Map.of("rating", 5));
    assertConformsToSpec(request);
  }

  @Test
  void aSessionEndGoesToPutEventsWithTheSessionIdAsEventId() {
    mock.enqueueOk(3);
    Session session = hh.session("support-chat").start();
    String toolId = session.tool("vector-search").log();
    mock.takeRequest();
    mock.takeRequest();

    session.end();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/events");
    Map<String, Object> body = MockHoneyHive.body(request);
    assertThat(body).containsEntry("event_id", session.sessionId()).containsKey("end_time")
        .containsEntry("children_ids", List.of(toolId));
    assertConformsToSpec(request);
  }

  @Test
  void anEventUpdateGoesToPutEventsWithItsIdInTheBody() {
    mock.enqueueOk();

    hh.updateEvent(EVENT_ID).metadata(Map.of("reviewed", true)).send();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getRequestLine()).startsWith("PUT /events ");
    assertThat(MockHoneyHive.body(request))
        .containsEntry("event_id", EVENT_ID)
        .containsEntry("metadata", Map.of("reviewed", true));
    assertConformsToSpec(request);
  }

  @Test
  void readsStillUseTheCurrentRoute() {
    mock.enqueueJson(200, "{\"event\":{\"event_id\":\"" + EVENT_ID + "\",\"session_id\":\"" + SESSION_ID + "\","
        + "\"event_type\":\"tool\",\"event_name\":\"vector-search\",\"inputs\":{}}}");

    Event event = hh.getEvent(EVENT_ID);

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getRequestLine()).startsWith("GET /v1/events/" + EVENT_ID + " ");
    assertThat(event.eventId()).isEqualTo(EVENT_ID);
    assertConformsToSpec(request);
  }

  @Test
  void legacyWritesCarryAuthAndIdentityHeaders() {
    mock.enqueueOk();

    hh.session("support-chat").start();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHoneyHive.API_KEY);
    assertThat(request.getHeaders().get("hh-client-language")).isEqualTo("java");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The current family, validated the same way

  @Test
  void theCurrentRoutesRequestsConformToTheSpecToo() {
    HoneyHive current = mock.clientBuilder().build();
    mock.enqueueOk(5);

    Session session = current.session("support-chat").userProperties(Map.of("user_id", "u-42")).start();
    session.model("gpt-4o").message("user", "How do I reset my API key?").completion("Rotate it.")
        .usage(412, 38).log();
    session.tool("vector-search").inputs(Map.of("query", "reset api key")).log();
    session.feedback(Map.of("rating", 5));
    session.end();

    List<String> expected = List.of("POST /v1/sessions", "POST /v1/events", "POST /v1/events",
        "PUT /v1/events/" + session.sessionId(), "PUT /v1/events/" + session.sessionId());
    for (String line : expected) {
      RecordedRequest request = mock.takeRequest();
      assertThat(request.getMethod() + " " + request.getUrl().encodedPath()).isEqualTo(line);
      assertConformsToSpec(request);
    }
    current.close();
  }

  @Test
  void theSpecCheckRejectsRequestsThatDoNotConform() {
    // Guards the checks above against passing vacuously: an unknown field on a strict /v1 body, a legacy event
    // without its required event_type, and a legacy update without event_id are all reported.
    SimpleRequest strictWithProject = new SimpleRequest.Builder("POST", "/v1/events")
        .withContentType("application/json").withAuthorization("Bearer k")
        .withBody("{\"event_type\":\"tool\",\"inputs\":{},\"project\":\"acme\"}").build();
    SimpleRequest legacyWithoutType = new SimpleRequest.Builder("POST", "/events")
        .withContentType("application/json").withAuthorization("Bearer k")
        .withBody("{\"event\":{\"inputs\":{}}}").build();
    SimpleRequest legacyUpdateWithoutId = new SimpleRequest.Builder("PUT", "/events")
        .withContentType("application/json").withAuthorization("Bearer k")
        .withBody("{\"metadata\":{\"a\":1}}").build();

    assertThat(SPEC.validateRequest(strictWithProject).hasErrors()).isTrue();
    assertThat(SPEC.validateRequest(legacyWithoutType).hasErrors()).isTrue();
    assertThat(SPEC.validateRequest(legacyUpdateWithoutId).hasErrors()).isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static void assertConformsToSpec(RecordedRequest recorded) {
    ValidationReport report = SPEC.validateRequest(toSimpleRequest(recorded));
    assertThat(report.hasErrors())
        .as("%s conforms to the spec; validation report:%n%s%nbody: %s", recorded.getRequestLine(),
            SimpleValidationReportFormat.getInstance().apply(report),
            recorded.getBody() == null ? "(none)" : recorded.getBody().utf8())
        .isFalse();
  }

  private static SimpleRequest toSimpleRequest(RecordedRequest recorded) {
    HttpUrl url = recorded.getUrl();
    SimpleRequest.Builder request = new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      request.withQueryParam(name, url.queryParameterValues(name));
    }
    for (String name : recorded.getHeaders().names()) {
      request.withHeader(name, recorded.getHeaders().values(name));
    }
    ByteString body = recorded.getBody();
    if (body != null && body.size() > 0) {
      request.withBody(body.toByteArray());
    }
    return request.build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> json, String key) {
    Object value = json.get(key);
    assertThat(value).as("%s is a JSON object", key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static String specFromClasspath() {
    try (InputStream in = LegacyRoutesTest.class.getResourceAsStream("/honeyhive-openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("/honeyhive-openapi.yaml is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
