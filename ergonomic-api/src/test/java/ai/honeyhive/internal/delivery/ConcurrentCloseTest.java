package ai.honeyhive.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.QueueFullPolicy;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.internal.config.DeliveryOptions;
import ai.honeyhive.internal.http.BatchResult;
import ai.honeyhive.internal.http.Gateway;
import ai.honeyhive.internal.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two closers at once, such as {@code close()} and the shutdown hook: the second waits for the first without holding
 * up the exporter, so the first still sends what is queued and returns as soon as it is sent.
 */
class ConcurrentCloseTest {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final CountDownLatch sending = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final DeliveryCounters counters = new DeliveryCounters(null);

  @Test
  void aSecondCloserWaitingDoesNotDelayTheFirst() throws Exception {
    BatchDelivery delivery = new BatchDelivery(new DeliveryOptions(DeliveryMode.BATCHED, 100, 1_000_000,
        Long.MAX_VALUE, QueueFullPolicy.DROP_NEWEST, Duration.ofSeconds(1), 1, 1_000_000, Duration.ofMillis(10), 1,
        CLOSE_TIMEOUT, false, null, null, null, 1, Duration.ZERO, 1),
        new BatchSender(new BlockingGateway(), counters,
            new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Clock.systemUTC()), duration -> { }),
        counters, null, null, null);
    delivery.submitEvent(event(), 0);
    assertThat(sending.await(5, TimeUnit.SECONDS)).as("the exporter is sending").isTrue();

    Thread first = new Thread(delivery::close, "first-closer");
    first.start();
    while (delivery.submitEvent(event(), 0)) { // Dropped once the first closer refuses writes.
      Thread.sleep(1);
    }
    Thread second = new Thread(delivery::close, "second-closer");
    second.start();
    while (second.getState() != Thread.State.TIMED_WAITING) { // Waiting for the first closer.
      Thread.sleep(1);
    }
    long released = System.nanoTime();
    release.countDown();
    first.join(CLOSE_TIMEOUT.toMillis() * 2);
    long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);
    second.join(CLOSE_TIMEOUT.toMillis() * 2);

    assertThat(closeMillis).as("ms the first close took once the request ended").isLessThan(3_000);
    assertThat(counters.sent.sum()).isGreaterThanOrEqualTo(1);
    assertThat(first.isAlive() || second.isAlive()).isFalse();
  }

  private static Event event() {
    return new Event().eventId(UUID.randomUUID().toString()).sessionId(UUID.randomUUID().toString())
        .eventType(EventType.TOOL).eventName("lookup");
  }

  /** Answers the first batch only once the test releases it. */
  private final class BlockingGateway implements Gateway {
    @Override
    public BatchResult postEvents(List<Event> events) {
      sending.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return BatchResult.ALL_STORED;
    }

    @Override
    public void postSession(SessionStartRequest session) {}

    @Override
    public void postEvent(Event event) {}

    @Override
    public String postImport(SessionProperties properties, List<Event> events) {
      return null;
    }

    @Override
    public void putEvent(String eventId, EventUpdate update) {}

    @Override
    public EventRecord getEvent(UUID eventId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SearchEventsResponse postSearch(SearchEventsRequest request) {
      throw new UnsupportedOperationException();
    }
  }
}
