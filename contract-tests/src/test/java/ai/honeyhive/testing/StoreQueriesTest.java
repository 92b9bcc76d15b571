package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a test can ask the server about the events it stored. */
class StoreQueriesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String EVENT_ID = "e3d02cd5-e18a-476c-9212-ac9f6e9c378f";
  private static final String SESSION_ID = "9bf47942-7e51-4e22-ac5a-16533163f6f5";

  @RegisterExtension
  final RawServer raw = RawServer.start(server -> server.clock(Clock.fixed(NOW, ZoneOffset.UTC)).projectId("p-7"));
  private final HoneyHiveTestServer server = raw.server();
  private final Http http = raw.http();

  @Test
  void aSecondDeliveryOfAnEventIdIsCountedAndDoesNotChangeTheStoredEvent() {
    http.post("/v1/events", Map.of("event_id", EVENT_ID, "event_type", "tool", "event_name", "first",
        "inputs", Map.of()));
    Http.Answer again = http.post("/v1/events", Map.of("event_id", EVENT_ID, "event_type", "tool",
        "event_name", "second", "inputs", Map.of()));

    assertThat(again.status()).isEqualTo(200);
    assertThat(server.events()).extracting(StoredEvent::eventName).containsExactly("first");
    assertThat(server.deliveryCount(EVENT_ID)).isEqualTo(2);
    assertThat(server.duplicateDeliveries()).isEqualTo(Map.of(EVENT_ID, 2));
    assertThat(server.deliveryCount(UUID.randomUUID().toString())).isZero();
  }

  @Test
  void eventsAreFoundBySessionAndByType() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      server.flushBeforeQueries(hh);
      Session first = hh.session("first").start();
      first.tool("search").log();
      first.model("gpt-4o").log();
      Session second = hh.session("second").start();
      second.model("gpt-4o-mini").log();

      assertThat(server.eventsInSession(first.sessionId())).extracting(StoredEvent::eventName)
          .containsExactly("first", "search", "gpt-4o");
      assertThat(server.eventsOfType("model")).extracting(StoredEvent::eventName)
          .containsExactly("gpt-4o", "gpt-4o-mini");
      assertThat(server.sessionIds()).containsExactly(first.sessionId(), second.sessionId());
      assertThat(server.duplicateDeliveries()).isEmpty();
    }
  }

  @Test
  void theServerFillsInIdsNamesProjectAndTimes() {
    Http.Answer answer = http.post("/v1/events", Map.of("event_type", "tool", "inputs", Map.of("q", 1)));

    StoredEvent stored = server.events().get(0);
    assertThat(answer.body().path("event_id").asText()).isEqualTo(stored.eventId());
    assertThat(UUID.fromString(stored.eventId())).isNotNull();
    assertThat(stored.sessionId()).isNotNull().isNotEqualTo(stored.eventId());
    assertThat(stored.parentId()).isEqualTo(stored.sessionId());
    assertThat(stored.eventName()).isEqualTo("unknown");
    assertThat(stored.source()).isEqualTo("unknown");
    assertThat(stored.projectId()).isEqualTo("p-7");
    assertThat(stored.startTime()).isEqualTo(NOW.toEpochMilli());
    assertThat(stored.endTime()).isEqualTo(NOW.toEpochMilli());
    assertThat(stored.durationMillis()).isEqualTo(0.0);
    assertThat(stored.inputs()).isEqualTo(Map.of("q", 1));
  }

  @Test
  void getEventAnswersTheStoredEventInWireForm() {
    http.post("/v1/events", Map.of("event_id", EVENT_ID, "event_type", "tool", "inputs", Map.of(),
        "metadata", Map.of("tokens", 42, "cost", 0.5)));

    Http.Answer answer = http.get("/v1/events/" + EVENT_ID);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(Http.JSON.convertValue(answer.body().path("event"), new TypeReference<Map<String, Object>>() {}))
        .isEqualTo(server.event(EVENT_ID).orElseThrow().toMap());
    assertThat(server.event(EVENT_ID).orElseThrow().metadata()).isEqualTo(Map.of("tokens", 42, "cost", 0.5));
  }

  @Test
  void startingASessionAgainMergesMetadataAndUserPropertiesAndCountsTheDelivery() {
    http.post("/v1/sessions", Map.of("session_id", SESSION_ID, "session_name", "chat",
        "metadata", Map.of("a", 1), "user_properties", Map.of("plan", "free")));
    Http.Answer again = http.post("/v1/sessions", Map.of("session_id", SESSION_ID, "session_name", "renamed",
        "metadata", Map.of("b", 2), "user_properties", Map.of("plan", "pro")));

    assertThat(again.body().path("session_name").asText()).isEqualTo("chat");
    StoredEvent session = server.event(SESSION_ID).orElseThrow();
    assertThat(session.isSession()).isTrue();
    assertThat(session.eventName()).isEqualTo("chat");
    assertThat(session.parentId()).isNull();
    assertThat(session.metadata()).isEqualTo(Map.of("a", 1, "b", 2));
    assertThat(session.userProperties()).isEqualTo(Map.of("plan", "pro"));
    assertThat(server.deliveryCount(SESSION_ID)).isEqualTo(2);
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void aSessionStartedWithoutAnIdGetsOne() {
    Http.Answer answer = http.post("/v1/sessions", Map.of());

    String id = answer.body().path("session_id").asText();
    assertThat(answer.body().path("event_id").asText()).isEqualTo(id);
    assertThat(server.event(id).orElseThrow().eventName()).isEqualTo("unknown");
    assertThat(server.validationErrors()).isEmpty();
  }
}
