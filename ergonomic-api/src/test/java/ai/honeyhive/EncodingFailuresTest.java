package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A value that passes the call-site check but throws while its batch is encoded (an accessor that throws, an
 * {@link Error} included) fails only its own event: the rest of its batch is delivered, the listener hears of the bad
 * one with the cause, {@code flush} counts every event, and the exporter goes on sending.
 */
class EncodingFailuresTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** A public record, so it passes the call-site check; its accessor throws what the test chooses. */
  public record Exploding(String kind) {
    @Override
    public String kind() {
      if (kind.equals("state")) {
        throw new IllegalStateException("accessor failed");
      }
      if (kind.equals("overflow")) {
        throw new StackOverflowError("accessor overflowed");
      }
      throw new AssertionError("accessor asserted");
    }
  }

  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();
  private final RecordingListener listener = new RecordingListener();
  private HoneyHive hh;
  private ExecutorService executor;

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    sink.release();
    if (hh != null) {
      hh.close();
    }
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
    mock.close();
  }

  private void client(UnaryOperator<HoneyHive.Builder> settings) {
    hh = settings.apply(mock.batchedClientBuilder()
        .deliveryListener(listener)
        .maxBatchSize(50)
        .maxBatchDelay(Duration.ofHours(1)))
        .build();
  }

  @Test
  void aThrowingAccessorFailsOnlyItsEventWithOneExport() {
    client(builder -> builder.maxConcurrentExports(1));
    everyGoodEventIsDeliveredAndTheBadOnesFail();
  }

  @Test
  void aThrowingAccessorFailsOnlyItsEventWithFourExports() {
    client(builder -> builder.maxConcurrentExports(4));
    everyGoodEventIsDeliveredAndTheBadOnesFail();
  }

  @Test
  void aThrowingAccessorFailsOnlyItsEventOnTheCallersExecutor() {
    executor = Executors.newFixedThreadPool(5);
    client(builder -> builder.executor(executor).maxConcurrentExports(1));
    everyGoodEventIsDeliveredAndTheBadOnesFail();
  }

  @Test
  void aThrowingAccessorFailsOnlyItsEventOnTheCallersExecutorWithFourExports() {
    executor = Executors.newFixedThreadPool(5);
    client(builder -> builder.executor(executor).maxConcurrentExports(4));
    everyGoodEventIsDeliveredAndTheBadOnesFail();
  }

  @Test
  void aThrowingAccessorInAWindowWithASessionStartFailsOnlyItsEvent() {
    client(builder -> builder.maxConcurrentExports(4));
    Session session = hh.session("chat").start(); // A window with a start is sent by the exporter itself.
    String bad = session.tool("bad").inputs(Map.of("user", new Exploding("assert"))).log();
    String good = session.tool("good").log();

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(2, 1, 0, 0));
    assertThat(listener.failedIds()).containsExactly(bad);
    assertThat(sink.acceptedCount(good)).isEqualTo(1);
    assertThat(sink.acceptedCount(bad)).isZero();
    assertExporterAlive(3, 1);
  }

  private void everyGoodEventIsDeliveredAndTheBadOnesFail() {
    Session session = hh.attachSession(UUID.randomUUID().toString());
    List<String> good = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    String[] kinds = {"state", "overflow", "assert"};
    for (int i = 0; i < 300; i++) {
      if (i % 100 == 37) {
        String kind = kinds[i / 100];
        bad.add(session.tool("bad").inputs(Map.of("user", new Exploding(kind))).log());
      } else {
        good.add(session.tool("good").inputs(Map.of("i", i)).log());
      }
    }

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(297, 3, 0, 0));
    assertThat(good).allSatisfy(id -> assertThat(sink.acceptedCount(id)).isEqualTo(1));
    assertThat(sink.acceptedIds()).isEqualTo(good.size());
    assertThat(listener.failedIds()).containsExactlyInAnyOrderElementsOf(bad);
    assertThat(listener.failures()).allSatisfy(failure -> {
      assertThat(failure.ids()).hasSize(1);
      assertThat(failure.cause().getMessage()).contains("inputs.user");
    });
    assertThat(listener.failures()).extracting(failure -> rootCause(failure.cause()).getClass().getName())
        .containsExactlyInAnyOrder("java.lang.IllegalStateException", "java.lang.StackOverflowError",
            "java.lang.AssertionError");
    assertThat(hh.stats().lastError()).isPresent();
    assertExporterAlive(298, 3);
  }

  /** A later event is delivered: the exporter and its workers still run. */
  private void assertExporterAlive(long sent, long failed) {
    String later = hh.attachSession(UUID.randomUUID().toString()).tool("later").log();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(sent, failed, 0, 0));
    assertThat(sink.acceptedCount(later)).isEqualTo(1);
  }

  private static Throwable rootCause(Throwable t) {
    Set<Throwable> seen = new HashSet<>();
    while (t.getCause() != null && seen.add(t)) {
      t = t.getCause();
    }
    return t;
  }
}
