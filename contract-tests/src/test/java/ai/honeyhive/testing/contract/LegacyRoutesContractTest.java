package ai.honeyhive.testing.contract;

import static ai.honeyhive.testing.contract.CurrentRoutesContractTest.operations;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.Event;
import ai.honeyhive.EventFilter;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.RouteFamily;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.StoredEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ergonomic client on the deprecated routes ({@link RouteFamily#LEGACY}); reads stay on {@code /v1}. */
class LegacyRoutesContractTest implements ContractTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE = HoneyHiveTestServerExtension.builder()
      .client(client -> client.routeFamily(RouteFamily.LEGACY).deliveryMode(DeliveryMode.SYNCHRONOUS))
      .build();

  @Test
  void aTracedConversationUsesTheWrappedLegacyRoutes(HoneyHive hh, HoneyHiveTestServer server) {
    Session session = hh.session("support-chat").userProperties(Map.of("plan", "pro")).start();
    String model = session.model("gpt-4o").message("user", "Hi").completion("Hello!").log();
    try (Span chain = session.chain("answer").start()) {
      chain.tool("vector-search").inputs(Map.of("q", "hi")).log();
    }
    session.feedback(Map.of("rating", 5));
    session.end();

    assertThat(operations(server)).containsExactly("startSessionLegacy", "createModelEventLegacy",
        "createEventLegacy", "createEventLegacy", "updateEventLegacy", "updateEventLegacy");
    assertThat(server.sessionTree(session.sessionId()).outline()).isEqualTo(""
        + "session \"support-chat\"\n"
        + "├── model \"gpt-4o\"\n"
        + "└── chain \"answer\"\n"
        + "    └── tool \"vector-search\"\n");
    StoredEvent modelEvent = server.event(model).orElseThrow();
    assertThat(modelEvent.eventType()).isEqualTo("model");
    assertThat(modelEvent.config()).containsEntry("model", "gpt-4o");
    assertThat(modelEvent.outputs()).containsEntry("content", "Hello!");
    assertThat(server.event(session.sessionId()).orElseThrow().feedback()).isEqualTo(Map.of("rating", 5));
  }

  @Test
  void readsOfALegacyClientGoToTheCurrentRoutes(HoneyHive hh, HoneyHiveTestServer server) {
    Session session = hh.session("lookup").start();
    String id = session.tool("fetch").inputs(Map.of("url", "https://example.com")).log();

    Event read = hh.getEvent(id);
    List<Event> found = hh.searchEvents().filter(EventFilter.field("event_name").is("fetch")).fetch().events();

    assertThat(read.name()).isEqualTo("fetch");
    assertThat(found).extracting(Event::eventId).containsExactly(id);
    assertThat(operations(server))
        .containsExactly("startSessionLegacy", "createEventLegacy", "getEvent", "searchEvents");
  }
}
