package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.internal.propagation.BaggageCodec;
import ai.honeyhive.internal.propagation.TraceHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sending side of distributed tracing: the exact headers a session, a span and a continued trace write. */
class InjectHeadersTest {
  /** W3C Trace Context, version 00: version-traceid-parentid-flags, lower-case hex. */
  private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
  private static final String SESSION = "0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90";
  private static final String SPAN = "7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5";

  private final HoneyHive hh = HoneyHive.builder().enabled(false).shutdownHook(false).build();

  @AfterEach
  void tearDown() {
    hh.close();
  }

  @Test
  void aSpanWritesTheSessionAsTraceIdItsOwnIdAsParentAndBothInBaggage() {
    Session session = hh.attachSession(SESSION);
    Map<String, String> headers = new HashMap<>();

    try (Span span = session.chain("answer").eventId(SPAN).start()) {
      span.injectHeaders(headers);
    }

    assertThat(headers).containsOnly(
        Map.entry("traceparent", "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01"),
        Map.entry("baggage", "session_id=" + SESSION + ",parent_id=" + SPAN + ",honeyhive_parent_id=" + SPAN));
    assertThat(headers.get("traceparent")).matches(TRACEPARENT);
  }

  @Test
  void aSessionWritesNoParentInBaggage() {
    Map<String, String> headers = new HashMap<>();

    hh.attachSession(SESSION).injectHeaders(headers);

    assertThat(headers).containsOnly(
        Map.entry("traceparent", "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-9a4e2f8c1d7e5a90-01"),
        Map.entry("baggage", "session_id=" + SESSION));
  }

  @Test
  void theClientsSourceIsPercentEncodedIntoBaggage() {
    try (HoneyHive withSource = HoneyHive.builder().enabled(false).shutdownHook(false)
        .source("eu west, checkout;v2 – 100%").build()) {
      Map<String, String> headers = new HashMap<>();

      withSource.attachSession(SESSION).injectHeaders(headers);

      assertThat(headers.get("baggage"))
          .isEqualTo("session_id=" + SESSION + ",source=eu%20west%2C%20checkout%3Bv2%20%E2%80%93%20100%25");
      assertThat(BaggageCodec.decode("eu%20west%2C%20checkout%3Bv2%20%E2%80%93%20100%25"))
          .isEqualTo("eu west, checkout;v2 – 100%");
    }
  }

  @Test
  void generatedIdsAlwaysGiveAValidTraceparent() {
    Session session = hh.session("checkout").start();
    for (int i = 0; i < 1000; i++) {
      Map<String, String> headers = new HashMap<>();
      session.tool("t").start().injectHeaders(headers);
      assertThat(headers.get("traceparent")).matches(TRACEPARENT)
          .startsWith("00-" + session.sessionId().replace("-", "") + "-");
      assertThat(TraceHeaders.traceparentProblem(headers.get("traceparent"))).isNull();
    }
  }

  @Test
  void theSetterFormIsCalledOncePerHeader() {
    List<String> calls = new ArrayList<>();

    hh.attachSession(SESSION).injectHeaders((name, value) -> calls.add(name + ": " + value));

    assertThat(calls).containsExactly(
        "traceparent: 00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-9a4e2f8c1d7e5a90-01",
        "baggage: session_id=" + SESSION);
  }

  @Test
  void existingHeadersInAnotherCaseAreReplacedAndForeignBaggageIsKept() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    headers.put("Baggage", "userId=alice, session_id=5f0c8d2e-9a1b-4c3d-8e7f-6a5b4c3d2e1f,"
        + "honeyhive.parent_id=stale ,isProduction=false;ttl=3");

    hh.attachSession(SESSION).injectHeaders(headers);

    assertThat(headers).containsOnly(
        Map.entry("Traceparent", "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-9a4e2f8c1d7e5a90-01"),
        Map.entry("Baggage", "session_id=" + SESSION + ",userId=alice,isProduction=false;ttl=3"));
  }

  @Test
  void aContinuedTracePassesOnTheCallersParentAndProject() {
    ContinuedTrace trace = hh.continueTrace(Map.of("baggage",
        "session_id=" + SESSION + ",honeyhive_parent_id=" + SPAN + ",project=Support%20Bot,source=web"), "svc");
    Map<String, String> headers = new HashMap<>();

    trace.injectHeaders(headers);

    assertThat(headers).containsOnly(
        Map.entry("traceparent", "00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01"),
        Map.entry("baggage", "session_id=" + SESSION + ",parent_id=" + SPAN + ",honeyhive_parent_id=" + SPAN
            + ",source=web,project=Support%20Bot"));
  }

  @Test
  void nullCarriersAreProgrammingErrorsAndNamed() {
    Session session = hh.attachSession(SESSION);

    assertThatThrownBy(() -> session.injectHeaders((Map<String, String>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("headers == null");
    assertThatThrownBy(() -> session.injectHeaders((java.util.function.BiConsumer<String, String>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("setter == null");
  }
}
