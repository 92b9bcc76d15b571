package com.example.supportbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.StoredEvent;
import com.example.supportbot.SupportBot.Answer;
import com.example.supportbot.SupportBot.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service's own HoneyHive calls, tested against a local HoneyHive that validates every request against the
 * pinned spec: a request the real API (at that spec version) would reject fails the test.
 */
class SupportBotTracingTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE = HoneyHiveTestServerExtension.builder()
      .server(server -> server.spec(PinnedSpec.open()))
      .build();

  private static final String QUESTION = "How do I reset my API key?";
  private static final List<String> DOCS = List.of("API keys are reset under Settings > API keys.");

  @Test
  void anAnswerIsTracedAsOneSessionWithTheSearchAndTheModelCallInsideTheChain(HoneyHive hh,
      HoneyHiveTestServer server) {
    SupportBot bot = new SupportBot(hh, query -> DOCS,
        (question, context) -> new Reply("Open Settings > API keys and click Reset.", 35, 12));

    Answer answer = bot.answer("u-42", QUESTION);

    assertThat(answer.text()).isEqualTo("Open Settings > API keys and click Reset.");
    assertThat(server.sessionTree(answer.sessionId()).outline()).isEqualTo("""
        session "support-chat"
        └── chain "answer"
            ├── tool "vector-search"
            └── model "gpt-4o"
        """);
    StoredEvent model = server.eventsOfType("model").get(0);
    assertThat(model.config()).containsEntry("model", "gpt-4o");
    assertThat(model.outputs()).containsEntry("content", answer.text());
    assertThat(model.metadata()).containsKeys("prompt_tokens", "completion_tokens", "total_tokens");
    assertThat(server.event(answer.sessionId()).orElseThrow().feedback()).containsEntry("answered", true);
    assertThat(server.duplicateDeliveries()).isEmpty();
  }

  @Test
  void aFailedSearchIsRecordedOnItsToolEventAndStillReachesTheCaller(HoneyHive hh, HoneyHiveTestServer server) {
    SupportBot bot = new SupportBot(hh, query -> {
      throw new IllegalStateException("search index offline");
    }, (question, context) -> new Reply("unused", 0, 0));

    assertThatThrownBy(() -> bot.answer("u-7", QUESTION))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("search index offline");
    assertThat(server.eventsOfType("tool")).singleElement()
        .extracting(StoredEvent::error).asString().contains("search index offline");
    assertThat(server.eventsOfType("chain")).singleElement()
        .extracting(StoredEvent::error).asString().contains("search index offline");
    assertThat(server.eventsOfType("model")).isEmpty();
    assertThat(server.eventsOfType("session")).singleElement()
        .extracting(StoredEvent::endTime).as("the session was ended all the same").isNotNull();
  }
}
