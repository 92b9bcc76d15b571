package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryStats;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Benchmark 4: the heap the batched mode holds while the ingest endpoint is down, and that it is bounded by the
 * configuration. The "down" endpoint is a loopback socket that accepts connections and never answers, so the exporter
 * is stuck on its first request (read timeout 30 s) and nothing leaves the queue during the measurement; one batch
 * ({@code maxBatchSize}, 100) is in flight, the rest queued.
 *
 * <p>Each case builds a client, logs {@value #EVENTS} ten-field events ({@link Workload}) on one session, forces a
 * full garbage collection and reads the heap used ({@link MemoryMXBean}) against the same reading taken just before,
 * then closes the client (dropping what is queued) and collects again. Cases:
 * <ol>
 *   <li>{@code maxQueueSize} 131072, {@code maxQueueBytes} 1 GiB: all {@value #EVENTS} events held;
 *   <li>the same with every event's user message and answer unique (about 300 characters of new text each, as real
 *       events are), so the heap also holds the content the queue keeps alive;
 *   <li>{@code maxQueueBytes} 8 MiB (estimated JSON): the byte bound stops the queue; the rest is dropped and counted;
 *   <li>the defaults ({@code maxQueueSize} 8192, {@code maxQueueBytes} 32 MiB): the count bound stops the queue.
 * </ol>
 * The session's list of children (one UUID per event logged on it, 36 bytes each, dropped events included, until the
 * session is ended) is not part of the queue; it is measured on its own, as what is left after close while the
 * session is still referenced.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar ai.honeyhive.benchmarks.QueuedHeap}. Prints a table
 * and one {@code RESULT name=value} line per figure.
 */
public final class QueuedHeap {
  static final int EVENTS = 100_000;

  private QueuedHeap() {}

  public static void main(String[] args) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (SilentEndpoint down = new SilentEndpoint()) {
      System.out.printf("%-34s %9s %9s %9s %9s %11s %12s %10s %12s%n", "case", "logged", "queued", "inFlight",
          "dropped", "estimated", "heap held", "per event", "session ids");
      run("unbounded (queue 131072, 1 GiB)", 131_072, 1L << 30, false, down, memory);
      run("unbounded, unique content", 131_072, 1L << 30, true, down, memory);
      run("bounded by bytes (8 MiB)", 131_072, 8L << 20, false, down, memory);
      run("defaults (8192, 32 MiB)", 8192, 32L << 20, false, down, memory);
    }
  }

  private static void run(String name, int maxQueueSize, long maxQueueBytes, boolean unique, SilentEndpoint down,
      MemoryMXBean memory) throws InterruptedException {
    HoneyHive hh = HoneyHive.builder()
        .apiKey("benchmark-key")
        .baseUrl(down.baseUrl())
        .deliveryMode(DeliveryMode.BATCHED)
        .maxQueueSize(maxQueueSize)
        .maxQueueBytes(maxQueueBytes)
        .maxBatchBytes(Math.min(4L << 20, maxQueueBytes))
        .closeTimeout(Duration.ZERO)
        .shutdownHook(false)
        .build();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    long before = usedAfterGc(memory);
    if (unique) {
      // Made after the baseline: what of the caller's data the queue keeps alive counts.
      String[] questions = new String[EVENTS];
      String[] answers = new String[EVENTS];
      for (int i = 0; i < EVENTS; i++) {
        questions[i] = Workload.QUESTION + " (request " + i + ")";
        answers[i] = Workload.ANSWER + " (answer " + i + ", " + UUID.randomUUID() + ")";
      }
      for (int i = 0; i < EVENTS; i++) {
        logUnique(session, questions[i], answers[i]);
      }
    } else {
      for (int i = 0; i < EVENTS; i++) {
        Workload.logTenField(session);
      }
    }
    long held = usedAfterGc(memory) - before;
    DeliveryStats stats = hh.stats();
    hh.close(); // closeTimeout 0: drops what is queued, counted
    long droppedAtClose = hh.stats().dropped();
    awaitExportersGone();
    long droppedLater = hh.stats().dropped();
    if (droppedLater != droppedAtClose) {
      // close() returned while the exporter thread was still counting leftovers it had taken (see README).
      System.out.printf("note: stats().dropped() was %d when close() returned, %d once the exporter thread ended%n",
          droppedAtClose, droppedLater);
    }
    long sessionIds = usedAfterGc(memory) - before;
    long queuedAndInFlight = stats.queued() + stats.inFlight();
    double perEvent = queuedAndInFlight == 0 ? 0 : (double) (held - sessionIds) / queuedAndInFlight;
    System.out.printf("%-34s %9d %9d %9d %9d %9.1f MB %9.1f MB %8.0f B %9.1f MB%n", name, EVENTS, stats.queued(),
        stats.inFlight(), stats.dropped(), stats.queuedBytes() / 1e6, held / 1e6, perEvent, sessionIds / 1e6);
    String key = name.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "");
    System.out.printf("RESULT heap.%s.queued=%d%n", key, stats.queued());
    System.out.printf("RESULT heap.%s.inFlight=%d%n", key, stats.inFlight());
    System.out.printf("RESULT heap.%s.dropped=%d%n", key, stats.dropped());
    System.out.printf("RESULT heap.%s.estimatedBytes=%d%n", key, stats.queuedBytes());
    System.out.printf("RESULT heap.%s.heldBytes=%d%n", key, held);
    System.out.printf("RESULT heap.%s.sessionIdBytes=%d%n", key, sessionIds);
    System.out.printf("RESULT heap.%s.perEventBytes=%.0f%n", key, perEvent);
    if (session.sessionId().isEmpty()) {
      throw new AssertionError(); // keeps the session reachable until here
    }
  }

  private static void logUnique(Session session, String question, String answer) {
    session.model(Workload.MODEL)
        .inputs(Map.of("messages", List.of(
            Map.of("role", "system", "content", Workload.SYSTEM_PROMPT),
            Map.of("role", "user", "content", question))))
        .outputs(Map.of("role", "assistant", "content", answer))
        .provider("openai")
        .temperature(0.2)
        .maxTokens(512)
        .metadata(Workload.METADATA)
        .usage(35, 23)
        .cost(0.00042)
        .userProperties(Workload.USER_PROPERTIES)
        .duration(Workload.DURATION)
        .log();
  }

  /** Waits (5 s at most) until no exporter thread is alive: one may still be dropping leftovers after close(). */
  private static void awaitExportersGone() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() - deadline < 0) {
      boolean alive = false;
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        alive |= thread.getName().startsWith("honeyhive-exporter");
      }
      if (!alive) {
        return;
      }
      Thread.sleep(10);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** A loopback endpoint that accepts connections and never reads or answers: an ingest that hangs. */
  static final class SilentEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    SilentEndpoint() throws IOException {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      Thread acceptor = new Thread(() -> {
        try {
          while (held.size() < 64) {
            held.add(server.accept());
          }
        } catch (IOException e) {
          // closed
        }
      }, "silent-endpoint-accept");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
