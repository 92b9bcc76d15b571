package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Traces that cross HoneyHive's Python SDK: it reads the baggage keys {@code session_id}, {@code parent_id},
 * {@code project} and {@code source}, and writes {@code session_id} and {@code session_name}. These tests read and
 * write baggage as that SDK does (OpenTelemetry Python's W3C Baggage propagator: split on {@code ,}, then on the first
 * {@code =}, strip, {@code unquote_plus}; keys matched exactly).
 */
class MixedLanguageTraceTest {
  private static final String SESSION = "0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90";
  private static final String PARENT = "7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5";
  private static final String STALE_PARENT = "3c1a5e7d-2b4f-4e6a-8c9d-0f1e2d3c4b5a";

  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();
  private HoneyHive hh;

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink);
    hh = mock.client();
  }

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  // ---- Python calls Java -----------------------------------------------------------------------------------------

  @Test
  void pythonStyleBaggageNestsTheEventsUnderItsParentId() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",parent_id=" + PARENT + ",project=p,source=s"), "inventory-service");

    assertThat(trace.isContinued()).isTrue();
    assertThat(trace.parentId()).isEqualTo(PARENT);
    assertThat(trace.project()).contains("p");
    assertThat(trace.source()).contains("s");
    String chainId;
    try (Span chain = trace.chain("handle-request").start()) {
      chainId = chain.eventId();
      chain.tool("stock-lookup").log();
    }
    assertThat(body("handle-request")).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
    assertThat(body("stock-lookup")).containsEntry("session_id", SESSION).containsEntry("parent_id", chainId);
  }

  @Test
  void whenParentIdAndHoneyhiveParentIdDisagreeHoneyhiveParentIdWinsInEitherOrder() {
    // What a middle hop running an earlier version of this client sends on: its own span under honeyhive_parent_id,
    // and the parent_id it received forwarded untouched as another system's member.
    ContinuedTrace after = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",honeyhive_parent_id=" + PARENT + ",parent_id=" + STALE_PARENT), "svc");
    ContinuedTrace before = hh.continueTrace(Map.of("baggage",
        "parent_id=" + STALE_PARENT + ",session_id=" + SESSION + ",honeyhive_parent_id=" + PARENT), "svc");

    assertThat(after.parentId()).isEqualTo(PARENT);
    assertThat(before.parentId()).isEqualTo(PARENT);
  }

  @Test
  void anUnusableHoneyhiveParentIdFallsBackToParentId() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",honeyhive_parent_id=span-42,parent_id=" + PARENT), "svc");

    assertThat(trace.parentId()).isEqualTo(PARENT);
  }

  @Test
  void aContinuedTracePassesOnTheSessionNameThatCame() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",session_name=Support%20Chat%20%E2%80%93%20EU"), "svc");
    Map<String, String> headers = new HashMap<>();

    trace.injectHeaders(headers);

    assertThat(trace.sessionName()).contains("Support Chat – EU");
    assertThat(readAsPython(headers.get("baggage"))).containsEntry("session_name", "Support Chat – EU");
  }

  // ---- Java calls Python -----------------------------------------------------------------------------------------

  @Test
  void aSpanWritesEveryMemberAPythonReaderLooksFor() {
    try (HoneyHive withSource = mock.clientBuilder().source("eu+west 1").build()) {
      Session session = withSource.session("Support Chat").start();
      Map<String, String> headers = new HashMap<>();
      String spanId;
      try (Span span = session.chain("answer").start()) {
        spanId = span.eventId();
        span.injectHeaders(headers);
      }

      assertThat(readAsPython(headers.get("baggage")))
          .containsEntry("session_id", session.sessionId())
          .containsEntry("parent_id", spanId)
          .containsEntry("honeyhive_parent_id", spanId) // for receivers running an earlier version of this client
          .containsEntry("source", "eu+west 1")
          .containsEntry("session_name", "Support Chat");
    }
  }

  @Test
  void aSpanInAContinuedTracePassesOnTheProjectAndSessionName() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",parent_id=" + PARENT + ",project=Support%20Bot,session_name=chat"), "svc");
    Map<String, String> headers = new HashMap<>();
    String spanId;
    try (Span span = trace.tool("call-python").start()) {
      spanId = span.eventId();
      span.injectHeaders(headers);
    }

    assertThat(readAsPython(headers.get("baggage")))
        .containsEntry("session_id", SESSION)
        .containsEntry("parent_id", spanId)
        .containsEntry("project", "Support Bot")
        .containsEntry("session_name", "chat");
  }

  @Test
  void injectingOverIncomingBaggageReplacesAStaleParentIdAndSessionName() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("baggage", "session_id=" + SESSION + ",parent_id=" + STALE_PARENT
        + ",session_name=stale,userId=alice");
    Session session = hh.attachSession(SESSION);

    try (Span span = session.chain("answer").eventId(PARENT).start()) {
      span.injectHeaders(headers);
    }

    assertThat(headers.get("baggage")).isEqualTo("session_id=" + SESSION + ",parent_id=" + PARENT
        + ",honeyhive_parent_id=" + PARENT + ",userId=alice");
  }

  // ---- Helpers ---------------------------------------------------------------------------------------------------

  /**
   * Reads baggage as OpenTelemetry Python's W3C propagator does: members split on {@code ,}, properties after
   * {@code ;} dropped, key and value split on the first {@code =} and stripped, the value {@code unquote_plus}-ed
   * (which {@link URLDecoder} matches: {@code +} becomes a space); the last member of a key wins.
   */
  private static Map<String, String> readAsPython(String baggage) {
    Map<String, String> members = new HashMap<>();
    for (String member : baggage.split(",")) {
      String pair = member.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        members.put(pair.substring(0, equals).strip(),
            URLDecoder.decode(pair.substring(equals + 1).strip(), StandardCharsets.UTF_8));
      }
    }
    return members;
  }

  /** Returns the body of the event named {@code name} as sent. */
  private Map<String, Object> body(String name) {
    return sink.requests().stream().map(DeliverySink.Request::body).filter(body -> name.equals(body.get("event_name")))
        .findFirst().orElseThrow(() -> new AssertionError("event " + name + " was not sent"));
  }
}
