package ai.honeyhive.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.CurrentScope;
import ai.honeyhive.EventScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.RunComparison;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.ServerFault;
import ai.honeyhive.testing.SessionTree;
import ai.honeyhive.testing.StoredEvent;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the README's snippets ({@link ReadmeSnippets}) against the test server and checks that they do what the README
 * says. Snippets that read the environment ({@code HoneyHive.fromEnv()}) find the server in the {@code HH_API_KEY} and
 * {@code HH_API_URL} system properties, which the client prefers to environment variables.
 */
@ExtendWith(HoneyHiveTestServerExtension.class)
class ReadmeSnippetsTest {
  private static final List<String> PROPERTIES = List.of("HH_API_KEY", "HH_API_URL");

  private final ReadmeSnippets snippets = new ReadmeSnippets();

  @BeforeEach
  void pointTheEnvironmentAt(HoneyHiveTestServer server) {
    System.setProperty("HH_API_KEY", server.apiKey());
    System.setProperty("HH_API_URL", server.baseUrl());
  }

  @AfterEach
  void clearTheEnvironment() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void writingEventsMakesOneSessionWithItsModelChainAndTool(HoneyHiveTestServer server) {
    String sessionId = snippets.writeEvents("How do I reset my API key?", "Rotate it in Settings.");

    assertThat(server.sessionTree(sessionId).outline()).isEqualTo("""
        session "support-chat"
        ├── model "gpt-4o"
        ├── chain "answer"
        │   └── tool "vector-search"
        └── tool "create-ticket"
        """);
    assertThat(server.event(sessionId).orElseThrow().feedback()).isEqualTo(Map.of("rating", 5));
    assertThat(server.eventsOfType("model")).singleElement()
        .satisfies(model -> assertThat(model.metadata()).containsEntry("total_tokens", 58));
    assertThat(server.eventsOfType("tool")).filteredOn(tool -> tool.eventName().equals("create-ticket"))
        .singleElement().extracting(StoredEvent::error).isEqualTo("ticket service down");
  }

  @Test
  void anImportedSessionArrivesWholeInOneRequest(HoneyHive hh, HoneyHiveTestServer server) throws Exception {
    String sessionId = snippets.importSession(hh, Instant.parse("2024-11-21T08:00:00Z")).get(30, TimeUnit.SECONDS);

    assertThat(server.sessionTree(sessionId).outline()).isEqualTo("""
        session "support-chat"
        └── chain "answer"
            └── model "gpt-4o"
        """);
    assertThat(server.exchanges()).hasSize(1);
  }

  @Test
  void aSpanHandedToAnotherThreadNestsWhatThatThreadLogs(HoneyHive hh, HoneyHiveTestServer server)
      throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    Session session = hh.session("support-chat").start();
    try {
      snippets.spansAcrossThreads(session, "How do I reset my API key?", executor);
    } finally {
      executor.shutdownNow();
    }

    // The two run at once, so either may start first: the tree's order is not fixed.
    SessionTree tree = server.sessionTree(session.sessionId());
    assertThat(tree.root().children()).singleElement().satisfies(chain -> {
      assertThat(chain.name()).isEqualTo("answer");
      assertThat(chain.children()).extracting(SessionTree.Node::name)
          .containsExactlyInAnyOrder("vector-search", "gpt-4o");
    });
  }

  @Test
  void readingBackGetsAnEventAndSearchesWithFilters(HoneyHive hh) {
    Session session = hh.session("support-chat").start();
    String expensive = session.model("gpt-4o").message("user", "hi").cost(0.01).log();
    session.model("gpt-4o-mini").message("user", "hi").cost(0.001).log();
    hh.flush(Duration.ofSeconds(10));

    assertThat(snippets.readBack(hh, expensive)).containsExactly("gpt-4o", "gpt-4o 0.01");
  }

  @Test
  void updatesMergeIntoTheEventTheSessionAndASessionStartedElsewhere(HoneyHive hh, HoneyHiveTestServer server) {
    Session session = hh.session("support-chat").start();
    Session elsewhere = hh.session("started-elsewhere").start();
    String eventId = session.model("gpt-4o").message("user", "hi").log();
    hh.flush(Duration.ofSeconds(10));

    snippets.update(hh, session, eventId, elsewhere.sessionId());

    assertThat(server.event(eventId).orElseThrow()).satisfies(event -> {
      assertThat(event.feedback()).isEqualTo(Map.of("rating", 5));
      assertThat(event.metrics()).isEqualTo(Map.of("helpful", true));
    });
    assertThat(server.event(session.sessionId()).orElseThrow().metadata()).containsEntry("resolved", true);
    assertThat(server.event(elsewhere.sessionId()).orElseThrow().feedback()).isEqualTo(Map.of("csat", 4));
  }

  @Test
  void aCalledServiceContinuesTheTraceUnderTheCallingSpan(HoneyHive hh, HoneyHiveTestServer server)
      throws Exception {
    HttpServer inventory = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    inventory.createContext("/stock", exchange -> {
      try (exchange) {
        snippets.handle(hh, exchange, "sku-42");
      }
    });
    inventory.start();
    Session session = hh.session("checkout").start();
    try (Span chain = session.chain("reserve").start()) {
      snippets.inject(chain, HttpUrl.get("http://127.0.0.1:" + inventory.getAddress().getPort() + "/stock"));
    } finally {
      inventory.stop(0);
    }

    assertThat(server.sessionTree(session.sessionId()).outline()).isEqualTo("""
        session "checkout"
        └── chain "reserve"
            └── tool "call inventory"
                └── tool "stock-lookup"
        """);
  }

  @Test
  void openTelemetrySpansBecomeOneSessionPerTraceWithAHoneyHiveSpanInside(HoneyHive hh, HoneyHiveTestServer server) {
    SdkTracerProvider tracing = snippets.openTelemetry(hh);
    Tracer tracer = tracing.get("support-bot");
    io.opentelemetry.api.trace.Span handler = tracer.spanBuilder("POST /chat").setSpanKind(SpanKind.SERVER).startSpan();
    io.opentelemetry.context.Scope scope = handler.makeCurrent();
    String sessionId;
    try {
      Session session = hh.session("support-chat").start(); // joins the trace
      sessionId = session.sessionId();
      Instant chatStart = Instant.now().minusMillis(50); // before the chain, so the tree's order is fixed
      tracer.spanBuilder("chat gpt-4o").setAttribute("gen_ai.operation.name", "chat")
          .setAttribute("gen_ai.request.model", "gpt-4o").setAttribute("gen_ai.usage.input_tokens", 12L)
          .setStartTimestamp(chatStart).startSpan().end(chatStart.plusMillis(20));
      session.chain("answer").run(chain -> chain.tool("vector-search").log());
    } finally {
      scope.close();
      handler.end();
    }
    tracing.close(); // flushes the exporter and the client

    assertThat(server.sessionTree(sessionId).outline()).isEqualTo("""
        session "support-chat"
        └── tool "POST /chat"
            ├── model "chat gpt-4o"
            └── chain "answer"
                └── tool "vector-search"
        """);
    assertThat(server.eventsOfType("model").get(0).metadata()).containsEntry("input_tokens", 12);
  }

  @Test
  void anExperimentRunsAsAHoneyHiveRunAndComparesWithThePreviousOne(HoneyHive hh, HoneyHiveTestServer server) {
    String previous = hh.experiment("support-bot-v1").progressLine(false)
        .dataset(List.of(
            Map.of("inputs", Map.of("question", "How do I reset my API key?"), "ground_truth", Map.of("doc", "api-key")),
            Map.of("inputs", Map.of("question", "Where are my traces?"), "ground_truth", Map.of("doc", "sessions"))))
        .task(datapoint -> Map.of("answer", "no idea"))
        .evaluator("cites_doc", (output, inputs, truth) -> false)
        .run().runId();

    RunComparison change = snippets.experiment(hh, previous);

    assertThat(change.commonDatapoints()).hasSize(2);
    assertThat(change.metrics()).singleElement().satisfies(metric -> {
      assertThat(metric.name()).isEqualTo("cites_doc");
      assertThat(metric.oldValue()).isEqualTo(0.0);
      assertThat(metric.newValue()).isEqualTo(0.5);
    });
    assertThat(server.sessionIds()).hasSize(4);
  }

  @Test
  void aServerlessHandlerHasDeliveredItsEventsWhenItReturns(HoneyHive hh, HoneyHiveTestServer server) {
    Session caller = hh.session("checkout").start();
    Map<String, String> headers = new HashMap<>();
    caller.injectHeaders(headers);
    try {
      Map<String, Object> answer = new InventoryFunction().handleRequest(headers, "sku-42");

      assertThat(answer).isEqualTo(Map.of("in_stock", 6));
      assertThat(InventoryFunction.HH.stats().queued()).isZero();
      assertThat(server.eventsInSession(caller.sessionId())).extracting(StoredEvent::eventName)
          .contains("stock-lookup");
    } finally {
      InventoryFunction.HH.close();
    }
  }

  @Test
  void aMissingEventIsNotFound(HoneyHive hh) {
    assertThat(snippets.errors(hh, UUID.randomUUID().toString())).isEqualTo("no such event");
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesIsARateLimitExceptionWithItsRetryAfter() {
    try (HoneyHiveTestServer limited = HoneyHiveTestServer.builder()
            .faults(FaultPlan.builder(ServerFault.rateLimited(Duration.ofSeconds(3))).operations("getEvent").build())
            .start();
        HoneyHive hh = limited.clientBuilder().maxRetries(0).build()) {
      assertThat(snippets.errors(hh, UUID.randomUUID().toString())).isEqualTo("rate limited, retry after PT3S");
    }
  }

  @Test
  void theSpanApiEnrichesHandsOverAndFollowsTasksAsTheReadmeSays(HoneyHive hh, HoneyHiveTestServer server)
      throws Exception {
    Session session = hh.session("support-chat").start();
    String question = "How do I reset my API key?";
    assertThat(snippets.enrichTheCurrentSpan(session, question)).startsWith("From kb/reset-api-key.md");
    assertThat(snippets.answerWithDocs(question)).as("no span current: a no-op").isNotEmpty();
    assertThat(snippets.modelSpan(session, question)).isNotEmpty();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      snippets.contextInExecutors(session, question, executor);
    } finally {
      executor.shutdownNow();
    }
    assertThatThrownBy(() -> snippets.spanError(session, null)).isInstanceOf(NullPointerException.class);
    snippets.sessionAndSpanErrors(hh, "SKU-1");

    assertThat(server.sessionTree(session.sessionId()).outline()).isEqualTo("""
        session "support-chat"
        ├── chain "answer"
        ├── model "gpt-4o"
        ├── chain "answer"
        │   └── tool "vector-search"
        └── tool "stock-lookup"
        """);
    assertThat(server.eventsOfType("chain")).anySatisfy(chain -> assertThat(chain.metadata()).containsEntry("docs", 2));
    assertThat(server.eventsOfType("model")).singleElement().satisfies(model -> {
      assertThat(model.metadata()).containsEntry("total_tokens", 58);
      assertThat(model.outputs()).containsEntry("content", "From kb/reset-api-key.md: rotate the key in Settings.");
    });
    assertThat(server.eventsOfType("tool")).filteredOn(tool -> tool.eventName().equals("stock-lookup"))
        .filteredOn(tool -> tool.error() != null).singleElement()
        .satisfies(tool -> assertThat(tool.error()).contains("NullPointerException"));
    assertThat(server.sessionIds()).hasSize(2); // the try-with-resources session, ended by close()
  }

  @Test
  void theCurrentScopeIsTheSpanOfACallBodyAndDoesNotFollowATaskToAnotherThread(HoneyHive hh) throws Exception {
    Session session = hh.session("support-chat").start();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Span chain = session.chain("answer").start()) {
      assertThat(EventScope.current()).as("start() alone").isEmpty();
      chain.tool("vector-search").run(() -> {
        assertThat(EventScope.current()).get().isInstanceOf(Span.class).isNotSameAs(chain);
        assertThat(executor.submit(EventScope::current).get()).as("in another thread's task").isEmpty();
      });
      try (CurrentScope current = chain.makeCurrent()) {
        assertThat(EventScope.current()).containsSame(chain);
      }
      assertThat(EventScope.current()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aServiceRunsAgainstTheSpecOfThePinnedJar() throws Exception {
    snippets.pinning();
  }
}
