package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's event ids start with the session id's first 64 bits, so the span id {@code traceparent} carries (the
 * last 64 bits) names the event within the session's trace, as OpenTelemetry's span ids do; and
 * {@link Session#under(String)} nests events under an event that is not open here.
 */
class EventIdsTest {
  private static final String SESSION = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";

  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void close() {
    mock.close();
  }

  @Test
  void eventIdsShareTheSessionsFirstHalfAndAreVersion4() {
    mock.enqueueOk(3);
    try (HoneyHive hh = mock.client()) {
      Session session = hh.attachSession(SESSION);
      String logged = session.tool("search").log();
      String spanId;
      Map<String, String> headers = new HashMap<>();
      try (Span span = session.chain("answer").start()) {
        spanId = span.eventId();
        span.injectHeaders(headers);
        span.tool("inner").log();
      }
      for (String id : List.of(logged, spanId)) {
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.getMostSignificantBits()).isEqualTo(UUID.fromString(SESSION).getMostSignificantBits());
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
      }
      assertThat(logged).isNotEqualTo(spanId);
      assertThat(headers.get("traceparent"))
          .isEqualTo("00-" + SESSION.replace("-", "") + "-" + spanId.replace("-", "").substring(16) + "-01");
    }
  }

  @Test
  void anExplicitEventIdIsKept() {
    mock.enqueueOk();
    try (HoneyHive hh = mock.client()) {
      String id = "11111111-2222-4333-8444-555555555555";
      assertThat(hh.attachSession(SESSION).tool("t").eventId(id).log()).isEqualTo(id);
      assertThat(MockHoneyHive.body(mock.takeRequest())).containsEntry("event_id", id);
    }
  }

  @Test
  void underNestsEventsUnderAnEventThatIsNotOpenHere() {
    mock.enqueueOk(2);
    String parent = "6f1c2a3e-9b7d-4c8e-9999-000000000001";
    try (HoneyHive hh = mock.client()) {
      Session session = hh.attachSession(SESSION);
      EventScope under = session.under(parent);
      assertThat(under.sessionId()).isEqualTo(SESSION);
      under.model("gpt-4o").log();
      assertThat(MockHoneyHive.body(mock.takeRequest())).containsEntry("parent_id", parent)
          .containsEntry("session_id", SESSION);
      assertThat(session.under(SESSION)).isSameAs(session);
      assertThatThrownBy(() -> session.under("nope")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("eventId must be a UUID");
    }
  }
}
