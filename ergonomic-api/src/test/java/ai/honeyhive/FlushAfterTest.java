package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The serverless pattern: a handler's writes are out before it returns. The batch delay is an hour, so nothing would
 * be sent before the handler returns without the flush.
 */
class FlushAfterTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();
  private HoneyHive hh;

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink);
    hh = mock.batchedClientBuilder().maxBatchDelay(Duration.ofHours(1)).build();
  }

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  @Test
  void everythingTheHandlerWroteIsSentWhenItReturns() {
    String result = hh.flushAfter(TIMEOUT, () -> handle(Map.of("baggage",
        "session_id=0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90,honeyhive_parent_id=7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5")));

    assertThat(result).isEqualTo("in stock");
    assertThat(hh.stats().sent()).isEqualTo(2);
    assertThat(hh.stats().queued()).isZero();
    assertThat(sink.requests()).hasSize(1).first().satisfies(batch -> {
      assertThat(batch.path()).isEqualTo("/v1/sessions/0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90/events/batch");
      assertThat(batch.events()).extracting(event -> event.get("parent_id")).containsExactly(
          "7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5", "7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5");
    });
  }

  @Test
  void aFreshSessionIsStartedLoggedAndEndedBeforeTheHandlerReturns() {
    hh.flushAfter(TIMEOUT, () -> handle(Map.of()));

    assertThat(hh.stats().sent()).isEqualTo(4); // session start, two events, session end
    assertThat(hh.stats().queued()).isZero();
  }

  @Test
  void aHandlerThatThrowsIsFlushedTooAndItsExceptionPropagates() {
    IOException failure = new IOException("stock service unreachable");

    assertThatThrownBy(() -> hh.flushAfter(TIMEOUT, () -> {
      Session session = hh.session("inventory-lambda").start();
      session.tool("stock-lookup").error(failure).log();
      throw failure;
    })).isSameAs(failure);

    assertThat(hh.stats().sent()).isEqualTo(2);
  }

  @Test
  void badArgumentsRunNothing() {
    AtomicBoolean ran = new AtomicBoolean();

    assertThatThrownBy(() -> hh.flushAfter(Duration.ofSeconds(-1), () -> ran.getAndSet(true)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> hh.flushAfter(null, () -> ran.getAndSet(true)))
        .isInstanceOf(NullPointerException.class).hasMessage("timeout == null");
    assertThatThrownBy(() -> hh.flushAfter(TIMEOUT, null))
        .isInstanceOf(NullPointerException.class).hasMessage("handler == null");
    assertThat(ran).isFalse();
  }

  /** A request handler: continues the caller's trace (or starts a session) and logs two events. */
  private String handle(Map<String, String> headers) {
    try (ContinuedTrace trace = hh.continueTrace(headers, "inventory-lambda")) {
      trace.tool("stock-lookup").inputs(Map.of("sku", "A-42")).log();
      trace.model("gpt-4o-mini").inputs(Map.of("prompt", "phrase it")).log();
      return "in stock";
    }
  }
}
