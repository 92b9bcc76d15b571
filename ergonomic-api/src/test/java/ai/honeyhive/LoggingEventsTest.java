package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoggingEventsTest {
  private final MockHoneyHive mock = new MockHoneyHive();
  private final HoneyHive hh = mock.client();

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  @Test
  void sessionStartPostsTheSessionWithAClientGeneratedId() {
    mock.enqueueOk();
    Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).source("test").start();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/sessions");
    Map<String, Object> body = MockHoneyHive.body(request);
    assertThat(body).containsEntry("session_id", session.sessionId())
        .containsEntry("session_name", "support-chat")
        .containsEntry("source", "test")
        .containsEntry("user_properties", Map.of("user_id", "u-42"))
        .containsKey("start_time")
        .doesNotContainKeys("project", "session");
    assertThat(UUID.fromString(session.sessionId()).version()).isEqualTo(4);
  }

  @Test
  void modelLogSendsACompleteModelEventAndReturnsItsId() {
    mock.enqueueOk(2);
    Session session = hh.session("support-chat").start();
    mock.takeRequest();

    String eventId = session.model("gpt-4o").inputs(Map.of("messages", List.of(Map.of("role", "user",
        "content", "Hello")))).log();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/events");
    assertThat(MockHoneyHive.body(request))
        .containsEntry("event_id", eventId)
        .containsEntry("event_type", "model")
        .containsEntry("event_name", "gpt-4o")
        .containsEntry("session_id", session.sessionId())
        .containsEntry("parent_id", session.sessionId())
        .containsEntry("config", Map.of("model", "gpt-4o"))
        .containsEntry("inputs", Map.of("messages", List.of(Map.of("role", "user", "content", "Hello"))))
        .containsKeys("start_time", "end_time", "duration")
        .doesNotContainKeys("outputs", "error", "children_ids", "project");
  }

  @Test
  void modelHelpersFillTheUsualFieldsBesideTheRawMaps() {
    mock.enqueueOk();
    Session session = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");

    session.model("gpt-4o")
        .provider("openai")
        .temperature(0.2)
        .message("system", "Be brief.")
        .message("user", "Hi")
        .completion("Hello!")
        .usage(35, 23)
        .cost(0.00008)
        .metadata(Map.of("app_version", "1.4.2"))
        .log();

    Map<String, Object> body = MockHoneyHive.body(mock.takeRequest());
    assertThat(body.get("config")).isEqualTo(Map.of("model", "gpt-4o", "provider", "openai", "temperature", 0.2));
    assertThat(body.get("inputs")).isEqualTo(Map.of("messages", List.of(
        Map.of("role", "system", "content", "Be brief."), Map.of("role", "user", "content", "Hi"))));
    assertThat(body.get("outputs")).isEqualTo(Map.of("role", "assistant", "content", "Hello!"));
    assertThat(body.get("metadata")).isEqualTo(Map.of("prompt_tokens", 35, "completion_tokens", 23,
        "total_tokens", 58, "cost", 0.00008, "app_version", "1.4.2"));
  }

  @Test
  void integralNumbersStayIntegralOnTheWire() {
    mock.enqueueOk();
    hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80")
        .tool("lookup").inputs(Map.of("count", 42, "big", 9007199254740993L)).log();

    String json = mock.takeRequest().getBody().utf8();
    assertThat(json).containsPattern("\"count\":42[,}]").containsPattern("\"big\":9007199254740993[,}]");
  }

  @Test
  void sessionEndSendsEndTimeDurationAndTheDirectChildren() {
    mock.enqueueOk(3);
    Session session = hh.session("s").start();
    mock.takeRequest();
    String child = session.tool("t").log();
    mock.takeRequest();

    session.end();

    RecordedRequest end = mock.takeRequest();
    assertThat(end.getMethod()).isEqualTo("PUT");
    assertThat(end.getUrl().encodedPath()).isEqualTo("/v1/events/" + session.sessionId());
    assertThat(MockHoneyHive.body(end)).containsEntry("children_ids", List.of(child))
        .containsKeys("end_time", "duration");
  }

  @Test
  void sessionFeedbackIsMergedWithOneUpdate() {
    mock.enqueueOk();
    Session session = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");

    session.feedback(Map.of("rating", 5));

    RecordedRequest update = mock.takeRequest();
    assertThat(update.getMethod()).isEqualTo("PUT");
    assertThat(update.getUrl().encodedPath()).isEqualTo("/v1/events/6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");
    assertThat(MockHoneyHive.body(update)).isEqualTo(Map.of("feedback", Map.of("rating", 5)));
  }

  @Test
  void explicitTimesAreSentAsEpochMillisWithFractionalDuration() {
    mock.enqueueOk();
    hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t")
        .startTime(java.time.Instant.ofEpochMilli(1_732_176_000_000L))
        .duration(java.time.Duration.ofNanos(1_500_000))
        .log();

    Map<String, Object> body = MockHoneyHive.body(mock.takeRequest());
    assertThat(body).containsEntry("start_time", 1_732_176_000_000L)
        .containsEntry("end_time", 1_732_176_000_001L)
        .containsEntry("duration", 1.5);
  }
}
