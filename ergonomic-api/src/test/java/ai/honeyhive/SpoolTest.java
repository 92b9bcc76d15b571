package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.internal.delivery.SpoolRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk spool, end to end against a mock server: what a client leaves when it cannot send is sent, once, by the
 * next client on the directory; torn and corrupt files lose only what is unreadable; the directory is emptied once
 * everything ended; one live client per directory. (A real {@code kill -9} is tested in the contract tests.)
 */
class SpoolTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path spool;
  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();
  private final RecordingListener listener = new RecordingListener();
  private final List<HoneyHive> clients = new ArrayList<>();
  /** While set, the server answers every write 503 and stores nothing. */
  private final AtomicBoolean down = new AtomicBoolean();

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink.respondWith(request -> down.get() ? DeliverySink.json(503, "{}") : null));
  }

  @AfterEach
  void tearDown() {
    sink.release();
    clients.forEach(HoneyHive::close);
    mock.close();
  }

  private HoneyHive client(UnaryOperator<HoneyHive.Builder> settings) {
    HoneyHive hh = settings.apply(mock.batchedClientBuilder()
        .spoolDirectory(spool)
        .deliveryListener(listener)
        .maxRetries(0)
        .maxBatchDelay(Duration.ofMillis(20)))
        .build();
    clients.add(hh);
    return hh;
  }

  private static List<String> logTools(Session session, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(session.tool("search").inputs(Map.of("i", i, "text", "some words " + i)).log());
    }
    return ids;
  }

  /**
   * Logs {@code count} events while the server holds every request, then closes the client after 200 ms, so that
   * they are left in the spool as a crashed client leaves them (dropped from its queue, not ended).
   */
  private List<String> leaveInSpool(int count) throws Exception {
    down.set(true);
    sink.hold();
    HoneyHive first = client(builder -> builder.closeTimeout(Duration.ofMillis(200)));
    List<String> ids = logTools(first.session("crashed").start(), count);
    sink.awaitHeld(1);
    first.close();
    sink.release();
    assertThat(first.stats().sent()).isZero();
    return ids;
  }

  private void awaitAccepted(List<String> ids) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (ids.stream().anyMatch(id -> sink.acceptedCount(id) == 0)) {
      if (System.nanoTime() > deadline) {
        long missing = ids.stream().filter(id -> sink.acceptedCount(id) == 0).count();
        throw new AssertionError(missing + " of " + ids.size() + " events never arrived");
      }
      Thread.sleep(5);
    }
  }

  private List<String> spoolFiles() throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(spool)) {
      return files.filter(path -> path.toString().endsWith(".seg")).sorted().toList();
    }
  }

  @Test
  void deliveredWritesLeaveNothingBehind() throws IOException {
    HoneyHive hh = client(builder -> builder.spoolSegmentBytes(4096));
    List<String> ids = logTools(hh.session("chat").start(), 2_000);

    assertThat(hh.flush(WAIT).isComplete()).isTrue();
    // Sealed segments whose writes all ended are deleted as delivery goes on, not only at close.
    assertThat(segments()).hasSizeLessThanOrEqualTo(2);
    hh.close();

    assertThat(ids).allMatch(id -> sink.acceptedCount(id) == 1);
    assertThat(spoolFiles()).containsExactly("lock");
  }

  @Test
  void whatAClientLeftIsSentOnceByTheNextClient() throws Exception {
    List<String> ids = leaveInSpool(300);
    assertThat(listener.droppedIds(DropReason.CLOSED)).isNotEmpty();
    assertThat(segments()).isNotEmpty();

    down.set(false);
    HoneyHive next = client(builder -> builder);
    awaitAccepted(ids);
    assertThat(next.flush(WAIT).isComplete()).isTrue();
    next.close();

    assertThat(ids).allMatch(id -> sink.acceptedCount(id) == 1);
    assertThat(next.stats().sent()).isEqualTo(301); // the events and their session's start
    assertThat(spoolFiles()).containsExactly("lock");
  }

  @Test
  void aTornEndAndACorruptRecordLoseOnlyThemselves() throws Exception {
    List<String> ids = leaveInSpool(300);
    Path segment = segments().get(0);
    byte[] data = Files.readAllBytes(segment);
    data[data.length / 2] ^= 0x40; // somewhere in a record in the middle
    Files.write(segment, java.util.Arrays.copyOf(data, data.length - 5)); // and the last record cut short

    down.set(false);
    RecordingListener before = listener;
    HoneyHive next = client(builder -> builder);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (ids.stream().filter(id -> sink.acceptedCount(id) == 1).count() < ids.size() - 2) {
      assertThat(System.nanoTime()).as("events arriving").isLessThan(deadline);
      Thread.sleep(5);
    }
    next.flush(WAIT);
    next.close();

    assertThat(ids.stream().filter(id -> sink.acceptedCount(id) == 0)).hasSize(2);
    assertThat(ids).allMatch(id -> sink.acceptedCount(id) <= 1);
    assertThat(before.drops()).filteredOn(drop -> drop.reason() == DropReason.SPOOL_CORRUPT)
        .singleElement().satisfies(drop -> assertThat(drop.ids()).isEmpty()); // the torn end is not a loss
    assertThat(next.stats().dropped()).isEqualTo(1);
    assertThat(spoolFiles()).containsExactly("lock");
  }

  @Test
  void aWriteLeftInTwoGenerationsIsSentOnce() throws Exception {
    List<String> ids = leaveInSpool(50);
    // As if a client crashed after moving the writes into its own generation and before marking them moved.
    for (Path segment : segments()) {
      String name = segment.getFileName().toString();
      Files.copy(segment, spool.resolve("00000000000000ff" + name.substring(16)));
    }

    down.set(false);
    HoneyHive next = client(builder -> builder);
    awaitAccepted(ids);
    next.flush(WAIT);
    next.close();

    assertThat(ids).allMatch(id -> sink.acceptedCount(id) == 1);
    assertThat(spoolFiles()).containsExactly("lock");
  }

  @Test
  void aCallerInterruptedWhileItLogsNeitherBreaksTheSpoolNorLosesItsInterrupt() throws Exception {
    down.set(true);
    sink.hold();
    HoneyHive first = client(builder -> builder.closeTimeout(Duration.ofMillis(200)));
    Session session = first.session("interrupted").start();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // An interrupted thread closes a FileChannel it writes to, for every thread: the spool must reopen it.
      Thread.currentThread().interrupt();
      ids.add(session.tool("search").inputs(Map.of("i", i)).log());
      assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
      ids.add(session.tool("search").inputs(Map.of("i", i, "after", true)).log());
    }
    sink.awaitHeld(1);
    first.close();
    sink.release();
    for (Path segment : segments()) {
      SpoolRecords.Contents contents = SpoolRecords.read(Files.readAllBytes(segment));
      assertThat(contents.tornBytes()).isZero();
      assertThat(contents.corruptRegions()).isZero();
    }

    down.set(false);
    HoneyHive next = client(builder -> builder);
    awaitAccepted(ids);
    next.flush(WAIT);
    assertThat(ids).allMatch(id -> sink.acceptedCount(id) == 1);
  }

  @Test
  void aSecondLiveClientIsKeptOutOfTheDirectory() {
    client(builder -> builder);

    assertThatThrownBy(() -> client(builder -> builder))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is in use by another live HoneyHive client")
        .hasMessageContaining(spool.toString());
  }

  @Test
  void writesBeyondTheByteBoundAreRefusedAndCounted() throws Exception {
    sink.hold();
    HoneyHive hh = client(builder -> builder.maxSpoolBytes(20_000).closeTimeout(Duration.ofMillis(100)));
    Session session = hh.session("chat").start();
    List<String> ids = logTools(session, 200);

    List<String> refused = listener.droppedIds(DropReason.SPOOL_FULL);
    assertThat(refused).isNotEmpty().isSubsetOf(ids);
    assertThat(ids.size() - refused.size()).isLessThan(200);
    long onDisk = 0;
    for (Path segment : segments()) {
      onDisk += Files.size(segment);
    }
    assertThat(onDisk).isLessThanOrEqualTo(20_000);
  }

  @Test
  void aValueThatThrowsWhileSpooledFailsOnlyItsEventWithThePath() throws InterruptedException {
    HoneyHive hh = client(builder -> builder);
    Session session = hh.session("chat").start();
    String good = session.tool("ok").log();
    String bad = session.tool("bad").inputs(Map.of("user", new EncodingFailuresTest.Exploding("state"))).log();
    String after = session.tool("ok").log();

    assertThat(hh.flush(WAIT).isComplete()).isTrue();
    assertThat(listener.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.ids()).containsExactly(bad);
      assertThat(failure.cause()).hasMessageContaining("inputs.user");
    });
    assertThat(sink.acceptedCount(good)).isEqualTo(1);
    assertThat(sink.acceptedCount(after)).isEqualTo(1);
  }

  @Test
  void theSpoolIsConfiguredFromTheEnvironment() throws Exception {
    Map<String, String> env = Map.of("HH_API_KEY", "k", "HH_API_URL", mock.server.url("/").toString(),
        "HH_SPOOL_DIR", spool.toString(), "HH_MAX_SPOOL_BYTES", "3000", "HH_SPOOL_SYNC_INTERVAL", "0",
        "HH_SHUTDOWN_HOOK", "false");
    sink.hold();
    try (HoneyHive hh = HoneyHive.builder().fromEnv(env::get).deliveryListener(listener)
        .closeTimeout(Duration.ofMillis(100)).build()) {
      logTools(hh.session("env").start(), 30);

      assertThat(segments()).isNotEmpty(); // HH_SPOOL_DIR
      assertThat(listener.droppedIds(DropReason.SPOOL_FULL)).isNotEmpty(); // HH_MAX_SPOOL_BYTES
      sink.release();
    }
  }

  @Test
  void theSynchronousModeHasNothingToSpool() {
    assertThatThrownBy(() -> mock.clientBuilder().spoolDirectory(spool).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spoolDirectory needs the batched delivery mode");
  }

  @Test
  void theOptionsAreChecked() {
    assertThatThrownBy(() -> HoneyHive.builder().maxSpoolBytes(0))
        .hasMessage("maxSpoolBytes must be at least 1, but was 0");
    assertThatThrownBy(() -> HoneyHive.builder().spoolSyncInterval(Duration.ofSeconds(-1)))
        .hasMessage("spoolSyncInterval must be zero or more, but was PT-1S");
  }

  @Test
  void aSyncIntervalOfZeroStillDelivers() {
    HoneyHive hh = client(builder -> builder.spoolSyncInterval(Duration.ZERO));
    List<String> ids = logTools(hh.session("chat").start(), 20);

    assertThat(hh.flush(WAIT).isComplete()).isTrue();
    assertThat(ids).allMatch(id -> sink.acceptedCount(id) == 1);
  }
}
