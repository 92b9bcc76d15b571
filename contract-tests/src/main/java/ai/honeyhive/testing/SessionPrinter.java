package ai.honeyhive.testing;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches a {@link HoneyHiveTestServer} and prints what it receives, for {@link HoneyHiveTestServerMain}: each
 * session as a tree once no event of it arrived for the quiet period (again, marked {@code updated}, when it changes
 * later), and each request the real API would refuse, one line each, as soon as it is seen.
 *
 * <pre>
 * [14:02:07] session 9bf47942-7e51-4e22-ac5a-16533163f6f5, 4 events
 * session "checkout" 2500.0 ms
 * ├── chain "answer" 2360.0 ms
 * │   └── model "gpt-4o" 1980.0 ms
 * └── tool "notify" 3.0 ms
 *
 * [14:02:09] invalid request: POST /v1/events (createEvent) -> 400: [validation.request.body.schema.enum] ...
 * </pre>
 *
 * <p>{@link #start()} polls on a daemon thread; {@link #poll()} does one round, for tests with a controlled clock.
 * Never prints a bearer token: one that a finding quotes is replaced by {@code <redacted>}.
 */
final class SessionPrinter implements AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final HoneyHiveTestServer server;
  private final PrintStream out;
  private final Clock clock;
  private final Duration quietPeriod;
  private final Duration pollInterval;

  // Touched only under this object's lock: poll() runs on the printer thread and from close().
  private int exchangesSeen;
  private final Map<String, Rendered> lastRendered = new HashMap<>();
  private final Map<String, Long> changedAt = new LinkedHashMap<>();
  private final Set<String> printed = new HashSet<>();

  private volatile boolean closed;
  private Thread thread;

  SessionPrinter(HoneyHiveTestServer server, PrintStream out, Clock clock, Duration quietPeriod) {
    this.server = server;
    this.out = out;
    this.clock = clock;
    this.quietPeriod = quietPeriod;
    long millis = Math.max(10, Math.min(100, quietPeriod.toMillis() / 4));
    this.pollInterval = Duration.ofMillis(millis);
  }

  /** Starts polling on a daemon thread named {@code honeyhive-test-server-printer}. Call once. */
  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::run, "honeyhive-test-server-printer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!closed) {
      try {
        poll();
      } catch (RuntimeException e) {
        out.println(time() + " the printer failed, and carries on: " + e);
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * One round: prints the findings of the requests that arrived since the last round, notes which sessions changed,
   * and prints those that have been quiet for the quiet period.
   */
  synchronized void poll() {
    List<RecordedExchange> exchanges = server.exchanges();
    if (exchanges.size() > exchangesSeen) {
      for (RecordedExchange exchange : exchanges.subList(exchangesSeen, exchanges.size())) {
        printFindings(exchange);
      }
      exchangesSeen = exchanges.size();
      noteChangedSessions();
    }
    printQuietSessions(false);
  }

  /** Stops the thread, then prints what is left: new findings, and every changed session however recent. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = thread;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      poll();
      printQuietSessions(true);
    }
  }

  private void noteChangedSessions() {
    Map<String, List<StoredEvent>> bySession = new LinkedHashMap<>();
    for (StoredEvent event : server.events()) {
      bySession.computeIfAbsent(event.sessionId(), id -> new ArrayList<>()).add(event);
    }
    long now = clock.millis();
    bySession.forEach((sessionId, events) -> {
      Rendered rendered = new Rendered(SessionTree.of(sessionId, events).render(), events.size());
      if (!rendered.equals(lastRendered.put(sessionId, rendered))) {
        changedAt.put(sessionId, now);
      }
    });
  }

  private void printQuietSessions(boolean all) {
    long now = clock.millis();
    Set<String> due = new LinkedHashSet<>();
    changedAt.forEach((sessionId, at) -> {
      if (all || now - at >= quietPeriod.toMillis()) {
        due.add(sessionId);
      }
    });
    for (String sessionId : due) {
      changedAt.remove(sessionId);
      Rendered rendered = lastRendered.get(sessionId);
      out.print(time() + " session " + sessionId + (printed.add(sessionId) ? "" : " updated") + ", "
          + rendered.events + (rendered.events == 1 ? " event" : " events") + "\n" + rendered.tree + "\n");
      out.flush();
    }
  }

  private void printFindings(RecordedExchange exchange) {
    String token = bearerToken(exchange);
    for (String error : exchange.requestErrors()) {
      line("invalid request: " + exchange + ": " + error, token);
    }
    if (exchange.status() == 401 && exchange.requestErrors().isEmpty()) {
      line("refused: " + exchange + ": the bearer token is not the --api-key", token);
    }
    for (String error : exchange.responseErrors()) {
      line("invalid answer (a test server bug): " + exchange + ": " + error, token);
    }
  }

  private void line(String text, String token) {
    String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    if (token != null) {
      line = line.replace(token, "<redacted>");
    }
    out.println(time() + " " + line);
    out.flush();
  }

  private static String bearerToken(RecordedExchange exchange) {
    String authorization = exchange.requestHeader("Authorization");
    if (authorization == null) {
      return null;
    }
    String[] parts = authorization.strip().split("[ \\t]+", 2);
    return parts.length == 2 && parts[1].length() >= 4 ? parts[1].strip() : null;
  }

  /** A session's tree as last printed or seen, and how many events it holds. */
  private record Rendered(String tree, int events) {}

  private String time() {
    return "[" + LocalTime.now(clock).format(TIME) + "]";
  }
}
