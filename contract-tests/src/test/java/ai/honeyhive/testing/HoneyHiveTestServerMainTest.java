package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test server run on its own: its command line, what it prints, and that it never prints a key. */
class HoneyHiveTestServerMainTest {
  private static final String KEY = "hh-standalone-secret-4711";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Integer> exits = new ArrayList<>();
  private HoneyHiveTestServerMain running;

  @AfterEach
  void close() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void printsItsUrlAndHowToPointClientsAtIt() {
    running = launch("--port", "0");
    int port = running.server().port();

    assertThat(port).isPositive();
    assertThat(stdout())
        .startsWith("HoneyHive test server listening on http://127.0.0.1:" + port + "\n")
        .contains("HH_API_URL=http://127.0.0.1:" + port + " HH_API_KEY=anything")
        .contains("HH_DATA_PLANE_URL=http://127.0.0.1:" + port + " HH_API_KEY=anything")
        .contains("Sessions are printed as trees after 1000 ms without new events");
    assertThat(exits).isEmpty();
    assertThat(stderr()).isEmpty();
  }

  @Test
  void listensOnTheChosenPort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    running = launch("--port=" + port);

    assertThat(running.server().port()).isEqualTo(port);
    assertThat(stdout()).contains("http://127.0.0.1:" + port);
  }

  @Test
  void aSessionOfTheJavaClientIsPrintedAsATreeOnceItWentQuiet() {
    running = launch("--port", "0", "--quiet-period", "200");
    String sessionId;
    try (HoneyHive hh = HoneyHive.builder().apiKey("any-key").baseUrl(running.server().baseUrl())
        .deliveryMode(DeliveryMode.SYNCHRONOUS).build()) {
      Session session = hh.session("support-chat").start();
      try (Span answer = session.chain("answer").start()) {
        answer.tool("vector-search").log();
        answer.model("gpt-4o").log();
      }
      session.end();
      sessionId = session.sessionId();
    }

    awaitStdout(text -> text.contains("session " + sessionId));

    assertThat(withoutDurations(stdout())).contains(""
        + "] session " + sessionId + ", 4 events\n"
        + "session \"support-chat\"\n"
        + "└── chain \"answer\"\n"
        + "    ├── tool \"vector-search\"\n"
        + "    └── model \"gpt-4o\"\n"
        + "\n");
  }

  @Test
  void aRefusedRequestIsPrintedAsItArrives() {
    running = launch("--port", "0");
    try (Http http = new Http(running.server())) {
      http.post("/v1/events", Map.of("event_type", "banana", "inputs", Map.of()));
    }

    awaitStdout(text -> text.contains("invalid request"));

    assertThat(stdout()).containsPattern("\\[\\d\\d:\\d\\d:\\d\\d] invalid request: POST /v1/events \\(createEvent\\)"
        + " -> 400: \\[validation.request.body.schema.enum] event_type: Instance value \\(\"banana\"\\) not found");
  }

  @Test
  void theApiKeyIsNeverPrinted() {
    running = launch("--port", "0", "--api-key", KEY, "--quiet-period", "0");
    try (Http http = new Http(running.server())) {
      http.post("/v1/sessions", Map.of("session_name", "checkout"));
      http.post("/v1/events", Map.of("event_type", KEY, "inputs", Map.of()));
      http.send("POST", "/v1/events", Map.of("event_type", "tool", "inputs", Map.of()), "Bearer not-" + KEY);
    }
    awaitStdout(text -> text.contains("refused"));
    running.close();

    assertThat(stdout())
        .contains("HH_API_KEY=<the --api-key>")
        .contains("API key: only the one given with --api-key")
        .contains("refused: POST /v1/events (createEvent) -> 401: the bearer token is not the --api-key")
        .contains("Instance value (\"<redacted>\") not found")
        .contains("session \"checkout\"")
        .contains("Stopped after 3 requests")
        .doesNotContain(KEY);
  }

  @Test
  void aMistypedFlagDoesNotEchoItsValue() {
    assertThat(launch("--api-kye=" + KEY)).isNull();

    assertThat(exits).containsExactly(2);
    assertThat(stderr()).startsWith("honeyhive-test-server: unknown option: --api-kye\n").doesNotContain(KEY);
    assertThat(launch(KEY)).isNull();
    assertThat(stderr()).contains("unexpected argument #1: options start with --").doesNotContain(KEY);
  }

  @Test
  void aPortThatIsNotANumberFailsWithTheUsage() {
    assertUsageError(new String[] {"--port", "abc"}, "--port must be a number in 0..65535: abc");
  }

  @Test
  void aPortOutOfRangeFailsWithTheUsage() {
    assertUsageError(new String[] {"--port", "70000"}, "--port must be a number in 0..65535: 70000");
  }

  @Test
  void anUnknownFlagFailsWithTheUsage() {
    assertUsageError(new String[] {"--verbose"}, "unknown option: --verbose");
  }

  @Test
  void aFlagWithoutItsValueFailsWithTheUsage() {
    assertUsageError(new String[] {"--port", "0", "--host"}, "--host needs a value");
  }

  @Test
  void aMissingSpecFileAndANegativeQuietPeriodFailWithTheUsage() {
    assertUsageError(new String[] {"--spec", "no/such/spec.yaml"}, "--spec is not a readable file: no/such/spec.yaml");
    assertUsageError(new String[] {"--quiet-period", "-1"}, "--quiet-period must not be negative: -1");
  }

  @Test
  void helpPrintsTheUsageAndExitsWithZero() {
    assertThat(launch("--help")).isNull();

    assertThat(exits).containsExactly(0);
    assertThat(stdout()).startsWith("Usage: java -jar honeyhive-test-server-<version>-standalone.jar [options]\n")
        .contains("--port N", "--host ADDRESS", "--api-key KEY", "--spec FILE", "--quiet-period MS");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void aPortInUseExitsWithOneAndSaysSo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(launch("--port", String.valueOf(taken.getLocalPort()))).isNull();

      assertThat(exits).containsExactly(1);
      assertThat(stderr()).startsWith("honeyhive-test-server: could not start: could not start the HoneyHive test"
          + " server on 127.0.0.1 port " + taken.getLocalPort())
          .contains("Is port " + taken.getLocalPort() + " in use? Pass --port with another port, or --port 0");
    }
  }

  @Test
  void everyInterfaceIsAnExplicitChoice() {
    running = launch("--port", "0", "--host", "0.0.0.0");

    assertThat(stdout()).contains("HoneyHive test server listening on http://127.0.0.1:" + running.server().port()
        + " (and on every interface: from a container, http://host.docker.internal:" + running.server().port() + ")");
  }

  @Test
  void closeStopsTheServerAndPrintsASummary() {
    running = launch("--port", "0", "--quiet-period", "60000");
    try (Http http = new Http(running.server())) {
      http.post("/v1/sessions", Map.of("session_name", "late"));
    }

    running.close();
    running.close();

    assertThat(stdout()).contains("session \"late\"").endsWith("Stopped after 1 request, 1 session, 0 validation"
        + " errors.\n");
    try (Http http = new Http(running.server())) {
      assertThatThrownBy(() -> http.post("/v1/sessions", Map.of("session_name", "after"))).isInstanceOf(
          UncheckedIOException.class);
    }
  }

  private void assertUsageError(String[] args, String message) {
    exits.clear();
    err.reset();
    assertThat(launch(args)).isNull();

    assertThat(exits).containsExactly(2);
    assertThat(stderr()).isEqualTo("honeyhive-test-server: " + message + "\n\n" + StandaloneOptions.USAGE);
    assertThat(stdout()).isEmpty();
  }

  private HoneyHiveTestServerMain launch(String... args) {
    return HoneyHiveTestServerMain.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemDefaultZone(), exits::add);
  }

  private void awaitStdout(Predicate<String> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.test(stdout())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not printed within 10 s; printed:\n" + stdout());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static String withoutDurations(String text) {
    return Pattern.compile(" \\d+\\.\\d ms").matcher(text).replaceAll("");
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
