package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.InternalServerException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NestedSpansTest {
  private final MockHoneyHive mock = new MockHoneyHive();
  private final HoneyHive hh = mock.client();

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  @Test
  void sessionChainToolModelAreLinkedBySessionParentAndChildren() throws InterruptedException {
    mock.enqueueOk(4);
    Session session = hh.session("support-chat").start();
    mock.takeRequest();

    try (Span chain = session.chain("answer").inputs(Map.of("question", "Where is my order?")).start()) {
      chain.tool("vector-search").inputs(Map.of("q", "order")).call(() -> {
        Thread.sleep(2);
        return "docs";
      });
      chain.model("gpt-4o").inputs(Map.of("prompt", "answer")).log();
      chain.outputs(Map.of("answer", "On its way"));
    }

    Map<String, Map<String, Object>> byName = byName(mock.drainBodies());
    Map<String, Object> chain = byName.get("answer");
    Map<String, Object> tool = byName.get("vector-search");
    Map<String, Object> model = byName.get("gpt-4o");
    Object chainId = chain.get("event_id");
    assertThat(tool).containsEntry("session_id", session.sessionId()).containsEntry("parent_id", chainId)
        .containsEntry("event_type", "tool");
    assertThat(model).containsEntry("session_id", session.sessionId()).containsEntry("parent_id", chainId)
        .containsEntry("event_type", "model");
    assertThat(chain).containsEntry("session_id", session.sessionId())
        .containsEntry("parent_id", session.sessionId())
        .containsEntry("event_type", "chain")
        .containsEntry("children_ids", List.of(tool.get("event_id"), model.get("event_id")))
        .containsEntry("outputs", Map.of("answer", "On its way"));
    for (Map<String, Object> child : List.of(tool, model)) {
      assertThat(millis(child, "start_time")).isGreaterThanOrEqualTo(millis(chain, "start_time"));
      assertThat(millis(child, "end_time")).isLessThanOrEqualTo(millis(chain, "end_time"));
    }
    assertThat(((Number) tool.get("duration")).doubleValue()).isGreaterThanOrEqualTo(2.0);
  }

  @Test
  void anExceptionInsideCallIsRecordedAndTheSameInstanceRethrown() {
    mock.enqueueOk();
    Session session = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");
    IOException failure = new IOException("index unreachable");

    assertThatThrownBy(() -> session.tool("vector-search").call(() -> {
      throw failure;
    })).isSameAs(failure);

    Map<String, Object> sent = MockHoneyHive.body(mock.takeRequest());
    assertThat(sent).containsEntry("error", "java.io.IOException: index unreachable")
        .containsEntry("event_type", "tool");
  }

  @Test
  void runRecordsAnUncheckedExceptionToo() {
    mock.enqueueOk();
    Session session = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(() -> session.chain("step").run(() -> {
      throw failure;
    })).isSameAs(failure);

    assertThat(MockHoneyHive.body(mock.takeRequest())).containsEntry("error", "java.lang.IllegalStateException: boom");
  }

  @Test
  void aSpanThatCannotBeSentDoesNotThrowOverTheBlocksResult() {
    HoneyHive noRetries = mock.clientBuilder().maxRetries(0).build();
    mock.enqueueJson(500, "{\"message\":\"down\"}");
    Session session = noRetries.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");

    String result = session.tool("t").call(() -> "value");

    assertThat(result).isEqualTo("value");
    assertThat(mock.requestCount()).isEqualTo(1);
    noRetries.close();
  }

  @Test
  void aSynchronousLogThatFailedIsNotListedAmongTheSessionsChildren() {
    HoneyHive noRetries = mock.clientBuilder().maxRetries(0).build();
    mock.enqueueOk();
    Session session = noRetries.session("s").start();
    mock.takeRequest();
    mock.enqueueOk().enqueueJson(500, "{\"message\":\"down\"}").enqueueOk();
    String delivered = session.tool("kept").log();
    assertThatThrownBy(() -> session.tool("lost").log()).isInstanceOf(InternalServerException.class);

    session.end();

    List<Map<String, Object>> bodies = mock.drainBodies();
    assertThat(bodies.get(bodies.size() - 1)).containsEntry("children_ids", List.of(delivered));
    noRetries.close();
  }

  @Test
  void closingASpanTwiceSendsItOnce() {
    mock.enqueueOk(2);
    Span span = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").chain("c").start();

    span.close();
    span.close();

    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(span.isClosed()).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void childrenLoggedFromManyThreadsAreAllListedOnTheParent() throws Exception {
    int children = 40;
    mock.enqueueOk(children + 1);
    Span chain = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").chain("fan-out").start();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < children / threads.length; i++) {
          chain.tool("t").log();
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    chain.close();

    List<Map<String, Object>> events = mock.drainBodies();
    assertThat(events).hasSize(children + 1);
    Map<String, Object> parent = events.stream()
        .filter(e -> e.get("event_id").equals(chain.eventId())).findFirst().orElseThrow();
    assertThat((List<Object>) parent.get("children_ids")).hasSize(children)
        .containsExactlyInAnyOrderElementsOf(events.stream()
            .map(e -> e.get("event_id")).filter(id -> !id.equals(chain.eventId())).toList());
  }

  private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> events) {
    Map<String, Map<String, Object>> byName = new HashMap<>();
    events.forEach(e -> byName.put((String) e.get("event_name"), e));
    return byName;
  }

  private static long millis(Map<String, Object> event, String field) {
    return ((Number) event.get(field)).longValue();
  }
}
