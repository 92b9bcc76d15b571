package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.Event;
import ai.honeyhive.EventFilter;
import ai.honeyhive.EventPage;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ergonomic client on the current {@code /v1} routes, against the spec-validating server, in the synchronous
 * mode, so that each write takes its own single-event route (the batched routes are {@code BatchedRoutesContractTest}'s).
 */
class CurrentRoutesContractTest implements ContractTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE = HoneyHiveTestServerExtension.builder()
      .client(client -> client.deliveryMode(DeliveryMode.SYNCHRONOUS))
      .build();

  @Test
  void aTracedConversationArrivesAsOneSessionTree(HoneyHive hh, HoneyHiveTestServer server) {
    Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).source("contract")
        .start();
    String model = session.model("gpt-4o").provider("openai").temperature(0.2)
        .message("user", "How do I reset my API key?").completion("Open Settings > API Keys.")
        .usage(12, 8).cost(0.0001).log();
    String chain;
    try (Span span = session.chain("answer").inputs(Map.of("question", "reset key")).start()) {
      chain = span.eventId();
      span.tool("vector-search").inputs(Map.of("q", "reset key")).call(() -> List.of("kb-1042"));
      span.outputs(Map.of("answer", "Rotate it."));
    }
    session.feedback(Map.of("rating", 5));
    session.metadata(Map.of("resolved", true));
    session.end();

    assertThat(server.sessionTree(session.sessionId()).outline()).isEqualTo(""
        + "session \"support-chat\"\n"
        + "├── model \"gpt-4o\"\n"
        + "└── chain \"answer\"\n"
        + "    └── tool \"vector-search\"\n");
    StoredEvent stored = server.event(session.sessionId()).orElseThrow();
    assertThat(stored.feedback()).isEqualTo(Map.of("rating", 5));
    assertThat(stored.metadata()).isEqualTo(Map.of("resolved", true));
    assertThat(stored.userProperties()).isEqualTo(Map.of("user_id", "u-42"));
    assertThat(stored.childrenIds()).containsExactly(model, chain);
    assertThat(server.event(model).orElseThrow().config())
        .containsEntry("model", "gpt-4o").containsEntry("provider", "openai");
    assertThat(server.duplicateDeliveries()).isEmpty();
    assertThat(operations(server)).containsExactly(
        "createSession", "createEvent", "createEvent", "createEvent", "updateEvent", "updateEvent", "updateEvent");
    assertThat(server.validationErrors()).isEmpty();
  }

  @Test
  void anUpdateIsMergedAndReadBackWithGetEvent(HoneyHive hh, HoneyHiveTestServer server) {
    Session session = hh.session("review").start();
    String id = session.tool("lookup").inputs(Map.of("q", "x")).metadata(Map.of("attempt", 1))
        .outputs(Map.of("draft", "first")).log();

    hh.updateEvent(id).metadata(Map.of("reviewed", true)).feedback(Map.of("rating", 4))
        .metrics(Map.of("relevance", 0.9)).outputs(Map.of("final", "second")).send();
    Event event = hh.getEvent(id);

    assertThat(event.metadata()).isEqualTo(Map.of("attempt", 1, "reviewed", true));
    assertThat(event.outputs()).isEqualTo(Map.of("final", "second"));
    assertThat(event.feedback()).isEqualTo(Map.of("rating", 4));
    assertThat(event.metrics()).isEqualTo(Map.of("relevance", 0.9));
    assertThat(event.sessionId()).isEqualTo(session.sessionId());
    assertThat(operations(server)).containsExactly("createSession", "createEvent", "updateEvent", "getEvent");
  }

  @Test
  void searchPagesThroughTheMatchesNewestFirst(HoneyHive hh, HoneyHiveTestServer server) {
    Session session = hh.session("batch-job").start();
    Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    for (int i = 1; i <= 5; i++) {
      session.tool("step-" + i).startTime(t0.plusSeconds(i)).endTime(t0.plusSeconds(i).plusMillis(5)).log();
    }
    session.model("gpt-4o").startTime(t0.plusSeconds(9)).log();

    List<String> names = hh.searchEvents().filter(EventFilter.field("event_type").is("tool")).pageSize(2)
        .stream().map(Event::name).collect(Collectors.toList());
    EventPage second = hh.searchEvents().filter(EventFilter.field("event_type").is("tool"))
        .dateRange(t0, t0.plusSeconds(60)).pageSize(2).page(2).fetch();

    assertThat(names).containsExactly("step-5", "step-4", "step-3", "step-2", "step-1");
    assertThat(second.events()).extracting(Event::name).containsExactly("step-3", "step-2");
    assertThat(second.totalCount()).hasValue(5);
    assertThat(server.exchanges()).filteredOn(e -> "searchEvents".equals(e.operationId())).hasSize(4);
  }

  @Test
  void readingAnEventThatWasNeverStoredIsNotFound(HoneyHive hh, HoneyHiveTestServer server) {
    assertThatThrownBy(() -> hh.getEvent("0d9c3a3e-5a43-4b9e-9f60-2b0fd1c7a001"))
        .isInstanceOf(NotFoundException.class);

    RecordedExchange exchange = server.exchanges().get(0);
    assertThat(exchange.operationId()).isEqualTo("getEvent");
    assertThat(exchange.status()).isEqualTo(404);
    assertThat(exchange.requestErrors()).isEmpty();
    assertThat(exchange.responseErrors()).isEmpty();
  }

  static List<String> operations(HoneyHiveTestServer server) {
    return server.exchanges().stream().map(RecordedExchange::operationId).collect(Collectors.toList());
  }
}
