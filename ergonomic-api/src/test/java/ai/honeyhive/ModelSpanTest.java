package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A started model event keeps the model helpers until it ends. */
class ModelSpanTest {
  private final InMemoryClient hh = new InMemoryClient();
  private final Session session = hh.session();

  @Test
  void startReturnsAModelSpanWhoseHelpersRecordWhatTheModelAnswered() {
    try (ModelSpan llm = session.model("gpt-4o").provider("openai").message("user", "Where is my order?").start()) {
      llm.completion("On its way").usage(35, 23).cost(0.0012).temperature(0.2).maxTokens(256)
          .message("assistant", "On its way");
    }

    Event sent = hh.event("gpt-4o");
    assertThat(sent.getEventType()).isEqualTo(ai.honeyhive.client.model.EventType.MODEL);
    assertThat(sent.getOutputs()).containsEntry("role", "assistant").containsEntry("content", "On its way");
    assertThat(sent.getMetadata()).containsEntry("prompt_tokens", 35L).containsEntry("completion_tokens", 23L)
        .containsEntry("total_tokens", 58L).containsEntry("cost", 0.0012);
    assertThat(sent.getConfig()).containsEntry("model", "gpt-4o").containsEntry("provider", "openai")
        .containsEntry("temperature", 0.2).containsEntry("max_tokens", 256);
    assertThat(sent.getInputs()).containsEntry("messages", List.of(
        Map.of("role", "user", "content", "Where is my order?"),
        Map.of("role", "assistant", "content", "On its way")));
  }

  @Test
  void rawMapSettersOnAModelSpanKeepTheHelpersInTheChain() {
    try (ModelSpan llm = session.model("gpt-4o").start()) {
      llm.metadata(Map.of("region", "eu")).usage(1, 2).outputs(Map.of("finish_reason", "stop")).completion("hi")
          .inputs(Map.of("k", 1)).config(Map.of("seed", 7)).metrics(Map.of("m", 1)).feedback(Map.of("f", 1))
          .userProperties(Map.of("u", 1)).error("partial").cost(0.5);
    }

    Event sent = hh.event("gpt-4o");
    assertThat(sent.getMetadata()).containsEntry("region", "eu").containsEntry("total_tokens", 3L)
        .containsEntry("cost", 0.5);
    assertThat(sent.getOutputs()).containsEntry("finish_reason", "stop").containsEntry("content", "hi");
    assertThat(sent.getError()).isEqualTo("partial");
  }

  @Test
  void theHelpersCheckTheirArgumentsLikeTheBuildersDo() {
    try (ModelSpan llm = session.model("gpt-4o").start()) {
      assertThatThrownBy(() -> llm.usage(-1, 2)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("promptTokens=-1");
      assertThatThrownBy(() -> llm.cost(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cost");
      assertThatThrownBy(() -> llm.provider(" ")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("provider must not be blank");
      assertThatThrownBy(() -> llm.completion(null)).isInstanceOf(NullPointerException.class)
          .hasMessage("content == null");
    }

    assertThat(hh.event("gpt-4o").getOutputs()).isNull();
  }

  @Test
  void aToolOrChainStillStartsAPlainSpan() {
    Span tool = session.tool("search").start();

    assertThat(tool).isNotInstanceOf(ModelSpan.class);
    tool.close();
  }
}
