package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the standalone server prints, round by round, with a clock the test moves. */
class SessionPrinterTest {
  private static final String SESSION = "9bf47942-7e51-4e22-ac5a-16533163f6f5";
  private static final String CHAIN = "432ce9c3-51f2-4e77-9e9f-8c5eb085de62";

  // It prints refused requests.
  @RegisterExtension
  final RawServer raw = RawServer.start().acceptingInvalidRequests();
  private final HoneyHiveTestServer server = raw.server();
  private final Http http = raw.http();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final SessionPrinter printer = new SessionPrinter(server, new PrintStream(bytes, true,
      StandardCharsets.UTF_8), clock, Duration.ofSeconds(1));

  @Test
  void aSessionIsPrintedAsATreeOnceItWasQuietForTheQuietPeriod() {
    startSession();
    http.post("/v1/events", event(CHAIN, SESSION, "chain", "answer"));
    printer.poll();
    clock.advance(Duration.ofMillis(999));
    printer.poll();
    assertThat(output()).isEmpty();

    clock.advance(Duration.ofMillis(1));
    printer.poll();

    assertThat(output()).isEqualTo(""
        + "[10:00:01] session " + SESSION + ", 2 events\n"
        + "session \"checkout\" 0.0 ms\n"
        + "└── chain \"answer\" 0.0 ms\n"
        + "\n");
  }

  @Test
  void eachNewEventRestartsTheQuietPeriod() {
    startSession();
    printer.poll();
    clock.advance(Duration.ofMillis(800));
    http.post("/v1/events", event(CHAIN, SESSION, "chain", "answer"));
    printer.poll();
    clock.advance(Duration.ofMillis(800));
    printer.poll();
    assertThat(output()).isEmpty();

    clock.advance(Duration.ofMillis(200));
    printer.poll();
    assertThat(output()).contains("session " + SESSION + ", 2 events");
  }

  @Test
  void aSessionThatChangesAfterItWasPrintedIsPrintedAgainAsUpdated() {
    startSession();
    printer.poll();
    clock.advance(Duration.ofSeconds(1));
    printer.poll();
    printer.poll();
    http.post("/v1/events", event(CHAIN, SESSION, "chain", "answer"));
    http.post("/v1/events", event("e3d02cd5-e18a-476c-9212-ac9f6e9c378f", CHAIN, "tool", "search"));
    printer.poll();
    clock.advance(Duration.ofSeconds(1));
    printer.poll();
    printer.poll();

    assertThat(output()).isEqualTo(""
        + "[10:00:01] session " + SESSION + ", 1 event\n"
        + "session \"checkout\" 0.0 ms\n"
        + "\n"
        + "[10:00:02] session " + SESSION + " updated, 3 events\n"
        + "session \"checkout\" 0.0 ms\n"
        + "└── chain \"answer\" 0.0 ms\n"
        + "    └── tool \"search\" 0.0 ms\n"
        + "\n");
  }

  @Test
  void aRefusedRequestIsPrintedAtOnceOnOneLinePerFinding() {
    http.post("/v1/events", Map.of("event_type", "banana", "inputs", Map.of(), "surprise", 1));
    printer.poll();

    assertThat(output().lines()).satisfiesExactly(
        line -> assertThat(line).isEqualTo("[10:00:00] invalid request: POST /v1/events (createEvent) -> 400: "
            + "[validation.request.body.schema.additionalProperties] body: unrecognized key 'surprise'"),
        line -> assertThat(line).startsWith("[10:00:00] invalid request: POST /v1/events (createEvent) -> 400: "
            + "[validation.request.body.schema.enum] event_type: Instance value (\"banana\") not found in enum"));
  }

  @Test
  void aBearerTokenQuotedByAFindingIsRedacted() {
    String key = "hh-very-secret-key-1234";
    http.send("POST", "/v1/events", Map.of("event_type", key, "inputs", Map.of()), "Bearer " + key);
    printer.poll();

    assertThat(output()).contains("event_type: Instance value (\"<redacted>\") not found").doesNotContain(key);
  }

  @Test
  void closePrintsTheSessionsStillInTheirQuietPeriod() {
    startSession();
    printer.poll();

    printer.close();

    assertThat(output()).startsWith("[10:00:00] session " + SESSION + ", 1 event\n");
  }

  private void startSession() {
    http.post("/v1/sessions", Map.of("session_id", SESSION, "session_name", "checkout"));
  }

  private static Map<String, Object> event(String id, String parent, String type, String name) {
    return Map.of("event_id", id, "session_id", SESSION, "parent_id", parent, "event_type", type,
        "event_name", name, "inputs", Map.of());
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A clock that moves only when the test says so. */
  private static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
