package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the {@link Span} Javadoc says about an exception leaving a try-with-resources span, shown. */
class SpanExceptionsTest {
  private final InMemoryClient hh = new InMemoryClient();
  private final Session session = hh.session();

  private static String lookup() throws IOException {
    throw new IOException("inventory unreachable");
  }

  @Test
  void anExceptionLeavingTheBlockIsNotRecorded() {
    assertThatThrownBy(() -> {
      try (Span span = session.tool("inventory").start()) {
        lookup();
      }
    }).isInstanceOf(IOException.class);

    assertThat(hh.event("inventory").getError()).isNull();
  }

  @Test
  void aCatchInsideTheBlockRecordsIt() {
    assertThatThrownBy(() -> {
      try (Span span = session.tool("inventory").start()) {
        try {
          lookup();
        } catch (IOException | RuntimeException e) {
          span.error(e);
          throw e;
        }
      }
    }).isInstanceOf(IOException.class);

    assertThat(hh.event("inventory").getError()).isEqualTo("java.io.IOException: inventory unreachable");
  }

  @Test
  void aCatchClauseOfTheSameTryRunsAfterCloseTooLateToRecordIt() {
    AtomicReference<Span> opened = new AtomicReference<>();
    try (Span span = session.tool("inventory").start()) {
      opened.set(span);
      lookup();
    } catch (IOException e) {
      assertThat(opened.get().isClosed()).isTrue();
      opened.get().error(e); // Set after the span was sent: not sent.
    }

    assertThat(hh.event("inventory").getError()).isNull();
  }

  @Test
  void callRecordsAndRethrowsWhatTheBodyThrows() {
    assertThatThrownBy(() -> session.tool("inventory").call(SpanExceptionsTest::lookup))
        .isInstanceOf(IOException.class).hasMessage("inventory unreachable");

    assertThat(hh.event("inventory").getError()).isEqualTo("java.io.IOException: inventory unreachable");
  }

  @Test
  void aLaterErrorReplacesAnEarlierOne() {
    try (Span span = session.tool("inventory").start()) {
      span.error("first").error(new IllegalStateException("second"));
    }

    assertThat(hh.event("inventory").getError()).isEqualTo("java.lang.IllegalStateException: second");
  }
}
