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
 * Runs {@link OpenTelemetryExample} against the embedded test server and asserts that the OpenTelemetry spans and
 * this client's spans form one session, each nested where it ran, and the session is started once.
 */
class OpenTelemetryExampleTest extends EmbeddedExampleTest {
  private List<String> sessions = List.of();


  @Test
  void openTelemetrySpansAndHoneyHiveSpansShareOneSessionNestedWhereTheyRan() throws Exception {
    sessions = RunAllExamples.runOne(new OpenTelemetryExample(), backend, out);

    assertThat(server.sessionIds()).containsExactlyElementsOf(sessions);
    assertThat(server.sessionTree(sessions.get(0)).outline()).isEqualTo("""
        session "support-chat"
        └── tool "POST /chat"
            ├── model "chat gpt-4o"
            ├── tool "execute_tool lookup_order"
            └── chain "answer"
                └── tool "GET /kb/search"
        """);
    assertThat(text()).contains("session \"support-chat\" ", "└── chain \"answer\" ",
        "= the OpenTelemetry trace id " + sessions.get(0).replace("-", ""));
  }

  @Test
  void theChatSpanBecomesAModelEventWithItsGenAiAttributesMapped() throws Exception {
    sessions = RunAllExamples.runOne(new OpenTelemetryExample(), backend, out);

    StoredEvent chat = byName().get("chat gpt-4o");
    assertThat(chat.eventType()).isEqualTo("model");
    assertThat(chat.config()).containsEntry("model", "gpt-4o").containsEntry("provider", "openai");
    assertThat(chat.metadata()).containsKeys("input_tokens", "output_tokens");
    assertThat(chat.inputs()).isNotEmpty();
    assertThat(chat.outputs()).isNotEmpty();
    assertThat(byName().get("execute_tool lookup_order").eventType()).isEqualTo("tool");
  }

  @Test
  void theHttpSpanStartedInsideTheHoneyHiveChainHasTheChainAsItsParent() throws Exception {
    sessions = RunAllExamples.runOne(new OpenTelemetryExample(), backend, out);

    Map<String, StoredEvent> events = byName();
    StoredEvent handler = events.get(OpenTelemetryExample.HANDLER_SPAN);
    StoredEvent chain = events.get("answer");
    assertThat(handler.sessionId()).isEqualTo(sessions.get(0));
    assertThat(chain.parentId()).isEqualTo(handler.eventId());
    assertThat(events.get(OpenTelemetryExample.HTTP_SPAN).parentId()).isEqualTo(chain.eventId());
    assertThat(events.get("chat gpt-4o").parentId()).isEqualTo(handler.eventId());
  }

  private Map<String, StoredEvent> byName() {
    return server.events().stream().filter(event -> !event.isSession())
        .collect(Collectors.toMap(StoredEvent::eventName, Function.identity(), (first, second) -> first));
  }

  private String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
