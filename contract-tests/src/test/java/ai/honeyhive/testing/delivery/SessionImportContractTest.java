package ai.honeyhive.testing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.ImportParent;
import ai.honeyhive.RouteFamily;
import ai.honeyhive.Session;
import ai.honeyhive.SessionImport;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.SessionTree;
import ai.honeyhive.testing.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Importing completed sessions ({@link HoneyHive#importSession}) against the spec-validating test server: each is one
 * conforming single-session batch that arrives as the right tree, and 100 of them cost 100 requests where the session
 * start and end of the usual way cost about twice that.
 */
class SessionImportContractTest {
  private static final Instant T0 = Instant.parse("2024-11-21T08:00:00Z");
  private static final int SESSIONS = 100;

  private static HoneyHive batchedClient(HoneyHiveTestServer server, RouteFamily routes) {
    return server.clientBuilder()
        .deliveryMode(DeliveryMode.BATCHED)
        .routeFamily(routes)
        .shutdownHook(false)
        .maxBatchDelay(Duration.ofHours(1))
        .build();
  }

  /** Logs session {@code s}'s five events: a chain holding a search, a model call and a check, then a log line. */
  private static void importFiveEvents(SessionImport imported, Instant start) {
    String chain = imported.chain("answer").startTime(start.plusMillis(100)).endTime(start.plusMillis(2_400))
        .inputs(Map.of("q", "reset key?")).log();
    ImportParent inChain = imported.under(chain);
    inChain.tool("vector-search").startTime(start.plusMillis(150)).endTime(start.plusMillis(400)).log();
    inChain.model("gpt-4o").startTime(start.plusMillis(450)).endTime(start.plusMillis(2_300))
        .message("user", "reset key?").completion("Rotate it in Settings").log();
    inChain.tool("policy-check").startTime(start.plusMillis(2_310)).endTime(start.plusMillis(2_390)).log();
    imported.tool("audit-log").startTime(start.plusMillis(2_500)).endTime(start.plusMillis(2_520)).log();
  }

  @ParameterizedTest
  @EnumSource(RouteFamily.class)
  void anImportedSessionIsOneConformingRequestAndArrivesAsItsTree(RouteFamily routes) throws Exception {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start(); HoneyHive hh = batchedClient(server, routes)) {
      SessionImport imported = hh.importSession("support-chat").startTime(T0)
          .userProperties(Map.of("user_id", "u-42")).metadata(Map.of("app_version", "2.3.1"));
      importFiveEvents(imported, T0);

      CompletableFuture<String> sessionId = imported.send();
      DeliveryReport report = hh.flush(Duration.ofSeconds(30));

      assertThat(List.of(report.sent(), report.failed(), report.dropped())).containsExactly(5L, 0L, 0L);
      assertThat(server.validationErrors()).isEmpty();
      assertThat(server.exchanges()).singleElement().extracting(RecordedExchange::path)
          .isEqualTo(routes == RouteFamily.LEGACY ? "/events/batch" : "/v1/events/batch");
      SessionTree tree = server.sessionTree(sessionId.get());
      assertThat(tree.outline()).isEqualTo(""
          + "session \"support-chat\"\n"
          + "├── chain \"answer\"\n"
          + "│   ├── tool \"vector-search\"\n"
          + "│   ├── model \"gpt-4o\"\n"
          + "│   └── tool \"policy-check\"\n"
          + "└── tool \"audit-log\"\n");
      StoredEvent session = server.event(sessionId.get()).orElseThrow();
      assertThat(session.startTime()).isEqualTo(T0.toEpochMilli());
      assertThat(session.userProperties()).isEqualTo(Map.of("user_id", "u-42"));
      assertThat(session.metadata()).isEqualTo(Map.of("app_version", "2.3.1"));
      StoredEvent search = server.eventsInSession(sessionId.get()).stream()
          .filter(event -> "vector-search".equals(event.eventName())).findFirst().orElseThrow();
      assertThat(search.startTime()).isEqualTo(T0.toEpochMilli() + 150);
    }
  }

  /**
   * The measurement of issue 12: 100 completed sessions of five events each, in the batched mode with its defaults
   * (maxBatchSize 100), the usual way (back-dated start, events, end) and imported.
   */
  @Test
  void importing100SessionsCostsOneRequestEachInsteadOfAStartAndAnEndEachPlusBatches() throws Exception {
    int before;
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start();
         HoneyHive hh = batchedClient(server, RouteFamily.CURRENT)) {
      for (int s = 0; s < SESSIONS; s++) {
        Instant start = T0.plusSeconds(60L * s);
        Session session = hh.session("chat-" + s).startTime(start).endTime(start.plusMillis(2_600))
            .userProperties(Map.of("user_id", "u-" + s)).start();
        for (int e = 0; e < 5; e++) {
          session.tool("step-" + e).startTime(start.plusMillis(100L * e)).endTime(start.plusMillis(100L * e + 50))
              .log();
        }
        session.end();
      }
      DeliveryReport report = hh.flush(Duration.ofSeconds(60));
      assertThat(report.failed() + report.dropped()).isZero();
      assertThat(server.validationErrors()).isEmpty();
      before = server.exchanges().size();
    }

    int after;
    List<CompletableFuture<String>> ids = new ArrayList<>();
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start();
         HoneyHive hh = batchedClient(server, RouteFamily.CURRENT)) {
      for (int s = 0; s < SESSIONS; s++) {
        Instant start = T0.plusSeconds(60L * s);
        SessionImport imported = hh.importSession("chat-" + s).startTime(start)
            .userProperties(Map.of("user_id", "u-" + s));
        importFiveEvents(imported, start);
        ids.add(imported.send());
      }
      DeliveryReport report = hh.flush(Duration.ofSeconds(60));
      assertThat(List.of(report.sent(), report.failed(), report.dropped())).containsExactly(500L, 0L, 0L);
      assertThat(server.validationErrors()).isEmpty();
      assertThat(server.sessionIds()).hasSize(SESSIONS);
      for (CompletableFuture<String> id : ids) {
        assertThat(server.sessionTree(id.get()).size()).isEqualTo(6);
      }
      after = server.exchanges().size();
    }

    System.out.printf("requests for %d completed sessions of 5 events: usual way %d, imported %d%n",
        SESSIONS, before, after);
    assertThat(after).isEqualTo(SESSIONS);
    assertThat(before).isGreaterThanOrEqualTo(2 * SESSIONS + 5); // A start and an end each, and the event batches.
  }
}
