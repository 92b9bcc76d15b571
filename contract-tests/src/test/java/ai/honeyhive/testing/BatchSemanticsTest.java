package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The batch routes' session semantics, current and legacy. */
class BatchSemanticsTest {
  private static final String OWN_SESSION = "9bf47942-7e51-4e22-ac5a-16533163f6f5";
  private static final String PATH_SESSION = "d8f007fa-fc17-4493-bdea-634eff3d294a";

  // A test sends the legacy flag, which the API refuses.
  @RegisterExtension
  final RawServer raw = RawServer.start().acceptingInvalidRequests();
  private final HoneyHiveTestServer server = raw.server();
  private final Http http = raw.http();

  @Test
  void aSingleSessionBatchStartsOneNewSessionThatEveryEventJoins() {
    Http.Answer answer = http.post("/v1/events/batch", Map.of(
        "single_session", true,
        "session_properties", Map.of("session_name", "nightly", "source", "cron", "start_time", 1000,
            "metadata", Map.of("run", 7)),
        "events", List.of(
            Map.of("event_type", "tool", "event_name", "a", "inputs", Map.of(), "session_id", OWN_SESSION),
            Map.of("event_type", "tool", "event_name", "b", "inputs", Map.of()))));

    String session = answer.body().path("session_id").asText();
    assertThat(session).isNotEqualTo(OWN_SESSION);
    assertThat(server.eventsInSession(session)).extracting(StoredEvent::eventName)
        .containsExactly("nightly", "a", "b");
    assertThat(server.eventsInSession(session)).filteredOn(e -> !e.isSession())
        .allSatisfy(event -> assertThat(event.parentId()).isEqualTo(session));
    StoredEvent root = server.event(session).orElseThrow();
    assertThat(root.source()).isEqualTo("cron");
    assertThat(root.startTime()).isEqualTo(1000L);
    assertThat(root.metadata()).isEqualTo(Map.of("run", 7));
    assertThat(answer.body().path("event_ids")).hasSize(2);
  }

  @Test
  void withoutSingleSessionEachEventKeepsItsSessionOrBecomesItsOwn() {
    Http.Answer answer = http.post("/v1/events/batch", Map.of("events", List.of(
        Map.of("event_type", "tool", "event_name", "kept", "inputs", Map.of(), "session_id", OWN_SESSION),
        Map.of("event_type", "tool", "event_name", "alone-1", "inputs", Map.of()),
        Map.of("event_type", "tool", "event_name", "alone-2", "inputs", Map.of()))));

    assertThat(answer.body().has("session_id")).isFalse();
    assertThat(server.eventsInSession(OWN_SESSION)).extracting(StoredEvent::eventName).containsExactly("kept");
    assertThat(server.sessionIds()).hasSize(3);
  }

  @Test
  void thePathsSessionOverridesEachEventsSession() {
    http.post("/v1/sessions/" + PATH_SESSION + "/events/batch", Map.of("events", List.of(
        Map.of("event_type", "tool", "inputs", Map.of(), "session_id", OWN_SESSION),
        Map.of("event_type", "model", "inputs", Map.of()))));

    assertThat(server.eventsInSession(PATH_SESSION)).hasSize(2);
    assertThat(server.eventsInSession(OWN_SESSION)).isEmpty();
  }

  @Test
  void theStrictBatchRejectsTheLegacyFlagButAcceptsAnEmptyBatchAsHoneyHivesSpecDoes() {
    Http.Answer legacyFlag = http.post("/v1/events/batch", Map.of("is_single_session", true,
        "events", List.of(Map.of("event_type", "tool", "inputs", Map.of()))));
    Http.Answer empty = http.post("/v1/events/batch", Map.of("events", List.of()));

    assertThat(legacyFlag.status()).isEqualTo(400);
    assertThat(legacyFlag.message()).isEqualTo("body: unrecognized key 'is_single_session'");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body().path("event_ids").size()).isZero();
    assertThat(server.events()).isEmpty();
  }

  @Test
  void theLegacyBatchGroupsWithIsSingleSession() {
    Http.Answer answer = http.post("/events/batch", Map.of("is_single_session", true,
        "session_properties", Map.of("session_name", "legacy", "anything", "goes"),
        "events", List.of(Map.of("project", "acme", "event_type", "chain", "inputs", Map.of()))));

    String session = answer.body().path("session_id").asText();
    assertThat(server.sessionTree(session).outline()).isEqualTo("session \"legacy\"\n└── chain \"unknown\"\n");
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void legacyModelEventsAreModelEventsNamedByTheirModel() {
    http.post("/events/model", Map.of("model_event", Map.of("event_type", "tool", "model_name", "gpt-4o",
        "inputs", Map.of("messages", List.of()))));
    http.post("/events/model/batch", Map.of("model_events", List.of(
        Map.of("event_type", "model", "model_name", "claude", "event_name", "named", "inputs", Map.of()))));

    assertThat(server.events()).extracting(StoredEvent::eventType).containsExactly("model", "model");
    assertThat(server.events()).extracting(StoredEvent::eventName).containsExactly("gpt-4o", "named");
    assertThat(server.events().get(0).config()).isEqualTo(Map.of("model", "gpt-4o"));
    assertThat(server.events().get(1).config()).isEqualTo(Map.of("model", "claude"));
  }
}
