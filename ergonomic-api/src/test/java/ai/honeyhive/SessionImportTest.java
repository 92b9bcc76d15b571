package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.config.DeliveryOptions;
import ai.honeyhive.internal.delivery.BatchDelivery;
import ai.honeyhive.internal.delivery.BatchSender;
import ai.honeyhive.internal.delivery.Delivery;
import ai.honeyhive.internal.delivery.DeliveryCounters;
import ai.honeyhive.internal.delivery.SyncDelivery;
import ai.honeyhive.internal.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SessionImport}: one single-session batch per completed session, through either delivery mode. */
class SessionImportTest {
  private static final Instant T0 = Instant.parse("2024-11-21T08:00:00Z");

  private final RecordingGateway gateway = new RecordingGateway();
  private final RecordingListener listener = new RecordingListener();
  private final DeliveryCounters counters = new DeliveryCounters(listener);
  private final Executor direct = Runnable::run;
  private BatchDelivery batched;

  @AfterEach
  void tearDown() {
    if (batched != null) {
      batched.close();
    }
  }

  private Client syncClient() {
    return client(new SyncDelivery(gateway, counters, direct));
  }

  private Client batchedClient(int maxQueueSize, long maxQueueBytes) {
    RetryPolicy noRetries = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Clock.systemUTC());
    batched = new BatchDelivery(new DeliveryOptions(DeliveryMode.BATCHED, maxQueueSize, maxQueueBytes, Long.MAX_VALUE,
        QueueFullPolicy.DROP_NEWEST, Duration.ZERO, 100, 5_000_000, Duration.ofHours(1), 1, Duration.ofSeconds(5),
        false, null, null, null, 1, Duration.ZERO, 1),
        new BatchSender(gateway, counters, noRetries, d -> {}), counters, null, null, null);
    return client(batched);
  }

  private Client client(Delivery delivery) {
    return new Client(gateway, delivery, TimeSource.of(Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC)),
        "importer", direct);
  }

  /** An import of a chain with a nested tool and model call, and a top-level tool call. */
  private static SessionImport chat(Client client) {
    SessionImport imported = new SessionImport(client, "support-chat")
        .startTime(T0)
        .userProperties(Map.of("user_id", "u-42"))
        .metadata(Map.of("app_version", "2.3.1"));
    String chain = imported.chain("answer").startTime(T0.plusMillis(100)).endTime(T0.plusMillis(2_400))
        .inputs(Map.of("q", "reset key?")).log();
    imported.under(chain).tool("vector-search").startTime(T0.plusMillis(150)).endTime(T0.plusMillis(400)).log();
    imported.under(chain).model("gpt-4o").startTime(T0.plusMillis(450)).endTime(T0.plusMillis(2_300))
        .completion("Rotate it in Settings").log();
    imported.tool("audit-log").startTime(T0.plusMillis(2_500)).duration(Duration.ofMillis(20)).log();
    return imported;
  }

  @Test
  void sendMakesOneSingleSessionBatchWithTheDocumentedSessionProperties() throws Exception {
    gateway.enqueueImportedSessionId("server-made-id");

    CompletableFuture<String> sessionId = chat(syncClient()).send();

    assertThat(gateway.calls()).hasSize(1);
    RecordingGateway.Import sent = gateway.imports().get(0);
    assertThat(sent.properties().getSessionName()).isEqualTo("support-chat");
    assertThat(sent.properties().getStartTime().longValue()).isEqualTo(T0.toEpochMilli());
    assertThat(sent.properties().getUserProperties()).containsExactly(Map.entry("user_id", "u-42"));
    assertThat(sent.properties().getMetadata()).containsExactly(Map.entry("app_version", "2.3.1"));
    assertThat(sent.events()).extracting(Event::getEventName)
        .containsExactly("answer", "vector-search", "gpt-4o", "audit-log");
    assertThat(sessionId.get()).isEqualTo("server-made-id");
  }

  @Test
  void eventsNameNoSessionTopLevelOnesNoParentAndNestedOnesTheirParent() {
    chat(syncClient()).send();

    List<Event> events = gateway.imports().get(0).events();
    Event chain = events.get(0);
    assertThat(events).extracting(Event::getSessionId).containsOnlyNulls();
    assertThat(chain.getParentId()).isNull();
    assertThat(events.get(3).getParentId()).isNull();
    assertThat(events.get(1).getParentId()).isEqualTo(chain.getEventId());
    assertThat(events.get(2).getParentId()).isEqualTo(chain.getEventId());
    assertThat(chain.getChildrenIds()).containsExactly(events.get(1).getEventId(), events.get(2).getEventId());
  }

  @Test
  void eventsKeepTheTimesTheyWereGiven() {
    chat(syncClient()).send();

    Event tool = gateway.imports().get(0).events().get(1);
    assertThat(tool.getStartTime().longValue()).isEqualTo(T0.toEpochMilli() + 150);
    assertThat(tool.getEndTime().longValue()).isEqualTo(T0.toEpochMilli() + 400);
    assertThat(tool.getDuration().doubleValue()).isEqualTo(250.0);
  }

  @Test
  void inTheSynchronousModeAFailureIsThrownAndCountedAsEveryEventFailed() {
    gateway.failNext(RecordingGateway.IMPORT_SESSION, new HoneyHiveException("boom", null));
    SessionImport imported = chat(syncClient());

    assertThatThrownBy(imported::send).isInstanceOf(HoneyHiveException.class).hasMessage("boom");
    assertThat(counters.failed.sum()).isEqualTo(4);
    assertThat(counters.sent.sum()).isZero();
  }

  @Test
  void inTheBatchedModeItIsQueuedAsOneWriteSentAloneAndCountedAsItsEvents() throws Exception {
    Client client = batchedClient(100, 5_000_000);
    CompletableFuture<String> first = chat(client).send();
    CompletableFuture<String> second = chat(client).send();

    DeliveryReport report = DeliveryReport.of(batched.flush(Duration.ofSeconds(5)));

    assertThat(gateway.calls(RecordingGateway.IMPORT_SESSION)).hasSize(2);
    assertThat(gateway.calls()).hasSize(2);
    assertThat(report.sent()).isEqualTo(8);
    assertThat(first.get()).isEqualTo("server-session-1");
    assertThat(second.get()).isEqualTo("server-session-2");
  }

  @Test
  void inTheBatchedModeAFailureFailsTheFutureAndReportsEveryEvent() {
    gateway.failNext(RecordingGateway.IMPORT_SESSION, new HoneyHiveException("boom", null));
    CompletableFuture<String> sessionId = chat(batchedClient(100, 5_000_000)).send();

    batched.flush(Duration.ofSeconds(5));

    assertThatThrownBy(sessionId::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
    assertThat(listener.failedIds()).hasSize(4);
    assertThat(counters.failed.sum()).isEqualTo(4);
  }

  @Test
  void anImportBeyondTheQueuesByteBoundIsDroppedCountedAsItsEventsAndItsFutureFails() {
    Client client = batchedClient(100, 1_000);
    CompletableFuture<String> first = chat(client).send(); // A queue holding no bytes takes any one write.
    CompletableFuture<String> sessionId = chat(client).send();

    assertThat(sessionId).isCompletedExceptionally();
    assertThat(counters.dropped.sum()).isEqualTo(4);
    assertThat(listener.drops()).singleElement()
        .satisfies(drop -> assertThat(drop.ids()).hasSize(4))
        .satisfies(drop -> assertThat(drop.reason()).isEqualTo(DropReason.QUEUE_FULL));
    assertThat(first).isNotCompletedExceptionally();
  }

  @Test
  void theEventLimitIsEnforcedWhereTheEventIsLoggedNamingIt() {
    SessionImport imported = new SessionImport(syncClient(), "big").startTime(T0);
    for (int i = 0; i < SessionImport.MAX_EVENTS; i++) {
      imported.tool("step").startTime(T0).endTime(T0).log();
    }
    EventBuilder oneMore = imported.tool("step").startTime(T0).endTime(T0);

    assertThatThrownBy(oneMore::log).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at most " + SessionImport.MAX_EVENTS);
    assertThat(imported.eventCount()).isEqualTo(SessionImport.MAX_EVENTS);
  }

  @Test
  void spansAreRefusedBecauseTheClockDoesNotTimeHistory() {
    SessionImport imported = new SessionImport(syncClient(), "chat").startTime(T0);

    assertThatThrownBy(() -> imported.chain("answer").start()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("log()");
    assertThatThrownBy(() -> imported.tool("t").run(() -> {})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sendRefusesAnImportWithoutStartTimeWithoutEventsOrSentTwice() {
    SessionImport noStart = new SessionImport(syncClient(), "chat");
    noStart.tool("t").log();
    SessionImport empty = new SessionImport(syncClient(), "chat").startTime(T0);
    SessionImport once = chat(syncClient());
    once.send();

    assertThatThrownBy(noStart::send).isInstanceOf(IllegalStateException.class).hasMessageContaining("startTime");
    assertThatThrownBy(empty::send).isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one");
    assertThatThrownBy(once::send).isInstanceOf(IllegalStateException.class).hasMessageContaining("sent already");
    assertThatThrownBy(() -> once.tool("late").log()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void underRefusesAnEventThatIsNotPartOfTheImport() {
    SessionImport imported = new SessionImport(syncClient(), "chat").startTime(T0);

    assertThatThrownBy(() -> imported.under("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId");
  }
}
