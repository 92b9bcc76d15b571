package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The receiving side of distributed tracing: literal headers, in the forms HoneyHive's SDKs write them and in broken
 * forms, and where the events logged on the resulting handle land (their session and parent as sent).
 */
class ContinueTraceTest {
  private static final String SESSION = "0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90";
  private static final String PARENT = "7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5";
  private static final String TRACEPARENT = "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01";
  private static final String OTHER_SESSION = "5f0c8d2e-9a1b-4c3d-8e7f-6a5b4c3d2e1f";

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

  // ---- The full form: session and parent ------------------------------------------------------------------------

  @Test
  void traceparentAndBaggageWithAParentNestTheEventsUnderTheCallersSpan() {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "traceparent", TRACEPARENT,
        "baggage", "session_id=" + SESSION + ",honeyhive_parent_id=" + PARENT), "inventory-service");

    assertThat(trace.isContinued()).isTrue();
    assertThat(trace.sessionId()).isEqualTo(SESSION);
    assertThat(trace.parentId()).isEqualTo(PARENT);
    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
    assertThat(sink.requests()).extracting(DeliverySink.Request::path).containsExactly("/v1/events");
  }

  @Test
  void theDottedParentAliasIsReadToo() {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "baggage", "honeyhive.session_id=" + SESSION + ",honeyhive.parent_id=" + PARENT), "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
  }

  @Test
  void spansOpenedOnTheHandleNestUnderTheCallersSpanAndTheirChildrenUnderThem() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage", "session_id=" + SESSION + ",honeyhive_parent_id="
        + PARENT), "inventory-service");

    String chainId;
    try (Span chain = trace.chain("handle-request").start()) {
      chainId = chain.eventId();
      chain.model("gpt-4o-mini").log();
    }

    Map<String, Map<String, Object>> byName = new HashMap<>();
    sink.requests().forEach(request -> byName.put((String) request.body().get("event_name"), request.body()));
    assertThat(byName.get("handle-request")).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
    assertThat(byName.get("gpt-4o-mini")).containsEntry("session_id", SESSION).containsEntry("parent_id", chainId);
  }

  // ---- The simple form: the session id only ----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"session_id", "honeyhive_session_id", "honeyhive.session_id"})
  void aSessionIdAloneInBaggageMakesTheEventsTopLevelStepsOfThatSession(String key) {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage", key + "=" + SESSION), "inventory-service");

    assertThat(trace.isContinued()).isTrue();
    assertThat(trace.parentId()).isEqualTo(SESSION);
    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", SESSION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"session_id", "SESSION_ID", "honeyhive_session_id", "HoneyHive_Session_Id",
      "honeyhive.session_id", "Honeyhive.Session_ID", "honeyhive-session-id", "HoneyHive-Session-Id"})
  void aSessionIdInAPlainHeaderIsReadInAnyLetterCase(String header) {
    ContinuedTrace trace = hh.continueTrace(Map.of(header, SESSION), "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", SESSION);
  }

  @Test
  void plainHeadersCarryTheParentProjectAndSourceToo() {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "X-Unrelated", "1",
        "honeyhive_session_id", SESSION,
        "HoneyHive-Parent-Id", PARENT,
        "honeyhive.project", "Support Bot",
        "Honeyhive_Source", "staging"), "inventory-service");

    assertThat(trace.project()).contains("Support Bot");
    assertThat(trace.source()).contains("staging");
    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT)
        .containsEntry("source", "staging");
  }

  @Test
  void aParentEqualToTheSessionMeansTopLevelSteps() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage", "session_id=" + SESSION + ",honeyhive_parent_id="
        + SESSION), "inventory-service");

    assertThat(logged(trace)).containsEntry("parent_id", SESSION);
  }

  // ---- Baggage as W3C writes it: several headers, other members, properties, encoding, names in any case ---------

  @Test
  void severalBaggageHeadersAreReadAsOneList() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Baggage", List.of("userId=alice,isProduction=false", "session_id=" + SESSION,
        "honeyhive_parent_id=" + PARENT));

    ContinuedTrace trace = hh.continueTrace(headers, "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
  }

  @Test
  void membersOfOtherSystemsPropertiesAndWhiteSpaceAreIgnored() {
    ContinuedTrace trace = hh.continueTrace(Map.of("BAGGAGE",
        "congo=t61rcWkgMzE, session_id = " + SESSION + " ;ttl=30 ;shared,"
            + "\thonehive_typo=1 , honeyhive_parent_id=" + PARENT + ";p, rojo=00f067aa0ba902b7,,"),
        "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
  }

  @Test
  void percentEncodedValuesAreDecoded() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION.replace("-", "%2D") + ",project=Support%20Bot%20%E2%80%93%20EU,"
            + "source=eu%2Cwest%3Bcheckout"), "inventory-service");

    assertThat(trace.sessionId()).isEqualTo(SESSION);
    assertThat(trace.project()).contains("Support Bot – EU");
    assertThat(trace.source()).contains("eu,west;checkout");
    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("source", "eu,west;checkout");
  }

  @Test
  void theAliasesOfProjectAndSourceAreRead() {
    ContinuedTrace underscored = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",honeyhive_project=p1,honeyhive_source=s1"), "inventory-service");
    ContinuedTrace dotted = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",honeyhive.project=p2,honeyhive.source=s2"), "inventory-service");

    assertThat(underscored.project()).contains("p1");
    assertThat(underscored.source()).contains("s1");
    assertThat(dotted.project()).contains("p2");
    assertThat(dotted.source()).contains("s2");
  }

  @Test
  void baggageWinsOverPlainHeadersAndSessionIdOverItsAliases() {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "baggage", "honeyhive_session_id=" + OTHER_SESSION + ",session_id=" + SESSION,
        "session_id", OTHER_SESSION), "inventory-service");

    assertThat(trace.sessionId()).isEqualTo(SESSION);
  }

  @Test
  void thisClientsSourceWinsOverThePropagatedOne() {
    try (HoneyHive withSource = mock.clientBuilder().source("inventory-service").build()) {
      ContinuedTrace trace = withSource.continueTrace(Map.of("baggage", "session_id=" + SESSION + ",source=web"),
          "inventory-service");

      assertThat(trace.source()).contains("web");
      assertThat(logged(trace)).containsEntry("source", "inventory-service");
    }
  }

  // ---- Malformed headers: never thrown, a documented fallback -----------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "not-a-traceparent",
      "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5",           // no flags
      "00-0B6E1C523F0A4D6B9A4E2F8C1D7E5A90-8F60B9A1C2D3E4F5-01",        // upper case
      "00-00000000000000000000000000000000-8f60b9a1c2d3e4f5-01",        // zero trace id
      "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-0000000000000000-01",        // zero parent id
      "ff-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01",        // forbidden version
      "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01-extra",  // version 00 with more fields
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"})       // valid, but another tracer's trace
  void aTraceparentThatIsMalformedOrForeignLeavesTheBaggageInCharge(String traceparent) {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "traceparent", traceparent,
        "baggage", "session_id=" + SESSION + ",honeyhive_parent_id=" + PARENT), "inventory-service");

    assertThat(trace.isContinued()).isTrue();
    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
  }

  @Test
  void twoTraceparentHeadersAreIgnoredButTheBaggageCounts() {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "traceparent", List.of(TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        "baggage", List.of("session_id=" + SESSION)), "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", SESSION);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "session_id=not-a-uuid",
      "session_id=0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a9",                 // one digit short
      "session_id=0b6e1c523f0a4d6b9a4e2f8c1d7e5a90",                    // no dashes
      "session_id=1-2-3-4-5",                                           // a form UUID.fromString would accept
      "session_id=00000000-0000-0000-0000-000000000000",                // the nil UUID
      "session_id={0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90}",
      "session_id=0b6e1c52%ZZ3f0a-4d6b-9a4e-2f8c1d7e5a90",              // broken percent escape
      "session_id=%FF%FE",                                              // not UTF-8
      "session_id",                                                     // no value
      "=0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90",                          // no key
      "session id=0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90",                // a key that is not a token
      "session_id=",
      ",,, ;;",
      "sessionid=0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90",                 // not one of the known keys
      "honeyhive_parent_id=7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5"})      // a parent without a session
  void baggageWithoutAUsableSessionIdStartsAFreshSession(String baggage) {
    ContinuedTrace trace = hh.continueTrace(Map.of("traceparent", TRACEPARENT, "baggage", baggage),
        "inventory-service");

    assertFreshSession(trace);
  }

  @Test
  void anInvalidSessionIdInBaggageFallsBackToAValidPlainHeader() {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "baggage", "session_id=not-a-uuid", "honeyhive_session_id", SESSION), "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION);
  }

  @Test
  void anInvalidParentIdLeavesTheEventsTopLevelStepsOfTheSession() {
    ContinuedTrace trace = hh.continueTrace(Map.of(
        "baggage", "session_id=" + SESSION + ",honeyhive_parent_id=span-42"), "inventory-service");

    assertThat(trace.isContinued()).isTrue();
    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", SESSION);
  }

  @Test
  void aTraceparentAloneDoesNotNameASession() {
    assertFreshSession(hh.continueTrace(Map.of("traceparent", TRACEPARENT), "inventory-service"));
  }

  @Test
  void noHeadersAnEmptyMapOrANullMapStartAFreshSession() {
    assertFreshSession(hh.continueTrace(Map.of("Content-Type", "application/json"), "inventory-service"));
    assertFreshSession(hh.continueTrace(Map.of(), "inventory-service"));
    assertFreshSession(hh.continueTrace((Map<String, ?>) null, "inventory-service"));
  }

  @Test
  void valuesOfOtherTypesAndNullsAreIgnored() {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put(null, SESSION);
    headers.put("session_id", 42);
    headers.put("honeyhive_session_id", null);
    headers.put("honeyhive.session_id", new String[] {null, SESSION});

    ContinuedTrace trace = hh.continueTrace(headers, "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION);
  }

  @Test
  void aBlankFallbackNameIsAProgrammingErrorAndThrows() {
    assertThatThrownBy(() -> hh.continueTrace(Map.of(), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fallbackSessionName");
    assertThatThrownBy(() -> hh.continueTrace((java.util.function.Function<String, String>) null, "svc"))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("header");
  }

  // ---- A getter instead of a map ---------------------------------------------------------------------------------

  @Test
  void aGetterIsAskedForLowerCaseNames() {
    Map<String, String> servletLike = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    servletLike.put("Baggage", "session_id=" + SESSION + ",honeyhive_parent_id=" + PARENT);
    servletLike.put("Traceparent", TRACEPARENT);
    List<String> asked = new java.util.ArrayList<>();

    ContinuedTrace trace = hh.continueTrace(name -> {
      asked.add(name);
      return servletLike.get(name);
    }, "inventory-service");

    assertThat(logged(trace)).containsEntry("session_id", SESSION).containsEntry("parent_id", PARENT);
    assertThat(asked).contains("traceparent", "baggage").allMatch(name -> name.equals(name.toLowerCase()));
  }

  @Test
  void aGetterThatFindsNothingStartsAFreshSession() {
    assertFreshSession(hh.continueTrace(name -> null, "inventory-service"));
  }

  // ---- Closing ---------------------------------------------------------------------------------------------------

  @Test
  void closingAContinuedTraceSendsNothingClosingAFreshOneEndsItsSession() {
    ContinuedTrace continued = hh.continueTrace(Map.of("baggage", "session_id=" + SESSION), "inventory-service");
    continued.close();
    assertThat(sink.requests()).isEmpty();

    ContinuedTrace fresh = hh.continueTrace(Map.of(), "inventory-service");
    String child = fresh.tool("stock-lookup").log();
    fresh.close();
    fresh.close();

    List<DeliverySink.Request> requests = sink.requests();
    assertThat(requests).extracting(DeliverySink.Request::method).containsExactly("POST", "POST", "PUT");
    assertThat(requests.get(2).path()).isEqualTo("/v1/events/" + fresh.sessionId());
    assertThat(requests.get(2).body()).containsEntry("children_ids", List.of(child)).containsKey("end_time");
  }

  // ---- The caller's session: updated only when asked ----------------------------------------------------------------

  @Test
  void aContinuedTraceNeverUpdatesTheCallersSessionUnlessAsked() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage", "session_id=" + SESSION + ",parent_id=" + PARENT),
        "inventory-service");
    try (Span chain = trace.chain("handle-request").start()) {
      chain.tool("stock-lookup").log();
    }
    trace.model("gpt-4o-mini").log();
    trace.close();

    assertThat(sink.requests()).hasSize(3)
        .allSatisfy(request -> assertThat(request.method() + " " + request.path()).isEqualTo("POST /v1/events"));

    trace.updateSession().metadata(Map.of("handled_by", "inventory-service")).send();

    DeliverySink.Request update = sink.requests().get(3);
    assertThat(update.method() + " " + update.path()).isEqualTo("PUT /v1/events/" + SESSION);
    assertThat(update.body()).containsEntry("metadata", Map.of("handled_by", "inventory-service"))
        .doesNotContainKeys("end_time", "children_ids", "outputs");
  }

  @Test
  void aBatchedReceiverSendsOnlyItsEventsSoTheOrderOfArrivalDoesNotMatter() {
    // The caller's session start may still be queued on its side: the receiver must send nothing that needs the
    // session to exist already (its events only name the session).
    try (HoneyHive receiver = mock.batchedClientBuilder().build()) {
      try (ContinuedTrace trace = receiver.continueTrace(Map.of("baggage", "session_id=" + SESSION), "svc");
           Span chain = trace.chain("handle-request").start()) {
        chain.tool("stock-lookup").log();
      }
      assertThat(receiver.flush(java.time.Duration.ofSeconds(10)).isComplete()).isTrue();
    }

    assertThat(sink.requests()).isNotEmpty()
        .allSatisfy(request -> assertThat(request.method() + " " + request.path())
            .isIn("POST /v1/events", "POST /v1/events/batch", "POST /v1/sessions/" + SESSION + "/events/batch"))
        .flatExtracting(DeliverySink.Request::ids).hasSize(2).doesNotContain(SESSION);
  }

  @Test
  void anAttachedSessionSendsNoUpdateUntilOneIsAskedFor() {
    Session attached = hh.attachSession(SESSION);
    try (Span chain = attached.chain("handle-request").start()) {
      chain.tool("stock-lookup").log();
    }

    assertThat(sink.requests()).hasSize(2)
        .allSatisfy(request -> assertThat(request.method() + " " + request.path()).isEqualTo("POST /v1/events"));

    attached.feedback(Map.of("rating", 5));

    DeliverySink.Request update = sink.requests().get(2);
    assertThat(update.method() + " " + update.path()).isEqualTo("PUT /v1/events/" + SESSION);
    assertThat(update.body()).containsEntry("feedback", Map.of("rating", 5));
  }

  // ---- Round trip ------------------------------------------------------------------------------------------------

  @Test
  void whatOneServiceInjectsAnotherContinuesAndPassesOn() {
    try (HoneyHive serviceA = mock.clientBuilder().source("service-a").build();
         HoneyHive serviceB = mock.clientBuilder().build();
         HoneyHive serviceC = mock.clientBuilder().build()) {
      Session session = serviceA.session("checkout").start();
      Map<String, String> toB = new HashMap<>();
      String spanId;
      try (Span call = session.tool("call-service-b").start()) {
        spanId = call.eventId();
        call.injectHeaders(toB);
      }

      ContinuedTrace inB = serviceB.continueTrace(toB, "service-b");
      Map<String, String> toC = new HashMap<>();
      inB.injectHeaders(toC);
      ContinuedTrace inC = serviceC.continueTrace(toC, "service-c");

      assertThat(logged(inB)).containsEntry("session_id", session.sessionId()).containsEntry("parent_id", spanId)
          .containsEntry("source", "service-a");
      assertThat(logged(inC)).containsEntry("session_id", session.sessionId()).containsEntry("parent_id", spanId);
      assertThat(inC.source()).isEqualTo(Optional.of("service-a"));
    }
  }

  // ---- Helpers ---------------------------------------------------------------------------------------------------

  /** Logs a tool event on {@code trace} and returns its body as sent. */
  private Map<String, Object> logged(ContinuedTrace trace) {
    String id = trace.tool("stock-lookup").log();
    return sink.requests().stream().map(DeliverySink.Request::body).filter(body -> id.equals(body.get("event_id")))
        .findFirst().orElseThrow(() -> new AssertionError("event " + id + " was not sent"));
  }

  private void assertFreshSession(ContinuedTrace trace) {
    assertThat(trace.isContinued()).isFalse();
    assertThat(trace.sessionId()).isNotIn(SESSION, OTHER_SESSION);
    assertThat(trace.parentId()).isEqualTo(trace.sessionId());
    assertThat(sink.requests()).anySatisfy(request -> assertThat(request.body())
        .containsEntry("session_id", trace.sessionId()).containsEntry("session_name", "inventory-service"));
    assertThat(logged(trace)).containsEntry("session_id", trace.sessionId())
        .containsEntry("parent_id", trace.sessionId());
  }
}
