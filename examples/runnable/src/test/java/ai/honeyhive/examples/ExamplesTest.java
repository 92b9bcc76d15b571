package ai.honeyhive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs each example against the embedded test server, whatever the environment says, and asserts the exact outline
 * of the sessions it produced: what the README's first command prints, checked on every build.
 */
class ExamplesTest extends EmbeddedExampleTest {


  @Test
  void synchronousLlmLogsEachModelCallAsOneRequest() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new SyncLlmExample(), backend, out);

    assertThat(sessions).hasSize(1);
    assertThat(server.sessionTree(sessions.get(0)).outline()).isEqualTo("""
        session "support-chat"
        ├── model "gpt-4o"
        └── model "gpt-4o"
        """);
    assertThat(text()).contains("requests: POST /v1/sessions ×1, POST /v1/events ×2, PUT /v1/events/{id} ×1");
  }

  @Test
  void synchronousLlmAndToolLogsToolsNextToTheModel() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new SyncLlmToolExample(), backend, out);

    assertThat(server.sessionTree(sessions.get(0)).outline()).isEqualTo("""
        session "support-agent"
        ├── tool "vector-search"
        ├── model "gpt-4o"
        └── tool "create-ticket"
        """);
    assertThat(server.eventsOfType("model")).singleElement()
        .satisfies(model -> assertThat(model.config()).containsEntry("model", "gpt-4o"));
  }

  @Test
  void asynchronousPerSessionSendsEachSessionWhenItCompletes() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new AsyncPerSessionExample(), backend, out);

    assertThat(sessions).hasSize(3).doesNotHaveDuplicates();
    for (String session : sessions) {
      assertThat(server.sessionTree(session).outline()).isEqualTo("""
          session "order-status"
          ├── tool "order-lookup"
          └── model "gpt-4o"
          """);
    }
    assertThat(text().lines().filter(line -> line.startsWith("session for A-100")))
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).contains("0 pending"));
  }

  @Test
  void asynchronousBatchingSendsHundredsOfSessionsInAFewRequests() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new AsyncBatchExample(), backend, out);

    assertThat(sessions).hasSize(AsyncBatchExample.SESSIONS).doesNotHaveDuplicates();
    Map<String, Long> outlines = sessions.stream()
        .collect(Collectors.groupingBy(id -> server.sessionTree(id).outline(), Collectors.counting()));
    assertThat(outlines).containsExactly(Map.entry("""
        session "order-status"
        ├── tool "order-lookup"
        └── model "gpt-4o"
        """, (long) AsyncBatchExample.SESSIONS));
    assertThat(server.events()).hasSize(AsyncBatchExample.SESSIONS * 3);
    // The events of 100 sessions per flush travel in one batch request: 3 flushes, 3 batches for 500 events.
    assertThat(server.exchanges()).filteredOn(exchange -> exchange.path().equals("/v1/events/batch"))
        .hasSize(3);
    assertThat(text()).contains("after 250 sessions: flushed", "... and 248 more sessions; all 250 have the outline");
  }

  @Test
  void nestedSpansNestChainsToolsAndModels() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new NestedSpansExample(), backend, out);

    assertThat(server.sessionTree(sessions.get(0)).outline()).isEqualTo("""
        session "research-agent"
        └── chain "answer-question"
            ├── model "gpt-4o-mini"
            ├── chain "research"
            │   ├── tool "web-search"
            │   ├── tool "web-search"
            │   └── tool "fetch-page"
            └── model "gpt-4o"
        """);
    assertThat(byName().get("fetch-page").error()).isEqualTo("java.io.IOException: connect timed out");
  }

  @Test
  void distributedTracingJoinsBothServicesIntoOneSessionNestedUnderTheCallingSpan() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new DistributedTracingExample(), backend, out);

    String session = sessions.get(0);
    assertThat(server.sessionTree(session).outline()).isEqualTo("""
        session "service-a /ask"
        ├── chain "answer-question"
        │   ├── tool "call service-b /retrieve"
        │   │   └── chain "service-b /retrieve"
        │   │       ├── tool "vector-search"
        │   │       └── model "gpt-4o-mini"
        │   └── model "gpt-4o"
        └── tool "audit-log"
        """);
    assertThat(server.sessionIds()).containsExactly(session);
    Map<String, StoredEvent> events = byName();
    StoredEvent callingSpan = events.get(DistributedTracingExample.CALL_SPAN);
    StoredEvent serviceBChain = events.get(DistributedTracingExample.RETRIEVE_CHAIN);
    assertThat(callingSpan.source()).isEqualTo("service-a");
    assertThat(serviceBChain.source()).isEqualTo("service-b");
    assertThat(serviceBChain.sessionId()).isEqualTo(session);
    assertThat(serviceBChain.parentId()).isEqualTo(callingSpan.eventId());
    assertThat(events.get("audit-log").parentId()).isEqualTo(session);
    assertThat(events.get("audit-log").source()).isEqualTo("service-b");
    assertThat(text())
        .contains("traceparent: 00-" + session.replace("-", "") + "-"
            + callingSpan.eventId().replace("-", "").substring(16) + "-01")
        .contains("baggage: session_id=" + session + ",parent_id=" + callingSpan.eventId()
            + ",honeyhive_parent_id=" + callingSpan.eventId() + ",source=service-a,session_name=service-a%20/ask")
        .contains("parent_id " + callingSpan.eventId() + " = the event id of service-a's span");
  }

  @Test
  void readingBackFindsWhatEachOperatorPageAndDateRangeSelects() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new ReadBackExample(), backend, out);

    assertThat(server.sessionTree(sessions.get(0)).outline()).isEqualTo("""
        session "read-back"
        ├── model "gpt-4o"
        ├── model "gpt-4o-mini"
        └── tool "track-parcel"
        """);
    assertThat(text()).contains(
        "read back by id: gpt-4o, feedback {rating=5}",
        "  is: [gpt-4o-mini, gpt-4o]",
        "  is not: [track-parcel, gpt-4o-mini, gpt-4o]",
        "  contains: [gpt-4o-mini]",
        "  not contains: [read-back, track-parcel]",
        "  greater than: [gpt-4o]",
        "  less than: [gpt-4o-mini]",
        "  after: [read-back, track-parcel, gpt-4o-mini]",
        "  before: [gpt-4o]",
        "  exists: [track-parcel]",
        "  not exists: [read-back, track-parcel, gpt-4o-mini]",
        "page 1 of 2 per page: 2 events, 4 in all, more: true",
        "every page, 2 at a time: [read-back, track-parcel, gpt-4o-mini, gpt-4o]",
        "started from T0+2.5s on (open end): [read-back, track-parcel, gpt-4o-mini]",
        "started up to T0+2.5s (open start): [gpt-4o]",
        "started between T0+1s and T0+3s: [gpt-4o-mini, gpt-4o]");
    assertThat(server.exercisedOperationIds()).contains("createSession", "createSessionEventBatch", "updateEvent",
        "getEvent", "searchEvents");
  }

  @Test
  void runAllRunsEveryExampleAndPrintsTheirTrees() throws Exception {
    RunAllExamples.runAll(backend, out);

    assertThat(text())
        .contains("== 1. ", "== 2. ", "== 3. ", "== 4. ", "== 5. ", "== 6. ", "== 7. ", "== 8. ", "== 9. ",
            "== 10. ", "== 11. ")
        .contains("└── chain \"spring_ai.chat_client\" ", "└── chain \"SupportAgent.answer\" ",
            "    ├── tool \"orderStatus\" ")
        .contains("        └── tool \"GET /kb/search\" ")
        .contains("comparison of support-bot-grounded with support-bot-terse on 4 common datapoints:",
            "  mentions_keyword   0.25 ->   1.00")
        .contains("session \"support-chat\" ", "│   │   └── chain \"service-b /retrieve\" ")
        .contains("Done: every request conformed to the OpenAPI spec.");
  }

  @Test
  void theExamplesReadmeDescribesEveryExampleTheCommandRuns() throws Exception {
    // The module's README (surefire runs in the module's directory): one row of its table per example.
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    assertThat(RunAllExamples.all()).allSatisfy(example ->
        assertThat(readme).contains("| `" + example.getClass().getSimpleName() + "` |"));
  }

  @Test
  void withAnApiKeyTheExamplesSendThroughTheEnvironmentAndReadTheTreeBackBySearch() throws Exception {
    // Stands in for HoneyHive: HH_API_KEY and HH_API_URL point the "real API" mode at the embedded server.
    System.setProperty("HH_API_KEY", server.apiKey());
    System.setProperty("HH_API_URL", server.baseUrl());
    try (Backend real = Backend.fromEnvironment().pollEvery(java.time.Duration.ofMillis(20))) {
      assertThat(real.server()).isEmpty();
      assertThat(real.describe()).contains("HH_API_KEY is set");

      List<String> sessions = RunAllExamples.runOne(new NestedSpansExample(), real, out);

      String readBack = text().substring(text().indexOf("session \"research-agent\""));
      assertThat(readBack.replaceAll(" \\d+\\.\\d ms", "")).isEqualTo(
          server.sessionTree(sessions.get(0)).outline());
      assertThat(text()).contains("requests: (not observable against the real API)");
      assertThat(server.exchanges()).extracting(exchange -> exchange.operationId()).contains("searchEvents");
    } finally {
      System.clearProperty("HH_API_KEY");
      System.clearProperty("HH_API_URL");
    }
  }

  private Map<String, StoredEvent> byName() {
    return server.events().stream().filter(event -> !event.isSession())
        .collect(Collectors.toMap(StoredEvent::eventName, Function.identity(), (first, second) -> first));
  }

  private String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
