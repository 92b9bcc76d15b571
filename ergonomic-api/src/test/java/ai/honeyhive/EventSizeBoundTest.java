package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One write may not be larger than {@code maxEventBytes} in the batched mode: the queue's byte bound admits any single
 * write into an empty queue, so without this bound one caller could make the exporter hold and encode a value of any
 * size. A larger write is dropped at once, counted and reported; the others are delivered.
 */
class EventSizeBoundTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();
  private final RecordingListener listener = new RecordingListener();
  private HoneyHive hh;

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink);
    hh = mock.batchedClientBuilder().deliveryListener(listener).maxEventBytes(100_000).build();
  }

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  @Test
  void anEventAboveTheBoundIsDroppedCountedAndReportedWhileTheOthersAreDelivered() {
    Session session = hh.attachSession(UUID.randomUUID().toString());
    String before = session.tool("search").inputs(Map.of("q", "small")).log();
    String huge = session.tool("upload").inputs(Map.of("blob", "x".repeat(200_000))).log();
    String after = session.tool("search").inputs(Map.of("q", "small again")).log();

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(2, 0, 1, 0));
    assertThat(listener.droppedIds(DropReason.TOO_LARGE)).containsExactly(huge);
    assertThat(sink.acceptedCount(before)).isEqualTo(1);
    assertThat(sink.acceptedCount(after)).isEqualTo(1);
    assertThat(sink.acceptedCount(huge)).isZero();
    assertThat(hh.stats().dropped()).isEqualTo(1);
  }

  @Test
  void anEventJustUnderTheBoundIsDelivered() {
    Session session = hh.attachSession(UUID.randomUUID().toString());
    String large = session.tool("upload").inputs(Map.of("blob", "x".repeat(90_000))).log();

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(1, 0, 0, 0));
    assertThat(sink.acceptedCount(large)).isEqualTo(1);
  }

  @Test
  void anUpdateAboveTheBoundIsDroppedAndItsFutureFails() {
    var done = hh.updateEvent(UUID.randomUUID().toString()).metadata(Map.of("blob", "x".repeat(200_000))).sendAsync();

    assertThat(done).isCompletedExceptionally();
    assertThat(hh.flush(WAIT).dropped()).isEqualTo(1);
  }

  @Test
  void theBoundIsCheckedWhenSet() {
    assertThatThrownBy(() -> HoneyHive.builder().maxEventBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEventBytes must be at least 1, but was 0");
  }

  @Test
  void theBoundIsReadFromTheEnvironment() {
    HoneyHive.Builder builder = HoneyHive.builder().fromEnv(Map.of("HH_MAX_EVENT_BYTES", "2048")::get);

    assertThat(builder.options().delivery().maxEventBytes()).isEqualTo(2048);
    assertThat(HoneyHive.builder().options().delivery().maxEventBytes()).isEqualTo(16L * 1024 * 1024);
  }
}
