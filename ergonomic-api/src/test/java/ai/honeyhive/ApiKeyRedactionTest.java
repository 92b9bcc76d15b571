package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.errors.HoneyHiveException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API key appears in no log line, exception message, {@code toString()} or stack trace, whatever happens: a full
 * scenario (session, model event, nested spans with a failing tool, a retried 503, a 401, an unreachable server, a span
 * whose delivery fails, session end) runs once with debug logging captured, then each test checks one output.
 *
 * <p>slf4j-simple writes to {@code System.err} at debug level (see {@code simplelogger.properties}), so the HTTP log
 * of OkHttp's logging interceptor, request headers included, is part of what is captured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyRedactionTest {
  private static final String KEY = MockHoneyHive.API_KEY;
  /** The distinctive tail of the key: no fragment of it may show either. */
  private static final String KEY_TAIL = KEY.substring(KEY.length() - 12);

  private String log;
  private final List<Throwable> failures = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();

  @BeforeAll
  void runTheScenarioWithTheLogCaptured() throws IOException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (MockHoneyHive mock = new MockHoneyHive()) {
      runScenario(mock);
    } finally {
      System.err.flush();
      System.setErr(originalErr);
    }
    log = captured.toString(StandardCharsets.UTF_8);
  }

  private void runScenario(MockHoneyHive mock) throws IOException {
    HoneyHive.Builder builder = mock.clientBuilder();
    HoneyHive hh = builder.build();
    descriptions.add(builder.toString());
    descriptions.add(hh.toString());

    mock.enqueueOk();
    Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).start();
    descriptions.add(session.toString());

    mock.enqueueOk();
    session.model("gpt-4o").message("user", "How do I reset my API key?").completion("Rotate it.").usage(12, 4)
        .log();

    mock.enqueueOk(2);
    try (Span chain = session.chain("answer").inputs(Map.of("question", "reset?")).start()) {
      descriptions.add(chain.toString());
      try {
        chain.tool("vector-search").inputs(Map.of("q", "reset")).call(() -> {
          throw new IllegalStateException("index offline");
        });
      } catch (IllegalStateException e) {
        failures.add(e);
      }
      chain.outputs(Map.of("answer", "sorry"));
    }

    mock.enqueueJson(503, "{\"statusCode\":503,\"message\":\"busy\",\"success\":false}").enqueueOk();
    session.tool("retried").log();

    mock.enqueueJson(401, "{\"statusCode\":401,\"message\":\"Invalid API key\",\"success\":false,"
        + "\"errorCode\":\"UNAUTHORIZED\"}");
    try {
      session.metadata(Map.of("reviewed", true));
    } catch (HoneyHiveException e) {
      failures.add(e);
    }

    // A span whose delivery fails is logged (warn), not thrown.
    mock.enqueueJson(401, "{\"statusCode\":401,\"message\":\"Invalid API key\",\"success\":false}");
    try (Span doomed = session.chain("doomed").start()) {
      doomed.metadata(Map.of("attempt", 1));
    }

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HoneyHive offline = mock.clientBuilder().baseUrl("http://127.0.0.1:" + closedPort).maxRetries(1).build();
    try {
      offline.attachSession(session.sessionId()).tool("t").log();
    } catch (HoneyHiveException e) {
      failures.add(e);
    }
    offline.close();

    mock.enqueueOk();
    session.end();
    hh.close();
  }

  @Test
  void theCaptureSawTheHttpLog() {
    assertThat(log)
        .contains("--> POST " + "http://")
        .contains("/v1/sessions")
        .contains("/v1/events")
        .contains("<-- 503")
        .contains("<-- 401");
  }

  @Test
  void theAuthorizationHeaderIsLoggedRedacted() {
    assertThat(log).contains("Authorization: ██");
  }

  @Test
  void theKeyIsInNoLogLine() {
    assertThat(log).doesNotContain(KEY).doesNotContain(KEY_TAIL);
  }

  @Test
  void theScenarioProducedTheExpectedFailures() {
    assertThat(failures).extracting(Throwable::getClass).map(Class::getSimpleName)
        .containsExactlyInAnyOrder("IllegalStateException", "AuthenticationException", "HoneyHiveConnectionException");
    assertThat(log).contains("could not send span");
  }

  @Test
  void theKeyIsInNoExceptionMessageToStringOrStackTrace() {
    for (Throwable failure : failures) {
      assertThat(fullText(failure)).as("%s", failure.getClass().getName())
          .doesNotContain(KEY).doesNotContain(KEY_TAIL);
    }
  }

  @Test
  void theKeyIsInNoToString() {
    assertThat(descriptions).hasSize(4).allSatisfy(text -> assertThat(text).doesNotContain(KEY).doesNotContain(KEY_TAIL));
  }

  /** Message, toString and printed stack trace of the failure and every cause and suppressed exception. */
  private static String fullText(Throwable failure) {
    StringWriter trace = new StringWriter();
    try (PrintWriter out = new PrintWriter(trace)) {
      failure.printStackTrace(out);
      for (Throwable t = failure; t != null; t = t.getCause()) {
        out.println(t.getMessage());
        out.println(t);
        for (Throwable suppressed : t.getSuppressed()) {
          out.println(suppressed);
        }
      }
    }
    String text = trace.toString();
    if (text.isEmpty()) {
      throw new UncheckedIOException(new IOException("nothing printed for " + failure.getClass()));
    }
    return text;
  }
}
