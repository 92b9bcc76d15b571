package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.Event;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Enriching the span current on this thread from code that was not handed it. */
class CurrentSpanTest {
  private final InMemoryClient hh = new InMemoryClient();
  private final Session session = hh.session();

  /** Stands for code deep in the call stack that knows no span. */
  private static String retrieve(String question) {
    CurrentSpan.metadata(Map.of("question_length", question.length()));
    CurrentSpan.metrics(Map.of("top_score", 0.9));
    CurrentSpan.feedback(Map.of("rating", 5));
    CurrentSpan.outputs(Map.of("docs", 2));
    CurrentSpan.inputs(Map.of("question", question));
    CurrentSpan.config(Map.of("k", 2));
    CurrentSpan.userProperties(Map.of("user_id", "u-42"));
    return "docs";
  }

  @Test
  void enrichesTheSpanWhoseBodyIsRunningWithoutBeingHandedIt() {
    session.tool("retrieve").call(() -> retrieve("Where?"));

    Event sent = hh.event("retrieve");
    assertThat(sent.getMetadata()).containsEntry("question_length", 6);
    assertThat(sent.getMetrics()).containsEntry("top_score", 0.9);
    assertThat(sent.getFeedback()).containsEntry("rating", 5);
    assertThat(sent.getOutputs()).containsEntry("docs", 2);
    assertThat(sent.getInputs()).containsEntry("question", "Where?");
    assertThat(sent.getConfig()).containsEntry("k", 2);
    assertThat(sent.getUserProperties()).containsEntry("user_id", "u-42");
  }

  @Test
  void theInnermostSpanIsEnrichedAndTheOuterOneAgainOnceTheInnerEnded() {
    session.chain("answer").run(() -> {
      CurrentSpan.metadata(Map.of("step", "before"));
      session.tool("search").run(() -> CurrentSpan.metadata(Map.of("step", "inner")));
      CurrentSpan.metrics(Map.of("after", 1));
    });

    assertThat(hh.event("search").getMetadata()).containsExactly(Map.entry("step", "inner"));
    assertThat(hh.event("answer").getMetadata()).containsExactly(Map.entry("step", "before"));
    assertThat(hh.event("answer").getMetrics()).containsExactly(Map.entry("after", 1));
  }

  @Test
  void aSpanMadeCurrentByHandIsCurrentToo() {
    try (Span span = session.tool("manual").start(); CurrentScope current = span.makeCurrent()) {
      assertThat(CurrentSpan.get()).containsSame(span);
      assertThat(CurrentSpan.error("partial answer")).isTrue();
    }

    assertThat(hh.event("manual").getError()).isEqualTo("partial answer");
  }

  @Test
  void getReturnsAModelSpanInsideAModelCall() {
    session.model("gpt-4o").run(() -> CurrentSpan.get()
        .filter(ModelSpan.class::isInstance).map(ModelSpan.class::cast)
        .ifPresent(llm -> llm.usage(3, 4)));

    assertThat(hh.event("gpt-4o").getMetadata()).containsEntry("total_tokens", 7L);
  }

  @Test
  void withNoSpanCurrentEveryMethodIsANoOpThatSaysSo() {
    assertThat(CurrentSpan.get()).isEmpty();
    assertThat(CurrentSpan.metadata(Map.of("a", 1))).isFalse();
    assertThat(CurrentSpan.metrics(Map.of("a", 1))).isFalse();
    assertThat(CurrentSpan.feedback(Map.of("a", 1))).isFalse();
    assertThat(CurrentSpan.inputs(Map.of("a", 1))).isFalse();
    assertThat(CurrentSpan.outputs(Map.of("a", 1))).isFalse();
    assertThat(CurrentSpan.config(Map.of("a", 1))).isFalse();
    assertThat(CurrentSpan.userProperties(Map.of("a", 1))).isFalse();
    assertThat(CurrentSpan.error("x")).isFalse();
    assertThat(CurrentSpan.error(new IllegalStateException("x"))).isFalse();
    assertThat(hh.gateway.callCount()).isEqualTo(1); // The session's start only.
  }

  @Test
  void aCurrentSessionIsNoSpan() {
    try (CurrentScope current = session.makeCurrent()) {
      assertThat(CurrentSpan.get()).isEmpty();
      assertThat(CurrentSpan.metadata(Map.of("a", 1))).isFalse();
    }
  }

  @Test
  void aSpanTakesTheCallAndSaysSo() {
    boolean[] taken = new boolean[1];
    session.tool("t").run(() -> taken[0] = CurrentSpan.metadata(Map.of("a", 1)));

    assertThat(taken[0]).isTrue();
  }

  @Test
  void argumentsAreCheckedWhetherASpanIsCurrentOrNot() {
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, 1);

    assertThatThrownBy(() -> CurrentSpan.metadata(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("metadata == null");
    assertThatThrownBy(() -> CurrentSpan.metrics(Map.of("score", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metrics.score");
    assertThatThrownBy(() -> CurrentSpan.feedback(nullKey)).isInstanceOf(NullPointerException.class)
        .hasMessage("feedback has a null key");
    assertThatThrownBy(() -> CurrentSpan.error((Throwable) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("error == null");
    session.tool("t").run(() -> assertThatThrownBy(() -> CurrentSpan.metrics(Map.of("score", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metrics.score"));
  }
}
