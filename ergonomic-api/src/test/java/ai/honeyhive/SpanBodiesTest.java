package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code call} and {@code run} bodies that are handed their span, and results recorded as outputs. */
class SpanBodiesTest {
  private final InMemoryClient hh = new InMemoryClient();
  private final Session session = hh.session();

  @Test
  void callHandsTheBodyItsOpenSpanWhichIsAlsoTheCurrentScope() {
    AtomicReference<Span> given = new AtomicReference<>();
    AtomicReference<EventScope> current = new AtomicReference<>();

    String answer = session.chain("answer").call(chain -> {
      given.set(chain);
      current.set(EventScope.current().orElseThrow());
      chain.metadata(Map.of("docs", 3));
      return "On its way";
    });

    assertThat(answer).isEqualTo("On its way");
    assertThat(given.get()).isSameAs(current.get());
    assertThat(given.get().isClosed()).isTrue();
    Event sent = hh.event("answer");
    assertThat(sent.getEventId()).isEqualTo(given.get().eventId());
    assertThat(sent.getMetadata()).containsEntry("docs", 3);
    assertThat(EventScope.current()).isEmpty();
  }

  @Test
  void eventsLoggedOnTheHandedSpanNestUnderIt() {
    session.chain("answer").run(chain -> chain.tool("vector-search").log());

    assertThat(hh.event("vector-search").getParentId()).isEqualTo(hh.event("answer").getEventId());
    assertThat(hh.event("answer").getChildrenIds()).containsExactly(hh.event("vector-search").getEventId());
  }

  @Test
  void aModelEventsBodyGetsAModelSpanToRecordWhatTheModelAnswered() {
    String reply = session.model("gpt-4o").message("user", "hi").call(llm -> {
      llm.completion("hello").usage(3, 1);
      return "hello";
    });
    session.model("gpt-4o-mini").run(llm -> llm.cost(0.25));

    assertThat(reply).isEqualTo("hello");
    assertThat(hh.event("gpt-4o").getOutputs()).containsEntry("content", "hello");
    assertThat(hh.event("gpt-4o").getMetadata()).containsEntry("total_tokens", 4L);
    assertThat(hh.event("gpt-4o-mini").getMetadata()).containsEntry("cost", 0.25);
  }

  @Test
  void theResultIsRecordedAsOutputsBesideTheInputsGiven() {
    List<String> docs = session.tool("vector-search").inputs(Map.of("q", "order"))
        .call(span -> List.of("d1", "d2"), found -> Map.of("docs", found, "count", found.size()));

    assertThat(docs).containsExactly("d1", "d2");
    Event sent = hh.event("vector-search");
    assertThat(sent.getInputs()).containsExactly(Map.entry("q", "order"));
    assertThat(sent.getOutputs()).containsEntry("docs", List.of("d1", "d2")).containsEntry("count", 2);
  }

  @Test
  void aBodyWithoutTheSpanCanHaveItsResultRecordedToo() {
    int stock = session.tool("stock").outputs(Map.of("unit", "pcs")).call(() -> 42, n -> Map.of("stock", n));

    assertThat(stock).isEqualTo(42);
    assertThat(hh.event("stock").getOutputs()).containsExactly(Map.entry("unit", "pcs"), Map.entry("stock", 42));
  }

  @Test
  void anOutputsFunctionThatFailsIsLoggedAndTheResultStillReturned() throws Exception {
    AtomicReference<String> result = new AtomicReference<>();
    String log = CapturedLog.during(() -> result.set(session.tool("lookup").call(() -> (String) null,
        r -> Map.of("value", r)))); // Map.of refuses the null result.
    Object notJson = new Object();
    String second = session.tool("lookup-2").call(span -> "ok", r -> Map.of("value", notJson));

    assertThat(result.get()).isNull();
    assertThat(second).isEqualTo("ok");
    assertThat(log).contains("could not record the outputs of span").contains("NullPointerException");
    assertThat(hh.event("lookup").getOutputs()).isNull();
    assertThat(hh.event("lookup").getError()).isNull();
    assertThat(hh.event("lookup-2").getOutputs()).isNull();
  }

  @Test
  void aNullMapFromTheOutputsFunctionRecordsNothing() {
    session.tool("lookup").call(span -> "x", r -> null);

    assertThat(hh.event("lookup").getOutputs()).isNull();
  }

  @Test
  void whenTheBodyThrowsTheErrorIsRecordedTheOutputsFunctionIsNotCalledAndTheSameExceptionRethrown() {
    IOException failure = new IOException("index unreachable");
    List<Object> mapped = new ArrayList<>();

    assertThatThrownBy(() -> session.tool("vector-search").call(span -> {
      span.metadata(Map.of("attempt", 1));
      throw failure;
    }, r -> {
      mapped.add(r);
      return Map.of();
    })).isSameAs(failure);

    assertThat(mapped).isEmpty();
    Event sent = hh.event("vector-search");
    assertThat(sent.getError()).isEqualTo("java.io.IOException: index unreachable");
    assertThat(sent.getMetadata()).containsEntry("attempt", 1);
  }

  @Test
  void aNullBodyOrOutputsFunctionFailsBeforeAnyEventIsSent() {
    EventBuilder tool = session.tool("t");

    assertThatThrownBy(() -> tool.call((SpanFunction<Span, Object, RuntimeException>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("body == null");
    assertThatThrownBy(() -> tool.call(span -> 1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("outputs == null");
    assertThatThrownBy(() -> tool.call(() -> 1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("outputs == null");
    assertThatThrownBy(() -> tool.run((SpanConsumer<Span, RuntimeException>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("body == null");
    assertThat(hh.events()).isEmpty();
  }
}
