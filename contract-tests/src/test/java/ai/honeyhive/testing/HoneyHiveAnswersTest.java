package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test server stores and answers as HoneyHive does with what HoneyHive's own clients send: the answers its
 * Python SDK relies on, float times, ids that are not UUIDs, and the legacy model route's flat fields.
 */
class HoneyHiveAnswersTest {
  private static final String SESSION_ID = "9bf47942-7e51-4e22-ac5a-16533163f6f5";

  @RegisterExtension
  final RawServer raw = RawServer.start();
  private final HoneyHiveTestServer server = raw.server();
  private final Http http = raw.http();

  @Test
  void bothSessionStartsAnswerTheWholeSessionEventWithItsOrganisationWorkspaceAndProject() {
    Http.Answer current = http.post("/v1/sessions", Map.of("session_id", SESSION_ID, "session_name", "py",
        "start_time", 1796522827968.0));
    Http.Answer legacy = http.post("/session/start", Map.of("session", Map.of("session_name", "old")));

    for (Http.Answer answer : List.of(current, legacy)) {
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body().path("org_id").asText()).isEqualTo("hh-test-org");
      assertThat(answer.body().path("workspace_id").asText()).isEqualTo("hh-test-workspace");
      assertThat(answer.body().path("project_id").asText()).isEqualTo("hh-test-project");
      assertThat(answer.body().path("event_type").asText()).isEqualTo("session");
      assertThat(answer.body().path("event_id").asText()).isEqualTo(answer.body().path("session_id").asText());
    }
    assertThat(current.body().path("session_id").asText()).isEqualTo(SESSION_ID);
    assertThat(current.body().path("start_time").asDouble()).isEqualTo(1796522827968.0);
  }

  @Test
  void aSessionIdThatIsNotAUuidIsReplacedOnSessionStartAsHoneyHiveDoes() {
    Http.Answer answer = http.post("/v1/sessions", Map.of("session_id", "my-session", "session_name", "py"));

    String id = answer.body().path("session_id").asText();
    assertThat(id).isNotEqualTo("my-session").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(server.sessionIds()).containsExactly(id);
  }

  @Test
  void eventsKeepIdsThatAreNotUuidsAndFloatTimesAsSent() {
    http.post("/v1/events", Map.of("event_id", "otel-4bf92f35", "session_id", "sess-1", "event_type", "tool",
        "inputs", Map.of(), "start_time", 1796522827968.5, "end_time", 1796522828001.0));

    StoredEvent event = server.event("otel-4bf92f35").orElseThrow();
    assertThat(event.sessionId()).isEqualTo("sess-1");
    assertThat(event.toMap()).containsEntry("start_time", 1796522827968.5).containsEntry("end_time", 1796522828001.0);
    assertThat(event.durationMillis()).isEqualTo(32.5);
  }

  @Test
  void updatesAnswerJsonAsHoneyHivesServiceDoes() {
    http.post("/v1/events", Map.of("event_id", SESSION_ID, "event_type", "tool", "inputs", Map.of()));

    Http.Answer current = http.put("/v1/events/" + SESSION_ID, Map.of("metadata", Map.of("a", 1)));
    Http.Answer legacy = http.put("/events", Map.of("event_id", SESSION_ID, "metadata", Map.of("b", 2)));

    assertThat(current.text()).isEqualTo("{\"success\":true}");
    assertThat(legacy.text()).isEqualTo("{\"success\":true}");
  }

  @Test
  void theLegacyModelRouteMovesTheFlatFieldsUnderInputsOutputsAndConfigAndSetsTheType() {
    Http.Answer answer = http.post("/events/model", Map.of("model_event", Map.of(
        "event_id", SESSION_ID, "model", "gpt-4o", "provider", "openai",
        "messages", List.of(Map.of("role", "user", "content", "hi")),
        "response", Map.of("role", "assistant", "content", "hello"),
        "usage", Map.of("prompt_tokens", 3), "cost", 0.0001, "hyperparameters", Map.of("temperature", 0.2),
        "duration", 12.5, "inputs", Map.of("provider", "set in inputs wins"))));

    assertThat(answer.status()).isEqualTo(200);
    StoredEvent event = server.event(SESSION_ID).orElseThrow();
    assertThat(event.eventType()).isEqualTo("model");
    assertThat(event.eventName()).isEqualTo("gpt-4o");
    assertThat(event.config()).containsEntry("model", "gpt-4o");
    assertThat(event.inputs()).containsEntry("messages", List.of(Map.of("role", "user", "content", "hi")))
        .containsEntry("provider", "set in inputs wins").containsEntry("usage", Map.of("prompt_tokens", 3))
        .containsEntry("cost", 0.0001).containsEntry("hyperparameters", Map.of("temperature", 0.2))
        .containsEntry("duration", 12.5);
    assertThat(event.outputs()).containsEntry("response", Map.of("role", "assistant", "content", "hello"));
    assertThat(event.toMap()).doesNotContainKeys("model", "messages", "response", "usage", "project");
  }

  @Test
  void theLegacyTracesRouteTakesEventsOrLogsButNotBothOrNeither() {
    Http.Answer events = http.post("/session/sess-x/traces", Map.of("events",
        List.of(Map.of("event_type", "tool", "event_name", "a", "inputs", Map.of()))));
    Http.Answer logs = http.post("/session/sess-x/traces", Map.of("logs",
        List.of(Map.of("event_type", "tool", "event_name", "b", "inputs", Map.of()))));
    Http.Answer both = http.post("/session/sess-x/traces", Map.of("events", List.of(), "logs", List.of()));
    Http.Answer neither = http.post("/session/sess-x/traces", Map.of());

    assertThat(List.of(events.status(), logs.status(), both.status(), neither.status()))
        .containsExactly(200, 200, 400, 400);
    assertThat(server.eventsInSession("sess-x")).extracting(StoredEvent::eventName).containsExactly("a", "b");
  }
}
