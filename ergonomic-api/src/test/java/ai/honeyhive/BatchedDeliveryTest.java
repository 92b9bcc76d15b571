package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.errors.BadRequestException;
import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.InternalServerException;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.errors.UnprocessableEntityException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batched delivery mode, end to end against a mock server: what is sent when, in which requests and order, and
 * the exact counts that {@link HoneyHive#flush} reports. The batch delay is an hour unless a test is about it, so
 * batches go out only when full or flushed, and {@code flush} is the synchronisation point.
 */
class BatchedDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();
  private final RecordingListener listener = new RecordingListener();
  private HoneyHive hh;

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink);
  }

  @AfterEach
  void tearDown() {
    sink.release();
    if (hh != null) {
      hh.close();
    }
    mock.close();
  }

  private HoneyHive client() {
    return client(builder -> builder);
  }

  private HoneyHive client(UnaryOperator<HoneyHive.Builder> settings) {
    hh = settings.apply(mock.batchedClientBuilder()
        .deliveryListener(listener)
        .maxBatchDelay(Duration.ofHours(1)))
        .build();
    return hh;
  }

  private static List<String> logTools(Session session, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(session.tool("search").inputs(Map.of("i", i)).log());
    }
    return ids;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What is sent, and when

  @Test
  void theDefaultModeIsBatched() {
    try (HoneyHive defaults = HoneyHive.builder().apiKey("k").shutdownHook(false).build()) {
      assertThat(defaults.deliveryMode()).isEqualTo(DeliveryMode.BATCHED);
    }
  }

  @Test
  void logReturnsBeforeAnythingIsSentAndFlushSendsOneBatch() {
    client();
    Session session = hh.attachSession(UUID.randomUUID().toString());

    List<String> ids = logTools(session, 3);

    assertThat(sink.requests()).isEmpty();
    DeliveryReport report = hh.flush(WAIT);
    assertThat(report).isEqualTo(new DeliveryReport(3, 0, 0, 0));
    assertThat(report.isComplete()).isTrue();
    assertThat(sink.requests()).singleElement().satisfies(request -> {
      assertThat(request.path()).isEqualTo("/v1/sessions/" + session.sessionId() + "/events/batch");
      assertThat(request.ids()).containsExactlyElementsOf(ids);
    });
  }

  @Test
  void aSessionsStartComesBeforeItsEventsAndItsEndAfterThem() {
    client();
    Session session = hh.session("chat").start();
    String model = session.model("gpt-4o").message("user", "hi").completion("hello").log();
    String chain;
    String tool;
    try (Span span = session.chain("answer").start()) {
      chain = span.eventId();
      tool = span.tool("search").log();
    }
    session.feedback(Map.of("rating", 5));
    session.end();

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(6, 0, 0, 0));
    List<DeliverySink.Request> requests = sink.requests();
    assertThat(requests).extracting(DeliverySink.Request::path).containsExactly(
        "/v1/sessions",
        "/v1/sessions/" + session.sessionId() + "/events/batch",
        "/v1/events/" + session.sessionId(),
        "/v1/events/" + session.sessionId());
    assertThat(requests.get(1).ids()).containsExactly(model, tool, chain);
    assertThat(requests.get(2).body()).containsEntry("feedback", Map.of("rating", 5));
    assertThat(requests.get(3).body()).containsEntry("children_ids", List.of(model, chain)).containsKey("end_time");
  }

  @Test
  void flushReportsExactCountsAcrossSeveralBatches() {
    client();
    Session session = hh.attachSession(UUID.randomUUID().toString());

    logTools(session, 250);
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(250, 0, 0, 0));
    logTools(session, 30);
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(280, 0, 0, 0));

    List<Integer> sizes = sink.batches().stream().map(request -> request.events().size()).toList();
    assertThat(sizes).hasSize(4);
    assertThat(sizes.subList(0, 3)).containsExactlyInAnyOrder(100, 100, 50); // sent concurrently
    assertThat(sizes.get(3)).isEqualTo(30);
    assertThat(hh.stats().sent()).isEqualTo(280);
    assertThat(hh.stats().queued()).isZero();
  }

  @Test
  void eventsOfManySessionsShareOneRequestPerBatch() {
    client();
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sessions.add(hh.attachSession(UUID.randomUUID().toString()));
    }
    for (int i = 0; i < 125; i++) {
      for (Session session : sessions) {
        session.tool("search").log();
      }
    }

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(1000, 0, 0, 0));
    List<DeliverySink.Request> batches = sink.batches();
    // One request per 100 events. Splitting each batch by session (one POST /v1/sessions/{id}/events/batch per
    // session) would have taken one request per session per batch instead: 80.
    assertThat(batches).hasSize(10).allSatisfy(batch -> assertThat(batch.path()).isEqualTo("/v1/events/batch"));
    int perSessionRequests = 0;
    for (DeliverySink.Request batch : batches) {
      perSessionRequests += (int) batch.events().stream().map(event -> event.get("session_id")).distinct().count();
    }
    assertThat(perSessionRequests).isEqualTo(80);
  }

  @Test
  void writesOfOtherSessionsDoNotSplitABatch() {
    client();
    Session first = hh.session("one").start();
    String a = first.tool("t").log();
    Session second = hh.session("two").start();
    String b = second.tool("t").log();
    first.end();
    String c = second.tool("t").log();
    second.end();

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(7, 0, 0, 0));
    // Both starts; then the events of both sessions in one batch (the first session's end only has to follow `a`,
    // the second's events only its start); then both ends.
    assertThat(sink.requests()).extracting(DeliverySink.Request::path).containsExactly(
        "/v1/sessions", "/v1/sessions", "/v1/events/batch", "/v1/events/" + first.sessionId(),
        "/v1/events/" + second.sessionId());
    assertThat(sink.requests().get(2).ids()).containsExactly(a, b, c);
  }

  @Test
  void anUpdateOfAnArbitraryEventFollowsEveryEarlierWrite() {
    client();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    String id = session.tool("search").log();
    hh.updateEvent(id).metadata(Map.of("reviewed", true)).send();
    String later = session.tool("search").log();

    hh.flush(WAIT);

    assertThat(sink.requests()).extracting(DeliverySink.Request::path).containsExactly(
        "/v1/sessions/" + session.sessionId() + "/events/batch", "/v1/events/" + id,
        "/v1/sessions/" + session.sessionId() + "/events/batch");
    assertThat(sink.requests().get(2).ids()).containsExactly(later);
  }

  @Test
  void aFullBatchIsSentWithoutWaitingForTheDelay() throws InterruptedException {
    client(builder -> builder.maxBatchSize(10));
    Session session = hh.attachSession(UUID.randomUUID().toString());

    logTools(session, 10);

    awaitRequests(1);
    assertThat(sink.batches()).singleElement().satisfies(batch -> assertThat(batch.events()).hasSize(10));
  }

  @Test
  void theDelaySendsWhatIsQueuedWithoutAFlush() throws InterruptedException {
    client(builder -> builder.maxBatchDelay(Duration.ofMillis(20)));
    Session session = hh.attachSession(UUID.randomUUID().toString());

    String id = session.tool("search").log();

    awaitRequests(1);
    assertThat(sink.requests().get(0).ids()).containsExactly(id);
  }

  @Test
  void theByteBoundSplitsBatches() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1).maxBatchBytes(2_000));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    occupyExporter(session);
    String text = "x".repeat(600); // about 920 estimated bytes per event: two fit in 2000

    for (int i = 0; i < 6; i++) {
      session.tool("search").inputs(Map.of("text", text)).log();
    }
    sink.release();

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(7, 0, 0, 0));
    assertThat(sink.batches()).extracting(batch -> batch.events().size()).containsExactly(1, 2, 2, 2);
  }

  @Test
  void aBuilderReusedAfterLogDoesNotChangeTheQueuedEvent() {
    client();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    EventBuilder builder = session.tool("search").inputs(Map.of("q", "first"));

    builder.log();
    builder.inputs(Map.of("q", "second", "page", 2)).log();
    hh.flush(WAIT);

    List<Map<String, Object>> events = sink.batches().get(0).events();
    assertThat(events.get(0).get("inputs")).isEqualTo(Map.of("q", "first"));
    assertThat(events.get(1).get("inputs")).isEqualTo(Map.of("q", "second", "page", 2));
  }

  @Test
  void aSpanChangedAfterItClosedDoesNotChangeTheQueuedEvent() {
    client();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    Span span = session.chain("answer").outputs(Map.of("answer", "42")).start();

    span.close();
    span.outputs(Map.of("answer", "changed"));
    hh.flush(WAIT);

    assertThat(sink.batches().get(0).events().get(0).get("outputs")).isEqualTo(Map.of("answer", "42"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Concurrent exports

  @Test
  void fourBatchesOfEventsAreInFlightAtOnceByDefault() throws InterruptedException {
    client(builder -> builder.maxBatchSize(2));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    sink.hold();

    List<String> ids = logTools(session, 10);

    sink.awaitHeld(4);
    assertThat(hh.stats().inFlight()).isEqualTo(8);
    assertThat(hh.stats().queued()).isEqualTo(2);
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(10, 0, 0, 0));
    ids.forEach(id -> assertThat(sink.acceptedCount(id)).isEqualTo(1));
  }

  /**
   * With more than one export allowed, workers send every batch of events and the exporter only hands them over: a
   * batch waiting for a worker goes to the first one that ends, not behind a request of the exporter's own.
   */
  @Test
  void aBatchWaitingForAWorkerGoesToTheFirstOneThatEnds() throws InterruptedException {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    AtomicInteger arrivals = new AtomicInteger();
    sink.respondWith(request -> {
      int arrival = arrivals.incrementAndGet();
      try {
        if (arrival <= 2) {
          (arrival == 1 ? first : second).await(30, TimeUnit.SECONDS); // Longer than awaitRequests waits.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    client(builder -> builder.maxBatchSize(2).maxConcurrentExports(2));
    Session session = hh.attachSession(UUID.randomUUID().toString());

    List<String> ids = logTools(session, 6);
    awaitRequests(2);
    first.countDown();

    awaitRequests(3); // While the second request is still unanswered.
    assertThat(second.getCount()).isEqualTo(1);
    second.countDown();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(6, 0, 0, 0));
    ids.forEach(id -> assertThat(sink.acceptedCount(id)).isEqualTo(1));
  }

  @Test
  void withOneConcurrentExportTheSecondBatchWaitsForTheFirst() throws InterruptedException {
    client(builder -> builder.maxBatchSize(2).maxConcurrentExports(1));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    sink.hold();

    logTools(session, 4);

    sink.awaitHeld(1);
    Thread.sleep(200); // Time enough for a second request, were one allowed.
    assertThat(sink.requests()).hasSize(1);
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(4, 0, 0, 0));
  }

  @Test
  void anUpdateWaitsForTheBatchesOfEventsBeforeIt() throws InterruptedException {
    client(builder -> builder.maxBatchSize(2));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    sink.hold();
    List<String> events = logTools(session, 2); // a full batch: sent, and held
    sink.awaitHeld(1);

    session.metadata(Map.of("stage", "after the events"));
    String later = session.tool("search").log();
    hh.flush(Duration.ZERO);
    Thread.sleep(200); // Time enough for the update to overtake the held batch, were it allowed.

    assertThat(sink.requests()).hasSize(1);
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(4, 0, 0, 0));
    assertThat(sink.requests()).extracting(DeliverySink.Request::path).containsExactly(
        "/v1/sessions/" + session.sessionId() + "/events/batch",
        "/v1/events/" + session.sessionId(),
        "/v1/sessions/" + session.sessionId() + "/events/batch");
    assertThat(sink.requests().get(0).ids()).containsExactlyElementsOf(events);
    assertThat(sink.requests().get(2).ids()).containsExactly(later);
  }

  @Test
  void flushCountsABatchAsEndedOnlyOnceEveryBatchBeforeItEnded() throws InterruptedException {
    client(builder -> builder.maxBatchSize(2));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    java.util.concurrent.CountDownLatch firstHeld = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch releaseFirst = new java.util.concurrent.CountDownLatch(1);
    List<String> first = new ArrayList<>();
    sink.respondWith(request -> {
      if (!first.isEmpty() && request.ids().contains(first.get(0))) {
        firstHeld.countDown();
        try {
          releaseFirst.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return null;
    });
    synchronized (first) {
      first.addAll(logTools(session, 2)); // the first batch: held
    }
    firstHeld.await(5, java.util.concurrent.TimeUnit.SECONDS);
    List<String> second = logTools(session, 2); // the second batch: sent beside the first, and answered

    awaitAccepted(second);
    DeliveryReport whileFirstHeld = hh.flush(Duration.ofMillis(100));
    releaseFirst.countDown();

    assertThat(whileFirstHeld.sent()).isEqualTo(2);
    assertThat(whileFirstHeld.pending()).isEqualTo(4);
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(4, 0, 0, 0));
  }

  private void awaitAccepted(List<String> ids) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!ids.stream().allMatch(id -> sink.acceptedCount(id) == 1)) {
      assertThat(System.nanoTime()).as("%s accepted in time", ids).isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  @Test
  void closePastItsDeadlineCancelsEveryRequestInFlightAndCountsEachWrite() throws InterruptedException {
    client(builder -> builder.closeTimeout(Duration.ofMillis(100)).maxBatchSize(2).maxConcurrentExports(2));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    sink.hold();
    List<String> ids = logTools(session, 5); // two batches sent and held, one event queued
    sink.awaitHeld(2);

    long start = System.nanoTime();
    hh.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(listener.failedIds()).containsExactlyInAnyOrderElementsOf(ids.subList(0, 4));
    assertThat(listener.droppedIds(DropReason.CLOSED)).containsExactly(ids.get(4));
    DeliveryStats stats = hh.stats();
    assertThat(stats.failed()).isEqualTo(4);
    assertThat(stats.dropped()).isEqualTo(1);
    assertThat(stats.inFlight()).isZero();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // A full queue

  /**
   * Sends one event and keeps its request unanswered, so the exporter is busy while the test fills the queue. The
   * client must allow one request at a time ({@code maxConcurrentExports(1)}), or a worker sends the next batch.
   */
  private String occupyExporter(Session session) throws InterruptedException {
    sink.hold();
    String first = session.tool("search").log();
    hh.flush(Duration.ZERO); // Asks the exporter to send it now; does not wait.
    sink.awaitHeld(1);
    return first;
  }

  /** children_ids must not name an event that never arrives: one the full queue dropped is not listed. */
  @Test
  void eventsAndSpansDroppedByAFullQueueAreNotListedAmongTheirParentsChildren() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1).maxQueueSize(5).maxBatchSize(5));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    String first = occupyExporter(session);
    Span parent = session.chain("parent").start();
    String keptChild = parent.tool("kept").log();
    Span droppedSpan = parent.tool("dropped span").start();
    Span droppedSessionSpan = session.chain("dropped session span").start();
    List<String> kept = logTools(session, 4); // The queue is full now.

    String droppedChild = parent.tool("dropped").log();
    String droppedOnSession = session.tool("dropped").log();
    droppedSpan.close();
    droppedSessionSpan.close();
    sink.release();
    hh.flush(WAIT);
    parent.close();
    session.end();
    hh.flush(WAIT);

    assertThat(listener.droppedIds(DropReason.QUEUE_FULL))
        .containsExactly(droppedChild, droppedOnSession, droppedSpan.eventId(), droppedSessionSpan.eventId());
    Map<String, Object> parentEvent = sink.batches().stream().flatMap(batch -> batch.events().stream())
        .filter(event -> "parent".equals(event.get("event_name"))).findFirst().orElseThrow();
    assertThat(parentEvent).containsEntry("children_ids", List.of(keptChild));
    List<String> sessionChildren = new ArrayList<>(List.of(first, parent.eventId()));
    sessionChildren.addAll(kept);
    assertThat(sink.requests().get(sink.requests().size() - 1).body())
        .containsEntry("children_ids", sessionChildren).containsKey("end_time");
  }

  @Test
  void theLogReportsEveryDropOfABurstNotJustTheFirst() throws InterruptedException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      client(builder -> builder.maxConcurrentExports(1).maxQueueSize(5).maxBatchSize(5));
      Session session = hh.attachSession(UUID.randomUUID().toString());
      occupyExporter(session);
      logTools(session, 105); // 5 fit in the queue, 100 are dropped in one burst
      sink.release();
      hh.close();
    } finally {
      System.setErr(originalErr);
    }

    long logged = Pattern.compile("dropped (\\d+) write\\(s\\) without sending them")
        .matcher(captured.toString(StandardCharsets.UTF_8)).results()
        .mapToLong(match -> Long.parseLong(match.group(1))).sum();
    assertThat(hh.stats().dropped()).isEqualTo(100);
    assertThat(logged).isEqualTo(100);
  }

  @Test
  void aFullQueueDropsTheNewestWritesAndCountsEachDrop() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1).maxQueueSize(5).maxBatchSize(5));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    String first = occupyExporter(session);

    List<String> ids = logTools(session, 8);

    assertThat(listener.droppedIds(DropReason.QUEUE_FULL)).containsExactlyElementsOf(ids.subList(5, 8));
    DeliveryStats stats = hh.stats();
    assertThat(stats.dropped()).isEqualTo(3);
    assertThat(stats.queued()).isEqualTo(5);
    assertThat(stats.inFlight()).isEqualTo(1);
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(6, 0, 3, 0));
    assertThat(sink.acceptedCount(first)).isEqualTo(1);
    ids.subList(0, 5).forEach(id -> assertThat(sink.acceptedCount(id)).isEqualTo(1));
    ids.subList(5, 8).forEach(id -> assertThat(sink.acceptedCount(id)).isZero());
  }

  @Test
  void dropOldestKeepsTheNewestWrites() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1).maxQueueSize(5).maxBatchSize(5).queueFullPolicy(QueueFullPolicy.DROP_OLDEST));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    occupyExporter(session);

    List<String> ids = logTools(session, 8);

    assertThat(listener.droppedIds(DropReason.QUEUE_FULL)).containsExactlyElementsOf(ids.subList(0, 3));
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(6, 0, 3, 0));
    ids.subList(3, 8).forEach(id -> assertThat(sink.acceptedCount(id)).isEqualTo(1));
    ids.subList(0, 3).forEach(id -> assertThat(sink.acceptedCount(id)).isZero());
  }

  @Test
  void blockDropsAWriteThatFoundNoRoomWithinTheTimeout() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1).maxQueueSize(5).maxBatchSize(5).queueFullPolicy(QueueFullPolicy.BLOCK)
        .blockTimeout(Duration.ofMillis(10)));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    occupyExporter(session);

    List<String> ids = logTools(session, 7);

    assertThat(listener.droppedIds(DropReason.QUEUE_FULL)).containsExactlyElementsOf(ids.subList(5, 7));
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(6, 0, 2, 0));
  }

  @Test
  void blockWaitsForRoom() throws Exception {
    client(builder -> builder.maxConcurrentExports(1).maxQueueSize(5).maxBatchSize(5).queueFullPolicy(QueueFullPolicy.BLOCK)
        .blockTimeout(Duration.ofSeconds(30)));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    occupyExporter(session);
    logTools(session, 5);

    CompletableFuture<String> blocked = new CompletableFuture<>();
    Thread writer = new Thread(() -> blocked.complete(session.tool("search").log()));
    writer.start();
    while (writer.getState() != Thread.State.TIMED_WAITING && !blocked.isDone()) { // parked, waiting for room
      Thread.onSpinWait();
    }
    assertThat(blocked).isNotDone();
    sink.release();

    String id = blocked.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(7, 0, 0, 0));
    assertThat(sink.acceptedCount(id)).isEqualTo(1);
  }

  @Test
  void aValueReplacedOnTheSameKeyCountsOnceInTheEstimate() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    occupyExporter(session);
    String text = "x".repeat(2_000);
    Map<String, Object> nullValued = new java.util.HashMap<>();
    nullValued.put("maybe", null);
    session.tool("once").metadata(Map.of("text", text)).metadata(nullValued).log();
    long once = hh.stats().queuedBytes();

    EventBuilder replacedOften = session.tool("once");
    for (int i = 0; i < 50; i++) {
      replacedOften.metadata(Map.of("text", text)).metadata(Map.of("text", "short")).metadata(nullValued);
    }
    replacedOften.metadata(Map.of("text", text)).log();

    assertThat(hh.stats().queuedBytes()).isEqualTo(2 * once);
  }

  @Test
  void theQueueIsAlsoBoundedByEstimatedBytes() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1).maxQueueBytes(10_000).maxBatchBytes(10_000));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    occupyExporter(session);
    String text = "x".repeat(2_000);

    session.tool("search").inputs(Map.of("text", text)).log();
    long perEvent = hh.stats().queuedBytes();
    for (int i = 1; i < 10; i++) {
      session.tool("search").inputs(Map.of("text", text)).log();
    }

    long fit = 10_000 / perEvent;
    assertThat(perEvent).isBetween(2_000L, 2_500L);
    assertThat(hh.stats().queued()).isEqualTo(fit);
    assertThat(hh.stats().queuedBytes()).isLessThanOrEqualTo(10_000);
    assertThat(hh.stats().dropped()).isEqualTo(10 - fit);
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(1 + fit, 0, 10 - fit, 0));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Failures

  @Test
  void aBatchWithOneBadEventDeliversTheRestAndReportsTheBadOne() {
    client();
    sink.respondWith(request -> request.events().stream().anyMatch(event -> event.get("inputs") instanceof Map
        && Boolean.TRUE.equals(((Map<?, ?>) event.get("inputs")).get("bad")))
        ? DeliverySink.json(400, "{\"statusCode\":400,\"message\":\"inputs.bad is not allowed\",\"success\":false}")
        : null);
    Session session = hh.attachSession(UUID.randomUUID().toString());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      ids.add(session.tool("search").inputs(i == 5 ? Map.of("bad", true) : Map.of("i", i)).log());
    }

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(15, 1, 0, 0));

    assertThat(listener.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.ids()).containsExactly(ids.get(5));
      assertThat(failure.cause()).isInstanceOf(BadRequestException.class)
          .hasMessageContaining("inputs.bad is not allowed");
    });
    for (int i = 0; i < 16; i++) {
      assertThat(sink.acceptedCount(ids.get(i))).isEqualTo(i == 5 ? 0 : 1);
    }
    // 16 -> 8 + 8 -> 4 + 4 -> 2 + 2 -> 1 + 1: the first request and two per halving.
    assertThat(sink.batches()).hasSize(9);
    assertThat(hh.stats().retried()).isEqualTo(8);
    assertThat(hh.stats().lastError()).containsInstanceOf(BadRequestException.class);
  }

  @Test
  void everyBadEventOfABatchIsIsolated() {
    client();
    sink.respondWith(request -> request.events().stream().anyMatch(event -> "bad".equals(event.get("event_name")))
        ? DeliverySink.json(422, "{\"statusCode\":422,\"message\":\"rejected\",\"success\":false}")
        : null);
    Session session = hh.attachSession(UUID.randomUUID().toString());
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = session.tool(i == 2 || i == 7 ? "bad" : "good").log();
      if (i == 2 || i == 7) {
        bad.add(id);
      }
    }

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(8, 2, 0, 0));
    assertThat(listener.failedIds()).containsExactlyElementsOf(bad);
    assertThat(listener.failures()).allSatisfy(failure ->
        assertThat(failure.cause()).isInstanceOf(UnprocessableEntityException.class));
  }

  @Test
  void anEventThatCannotBeSerializedIsIsolatedLikeARejectedOne() {
    client();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    List<Object> changedLater = new ArrayList<>();
    List<String> ids = logTools(session, 3);
    String bad = session.tool("search").inputs(Map.of("list", changedLater)).log();
    ids.addAll(logTools(session, 3));
    changedLater.add(Thread.currentThread()); // breaks the rule: values must not change until sent

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(6, 1, 0, 0));
    assertThat(listener.failedIds()).containsExactly(bad);
    ids.forEach(id -> assertThat(sink.acceptedCount(id)).isEqualTo(1));
  }

  @Test
  void aFailureAfterTheRetriesIsReportedNotThrown() {
    client(builder -> builder.maxRetries(2));
    sink.respondWith(request -> DeliverySink.json(503, "{\"statusCode\":503,\"message\":\"busy\"}"));
    Session session = hh.attachSession(UUID.randomUUID().toString());

    List<String> ids = logTools(session, 3); // does not throw

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(0, 3, 0, 0));
    assertThat(listener.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.ids()).containsExactlyElementsOf(ids);
      assertThat(failure.cause()).isInstanceOf(InternalServerException.class);
      assertThat(failure.thread()).startsWith("honeyhive-exporter-");
    });
    assertThat(sink.requests()).extracting(DeliverySink.Request::retryCount).containsExactly(0, 1, 2);
    assertThat(mock.sleeps).hasSize(2); // the fake sleeper: no test waits for a backoff
    DeliveryStats stats = hh.stats();
    assertThat(stats.retried()).isEqualTo(2);
    assertThat(stats.lastError()).containsInstanceOf(InternalServerException.class);
  }

  @Test
  void aPartialSuccessOnTheLegacyRoutesSendsOnlyTheEventsNotStored() {
    client(builder -> builder.routeFamily(RouteFamily.LEGACY));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    List<String> ids = logTools(session, 4);
    sink.respondWith(request -> request.ids().size() == 4
        ? DeliverySink.json(500, "{\"event_ids\":[\"" + ids.get(0) + "\",\"" + ids.get(2) + "\"],"
            + "\"errors\":[\"event 1: write conflict\",\"event 3: write conflict\"],\"success\":false}")
        : null);

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(4, 0, 0, 0));

    List<DeliverySink.Request> batches = sink.batches();
    assertThat(batches).extracting(DeliverySink.Request::path).containsExactly("/events/batch", "/events/batch");
    assertThat(batches.get(0).ids()).containsExactlyElementsOf(ids);
    assertThat(batches.get(1).ids()).containsExactly(ids.get(1), ids.get(3));
    // The partial success was not retried as a whole: each request is a first attempt.
    assertThat(batches).extracting(DeliverySink.Request::retryCount).containsExactly(0, 0);
    assertThat(mock.sleeps).hasSize(1);
    assertThat(hh.stats().retried()).isEqualTo(1);
    assertThat(batches.get(0).body()).doesNotContainKey("is_single_session");
  }

  @Test
  void eventsAPartialSuccessKeepsRejectingFailAfterTheRetries() {
    client(builder -> builder.routeFamily(RouteFamily.LEGACY).maxRetries(1));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    List<String> ids = logTools(session, 4);
    sink.respondWith(request -> {
      List<String> stored = request.ids().stream().filter(id -> id.equals(ids.get(0)) || id.equals(ids.get(2)))
          .toList();
      return DeliverySink.json(500, "{\"event_ids\":" + json(stored) + ",\"errors\":[\"write conflict\"],"
          + "\"success\":false}");
    });

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(2, 2, 0, 0));
    assertThat(listener.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.ids()).containsExactly(ids.get(1), ids.get(3));
      assertThat(failure.cause()).isInstanceOf(InternalServerException.class)
          .hasMessageContaining("POST /events/batch")
          .hasMessageContaining("2 of 2 events were not stored after 1 re-send")
          .hasMessageContaining("write conflict");
    });
    assertThat(sink.batches()).hasSize(2);
  }

  @Test
  void aListenerThatThrowsDoesNotStopDelivery() {
    hh = mock.batchedClientBuilder().maxBatchDelay(Duration.ofHours(1)).deliveryListener(new DeliveryListener() {
      @Override
      public void onFailed(List<String> ids, HoneyHiveException cause) {
        throw new IllegalStateException("listener bug");
      }
    }).build();
    sink.respondWith(request -> request.ids().size() == 1 && request.isBatch()
        ? DeliverySink.json(400, "{\"message\":\"bad\"}") : null);
    Session session = hh.attachSession(UUID.randomUUID().toString());
    session.tool("search").log();
    hh.flush(WAIT);
    sink.respondWith(request -> null);

    logTools(session, 3);

    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(3, 1, 0, 0));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Flush and close

  @Test
  void aFlushWhoseDeadlinePassesReportsWhatIsPending() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    occupyExporter(session);
    logTools(session, 2);

    DeliveryReport report = hh.flush(Duration.ofMillis(20));

    assertThat(report.pending()).isEqualTo(3);
    assertThat(report.isComplete()).isFalse();
    sink.release();
    assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(3, 0, 0, 0));
  }

  @Test
  void closeSendsWhatIsQueuedAndLaterWritesAreDropped() {
    client();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    List<String> ids = logTools(session, 5);

    hh.close();
    String late = session.tool("search").log();

    ids.forEach(id -> assertThat(sink.acceptedCount(id)).isEqualTo(1));
    assertThat(listener.droppedIds(DropReason.CLOSED)).containsExactly(late);
    assertThat(hh.flush(Duration.ZERO)).isEqualTo(new DeliveryReport(5, 0, 1, 0));
  }

  @Test
  void closePastItsDeadlineCancelsTheRequestInFlightAndDropsTheRest() throws InterruptedException {
    client(builder -> builder.maxConcurrentExports(1).closeTimeout(Duration.ofMillis(100)).maxBatchSize(2));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    sink.hold();
    List<String> ids = logTools(session, 5); // the first two fill a batch, which is sent and held
    sink.awaitHeld(1);

    long start = System.nanoTime();
    hh.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(listener.failedIds()).containsExactlyElementsOf(ids.subList(0, 2));
    assertThat(listener.failures().get(0).cause()).isInstanceOf(HoneyHiveConnectionException.class);
    assertThat(listener.droppedIds(DropReason.CLOSED)).containsExactlyElementsOf(ids.subList(2, 5));
    DeliveryStats stats = hh.stats();
    assertThat(stats.sent() + stats.failed() + stats.dropped()).isEqualTo(5);
    assertThat(stats.queued()).isZero();
  }

  @Test
  void whenCloseReturnsEveryWriteIsAlreadyCountedEvenWithAFullQueueDropped() throws InterruptedException {
    int writes = 20_000;
    client(builder -> builder.closeTimeout(Duration.ofMillis(100)).maxBatchSize(2).maxQueueSize(32_768));
    Session session = hh.attachSession(UUID.randomUUID().toString());
    sink.hold();
    logTools(session, writes);
    sink.awaitHeld(1);

    hh.close();

    DeliveryStats stats = hh.stats();
    assertThat(stats.sent() + stats.failed() + stats.dropped()).isEqualTo(writes);
    assertThat(stats.queued()).isZero();
  }

  @Test
  void closeIsIdempotent() {
    client();
    logTools(hh.attachSession(UUID.randomUUID().toString()), 2);

    hh.close();
    hh.close();

    assertThat(hh.stats().sent()).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Asynchronous operations and threads

  @Test
  void sendAsyncCompletesWhenTheUpdateWasDelivered() throws Exception {
    client();
    String id = UUID.randomUUID().toString();

    CompletableFuture<Void> done = hh.updateEvent(id).metadata(Map.of("reviewed", true)).sendAsync();
    assertThat(done).isNotDone();
    hh.flush(WAIT);

    assertThat(done).isCompleted();
    assertThat(sink.requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("PUT");
      assertThat(request.path()).isEqualTo("/v1/events/" + id);
    });
  }

  @Test
  void sendAsyncFailsWithTheErrorOfTheUpdate() {
    client();
    sink.respondWith(request -> DeliverySink.json(404, "{\"message\":\"no such event\"}"));
    String id = UUID.randomUUID().toString();

    CompletableFuture<Void> done = hh.updateEvent(id).metadata(Map.of("reviewed", true)).sendAsync();
    hh.flush(WAIT);

    assertThat(done).isCompletedExceptionally();
    assertThat(done.handle((ok, failure) -> failure).join()).isInstanceOf(NotFoundException.class);
    assertThat(listener.failedIds()).containsExactly(id);
  }

  @Test
  void readsRunOnTheClientsOwnDaemonThreads() throws Exception {
    client();
    String id = UUID.randomUUID().toString();
    sink.respondWith(request -> request.method().equals("GET")
        ? DeliverySink.json(200, "{\"event\":{\"event_id\":\"" + id + "\",\"event_type\":\"tool\",\"inputs\":{}}}")
        : DeliverySink.json(200, "{\"events\":[],\"count\":0}"));

    Event event = hh.getEventAsync(id).get(5, java.util.concurrent.TimeUnit.SECONDS);
    EventPage page = hh.searchEvents().fetchAsync().get(5, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(event.eventId()).isEqualTo(id);
    assertThat(page.events()).isEmpty();
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(thread -> thread.getName().startsWith("honeyhive-async-"))
        .isNotEmpty()
        .allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
  }

  @Test
  void theExporterRunsOnADaemonThread() {
    client();
    Set<Thread> exporters = new HashSet<>();
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("honeyhive-exporter-"))
        .forEach(exporters::add);

    assertThat(exporters).isNotEmpty().allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
  }

  /** An application's own thread pool, as a caller would hand it to {@link HoneyHive.Builder#executor}. */
  private static java.util.concurrent.ExecutorService callersExecutor() {
    return java.util.concurrent.Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "mine");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Test
  void aCallerSuppliedExecutorRunsTheExporterAndTheAsynchronousCalls() throws Exception {
    java.util.concurrent.ExecutorService executor = callersExecutor();
    try {
      client(builder -> builder.executor(executor));
      Session session = hh.attachSession(UUID.randomUUID().toString());
      logTools(session, 2);
      assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(2, 0, 0, 0));
      hh.updateEvent(session.sessionId()).metadata(Map.of("k", 1)).sendAsync();
      assertThat(hh.flush(WAIT).sent()).isEqualTo(3);

      hh.close();

      assertThat(executor.isShutdown()).isFalse();
      executor.shutdown();
      assertThat(executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void onACallerSuppliedExecutorExportWorkersRunOnlyWhenAskedForAndEndAtClose() throws Exception {
    java.util.concurrent.ExecutorService executor = callersExecutor();
    try {
      client(builder -> builder.executor(executor).maxBatchSize(2));
      sink.hold();
      logTools(hh.attachSession(UUID.randomUUID().toString()), 4);
      sink.awaitHeld(1);
      Thread.sleep(200); // Time enough for a second request, were a worker running by default.
      assertThat(sink.requests()).hasSize(1);
      sink.release();
      hh.close();

      client(builder -> builder.executor(executor).maxBatchSize(2).maxConcurrentExports(3));
      Thread.sleep(100); // A worker takes batches once the executor runs it; let it start.
      sink.hold();
      logTools(hh.attachSession(UUID.randomUUID().toString()), 6);
      sink.awaitHeld(4); // three more: one from the exporter, two from workers on the executor
      sink.release();
      assertThat(hh.flush(WAIT)).isEqualTo(new DeliveryReport(6, 0, 0, 0));
      hh.close();

      executor.shutdown();
      assertThat(executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aDisabledClientQueuesNothing() {
    Set<Thread> exportersBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
    hh = HoneyHive.builder().enabled(false).baseUrl(mock.server.url("/").toString()).build();

    hh.session("chat").start().tool("t").log();

    assertThat(hh.deliveryMode()).isEqualTo(DeliveryMode.BATCHED);
    assertThat(hh.flush(Duration.ZERO)).isEqualTo(new DeliveryReport(0, 0, 0, 0));
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> !exportersBefore.contains(thread)
        && thread.getName().startsWith("honeyhive-exporter-") && thread.isAlive());
    assertThat(mock.requestCount()).isZero();
  }

  private void awaitRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (sink.requests().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " requests, got " + sink.requests().size());
      }
      Thread.sleep(1);
    }
  }

  private static String json(List<String> ids) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < ids.size(); i++) {
      json.append(i == 0 ? "\"" : ",\"").append(ids.get(i)).append('"');
    }
    return json.append(']').toString();
  }
}
