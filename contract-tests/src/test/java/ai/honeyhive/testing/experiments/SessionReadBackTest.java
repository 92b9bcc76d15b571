package ai.honeyhive.testing.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.EventNode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.RecordedSession;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.testing.HoneyHiveTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code hh.getSession(id)}: a session read back with its events nested, the same tree the server holds. */
class SessionReadBackTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void aSessionIsReadBackAsTheTreeItWasWritten() throws InterruptedException {
    try (HoneyHive hh = server.clientBuilder().build()) {
      Session session = hh.session("agent").inputs(Map.of("goal", "refund")).start();
      try (Span plan = session.chain("plan").start()) {
        plan.tool("search").log();
        Thread.sleep(3); // siblings one millisecond apart at least: both trees order them by start time
        try (Span step = plan.chain("step-1").start()) {
          step.model("gpt-4o").log();
        }
      }
      Thread.sleep(3);
      session.tool("notify").log();
      session.end();
      hh.flush(Duration.ofSeconds(10));

      RecordedSession read = hh.getSession(session.sessionId());

      assertThat(read.outline()).isEqualTo(server.sessionTree(session.sessionId()).outline());
      assertThat(read.size()).isEqualTo(5);
      assertThat(read.session()).hasValueSatisfying(event -> {
        assertThat(event.name()).isEqualTo("agent");
        assertThat(event.inputs()).isEqualTo(Map.of("goal", "refund"));
      });
      EventNode plan = read.events().get(0);
      assertThat(plan.event().name()).isEqualTo("plan");
      assertThat(plan.children()).extracting(node -> node.event().name()).containsExactly("search", "step-1");
      assertThat(plan.children().get(1).children()).extracting(node -> node.event().name()).containsExactly("gpt-4o");

      assertThatThrownBy(() -> hh.getSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80"))
          .isInstanceOf(NotFoundException.class).hasMessageContaining("no events of session");
    }
    assertThat(server.validationErrors()).isEmpty();
  }
}
