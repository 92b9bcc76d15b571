package ai.honeyhive.testing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.RouteFamily;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.SessionTree;
import ai.honeyhive.testing.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batched delivery mode against the spec-validating test server, on both route families: every request it makes
 * conforms to the spec, and the traces it sends arrive whole, each event once.
 */
class BatchedRoutesContractTest {
  @ParameterizedTest
  @EnumSource(RouteFamily.class)
  void aTraceSentInBatchesArrivesWholeAndEveryRequestConforms(RouteFamily routes) {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start();
         HoneyHive hh = server.clientBuilder()
             .deliveryMode(DeliveryMode.BATCHED)
             .routeFamily(routes)
             .shutdownHook(false)
             .maxBatchDelay(Duration.ofHours(1))
             .build()) {
      List<Session> sessions = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        Session session = hh.session("chat-" + s).userProperties(Map.of("user_id", "u-" + s)).start();
        sessions.add(session);
        ids.add(session.sessionId());
      }
      for (Session session : sessions) {
        ids.add(session.model("gpt-4o").message("user", "hi").completion("hello").usage(3, 1).log());
        try (Span chain = session.chain("answer").inputs(Map.of("q", "reset key")).start()) {
          ids.add(chain.eventId());
          ids.add(chain.tool("vector-search").inputs(Map.of("q", "reset key")).log());
          chain.outputs(Map.of("answer", "rotate it"));
        }
      }
      sessions.forEach(session -> session.feedback(Map.of("rating", 5)));
      sessions.forEach(Session::end);

      DeliveryReport report = hh.flush(Duration.ofSeconds(30));

      // 3 session starts, 9 events, 3 feedback updates, 3 session ends
      assertThat(List.of(report.sent(), report.failed(), report.dropped(), report.pending()))
          .containsExactly(18L, 0L, 0L, 0L);
      assertThat(server.validationErrors()).isEmpty();
      ids.forEach(id -> assertThat(server.deliveryCount(id)).as(id).isEqualTo(1));
      assertThat(server.exchanges()).extracting(RecordedExchange::toString)
          .anyMatch(line -> line.contains(routes == RouteFamily.LEGACY ? "/events/batch" : "/v1/events/batch"));
      for (Session session : sessions) {
        SessionTree tree = server.sessionTree(session.sessionId());
        assertThat(tree.size()).isEqualTo(4);
        assertThat(tree.root().children()).extracting(SessionTree.Node::name)
            .containsExactlyInAnyOrder("gpt-4o", "answer");
        assertThat(tree.root().children()).noneMatch(SessionTree.Node::parentMissing);
        assertThat(tree.root().children()).filteredOn(node -> node.name().equals("answer")).singleElement()
            .satisfies(chain -> assertThat(chain.children()).extracting(SessionTree.Node::name)
                .containsExactly("vector-search"));
        StoredEvent root = server.event(session.sessionId()).orElseThrow();
        assertThat(root.feedback()).isEqualTo(Map.of("rating", 5));
        assertThat(root.endTime()).isNotNull();
      }
    }
  }
}
