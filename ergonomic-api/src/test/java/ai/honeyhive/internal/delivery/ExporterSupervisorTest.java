package ai.honeyhive.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The exporter's loop is started again whatever it throws, and each restart is counted. */
class ExporterSupervisorTest {
  private final DeliveryCounters counters = new DeliveryCounters(null);

  @Test
  void aLoopThatThrowsIsRestartedUntilItReturns() {
    AtomicInteger runs = new AtomicInteger();
    ExporterSupervisor.run(() -> {
      int run = runs.incrementAndGet();
      if (run == 1) {
        throw new IllegalStateException("a bug");
      }
      if (run == 2) {
        throw new StackOverflowError("an error");
      }
    }, () -> false, counters);

    assertThat(runs).hasValue(3);
    assertThat(counters.exporterRestarts.sum()).isEqualTo(2);
  }

  @Test
  void aLoopThatThrowsWhileStoppingIsNotRestarted() {
    AtomicInteger runs = new AtomicInteger();
    ExporterSupervisor.run(() -> {
      runs.incrementAndGet();
      throw new OutOfMemoryError("while stopping");
    }, () -> true, counters);

    assertThat(runs).hasValue(1);
    assertThat(counters.exporterRestarts.sum()).isZero();
  }

  @Test
  void anInterruptIsKeptForTheLoopToSee() {
    AtomicInteger runs = new AtomicInteger();
    try {
      ExporterSupervisor.run(() -> {
        if (runs.incrementAndGet() == 1) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted and failed");
        }
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      }, () -> false, counters);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
    assertThat(runs).hasValue(2);
  }
}
