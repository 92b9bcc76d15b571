package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PUT /v1/events/{event_id}} and the legacy {@code PUT /events}: merge, replace, 404. */
class UpdateSemanticsTest {
  private static final String SESSION_ID = "9bf47942-7e51-4e22-ac5a-16533163f6f5";
  private static final String EVENT_ID = "e3d02cd5-e18a-476c-9212-ac9f6e9c378f";
  private static final String CHILD_ID = "e68c6ecc-18c4-4d40-8a81-3530767df842";
  private static final String ABSENT_ID = "0d9c3a3e-5a43-4b9e-9f60-2b0fd1c7a001";

  // A test sends outputs the API refuses.
  @RegisterExtension
  final RawServer raw = RawServer.start().acceptingInvalidRequests();
  private final HoneyHiveTestServer server = raw.server();
  private final Http http = raw.http();

  @BeforeEach
  void storeOneEvent() {
    http.post("/v1/events", Map.of("event_id", EVENT_ID, "session_id", SESSION_ID, "event_type", "chain",
        "inputs", Map.of("q", "x"), "outputs", Map.of("draft", "one"), "metadata", Map.of("a", 1, "b", 1),
        "feedback", Map.of("rating", 2), "start_time", 1000, "end_time", 1500));
  }

  @Test
  void mapsAreMergedKeyByKeyAndOutputsReplaced() {
    Http.Answer answer = http.put("/v1/events/" + EVENT_ID, Map.of("metadata", Map.of("b", 2, "c", 3),
        "feedback", Map.of("comment", "ok"), "metrics", Map.of("score", 0.9), "config", Map.of("k", "v"),
        "user_properties", Map.of("user_id", "u-1"), "outputs", Map.of("final", "two")));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("success").asBoolean()).as("a JSON body, as HoneyHive answers").isTrue();
    StoredEvent event = server.event(EVENT_ID).orElseThrow();
    assertThat(event.metadata()).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
    assertThat(event.feedback()).isEqualTo(Map.of("rating", 2, "comment", "ok"));
    assertThat(event.metrics()).isEqualTo(Map.of("score", 0.9));
    assertThat(event.config()).isEqualTo(Map.of("k", "v"));
    assertThat(event.userProperties()).isEqualTo(Map.of("user_id", "u-1"));
    assertThat(event.outputs()).isEqualTo(Map.of("final", "two"));
    assertThat(event.inputs()).isEqualTo(Map.of("q", "x"));
  }

  @Test
  void nullOutputsKeepTheStoredOutputsAsHoneyHivesSpecSays() {
    Map<String, Object> keep = new HashMap<>();
    keep.put("outputs", null);

    assertThat(http.put("/v1/events/" + EVENT_ID, keep).status()).isEqualTo(200);
    assertThat(http.put("/events", Map.of("event_id", EVENT_ID, "metadata", Map.of("c", 3))).status()).isEqualTo(200);
    Map<String, Object> legacyKeep = new HashMap<>(Map.of("event_id", EVENT_ID));
    legacyKeep.put("outputs", null);
    assertThat(http.put("/events", legacyKeep).status()).isEqualTo(200);
    assertThat(server.event(EVENT_ID).orElseThrow().outputs()).isEqualTo(Map.of("draft", "one"));
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void anOutputsValueThatIsNotAnObjectOrNullIsRejected() {
    Http.Answer answer = http.put("/v1/events/" + EVENT_ID, Map.of("outputs", "done"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).startsWith("outputs: ");
  }

  @Test
  void endTimeDurationAndChildrenAreOverwritten() {
    http.put("/v1/events/" + EVENT_ID, Map.of("end_time", 4000, "duration", 3000.5, "children_ids",
        List.of(CHILD_ID)));

    StoredEvent event = server.event(EVENT_ID).orElseThrow();
    assertThat(event.endTime()).isEqualTo(4000L);
    assertThat(event.durationMillis()).isEqualTo(3000.5);
    assertThat(event.childrenIds()).containsExactly(CHILD_ID);
    assertThat(event.startTime()).isEqualTo(1000L);
  }

  @Test
  void anEmptyChildrenListIsAcceptedAndIgnoredAsHoneyHivesSpecSays() {
    http.put("/v1/events/" + EVENT_ID, Map.of("children_ids", List.of(CHILD_ID)));

    Http.Answer answer = http.put("/v1/events/" + EVENT_ID, Map.of("children_ids", List.of()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(server.event(EVENT_ID).orElseThrow().childrenIds()).containsExactly(CHILD_ID);
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void fieldsTheRouteDoesNotKnowAreAcceptedAndIgnored() {
    assertThat(http.put("/v1/events/" + EVENT_ID, Map.of("event_name", "renamed")).status()).isEqualTo(200);
    assertThat(server.event(EVENT_ID).orElseThrow().eventName()).isEqualTo("unknown");
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void updatingAnEventThatWasNeverStoredIsNotFound() {
    Http.Answer current = http.put("/v1/events/" + ABSENT_ID, Map.of("metadata", Map.of("a", 1)));
    Http.Answer legacy = http.put("/events", Map.of("event_id", ABSENT_ID, "metadata", Map.of("a", 1)));

    assertThat(current.status()).isEqualTo(404);
    assertThat(legacy.status()).isEqualTo(404);
    assertThat(current.body().path("errorCode").asText()).isEqualTo("NOT_FOUND");
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void theLegacyUpdateTakesTheIdFromTheBodyAndASessionIdEnrichesTheSession() {
    http.post("/session/start", Map.of("session", Map.of("session_id", SESSION_ID, "session_name", "chat")));

    http.put("/events", Map.of("event_id", SESSION_ID, "feedback", Map.of("rating", 5), "project", "legacy"));
    http.put("/events", Map.of("event_id", EVENT_ID, "metadata", Map.of("a", 9)));

    assertThat(server.event(SESSION_ID).orElseThrow().feedback()).isEqualTo(Map.of("rating", 5));
    assertThat(server.event(EVENT_ID).orElseThrow().metadata()).isEqualTo(Map.of("a", 9, "b", 1));
    assertThat(server.validationErrors()).isEmpty();
  }
}
