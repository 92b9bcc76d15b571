package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.Event;
import ai.honeyhive.EventFilter;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the examples send their events, and how they read the sessions back as trees.
 *
 * <ul>
 *   <li>By default: an embedded {@link HoneyHiveTestServer} on a loopback port. No key, no network; every request is
 *       checked against the OpenAPI spec, and {@link HoneyHiveTestServer#sessionTree(String)} prints what arrived.
 *   <li>With {@code HH_API_KEY} set (environment or system property): HoneyHive itself, configured from the
 *       environment ({@code HH_API_URL}, ...). The API has no call that returns a session's tree, so the examples read
 *       the session's events back with the search API ({@code POST /v1/events/search}, filtered on
 *       {@code session_id}) and draw the tree from them; HoneyHive indexes events within seconds, so this waits until
 *       the count stops growing (at most 30 seconds) and may still show an incomplete tree.
 * </ul>
 */
public final class Backend implements AutoCloseable {
  private final HoneyHiveTestServer server;
  private final HoneyHive reader;
  private int exchangesSeen;
  private Duration pollInterval = Duration.ofSeconds(2);

  private Backend(HoneyHiveTestServer server, HoneyHive reader) {
    this.server = server;
    this.reader = reader;
  }

  /**
   * Returns the real API when {@code HH_API_KEY} is set, else an embedded test server.
   *
   * @return the backend
   */
  public static Backend fromEnvironment() {
    String key = System.getProperty("HH_API_KEY", System.getenv("HH_API_KEY"));
    if (key != null && !key.isBlank()) {
      return new Backend(null, HoneyHive.builder().fromEnv().deliveryMode(DeliveryMode.SYNCHRONOUS).build());
    }
    return embedded();
  }

  /**
   * Returns a backend on a freshly started embedded test server, whatever the environment says.
   *
   * @return the backend
   */
  public static Backend embedded() {
    return new Backend(HoneyHiveTestServer.start(), null);
  }

  /** Sets how often {@link #tree} searches again while the real API is still indexing a session; for tests. */
  Backend pollEvery(Duration interval) {
    this.pollInterval = interval;
    return this;
  }

  /**
   * Returns the embedded server, or empty when the examples talk to the real API.
   *
   * @return the server
   */
  public Optional<HoneyHiveTestServer> server() {
    return Optional.ofNullable(server);
  }

  /**
   * Returns a builder for one service's client, in the given delivery mode, with its source set.
   *
   * @param source the service's name, recorded as each event's source
   * @param mode how the client delivers writes
   * @return the builder; change any option before {@code build()}
   */
  public HoneyHive.Builder client(String source, DeliveryMode mode) {
    HoneyHive.Builder builder = server != null ? server.clientBuilder() : HoneyHive.builder().fromEnv();
    return builder.source(source).deliveryMode(mode).shutdownHook(false);
  }

  /**
   * Returns the {@code honeyhive.*} properties that point a Spring Boot application's auto-configured client here:
   * the embedded server's URL and key; nothing against the real API, where the client reads {@code HH_API_KEY} and
   * {@code HH_API_URL} from the environment as any other.
   *
   * @return the properties, {@code name=value}
   */
  public List<String> springProperties() {
    return server != null
        ? List.of("honeyhive.base-url=" + server.baseUrl(), "honeyhive.api-key=" + server.apiKey())
        : List.of();
  }

  /**
   * Returns the sessions that events of {@code source} made from {@code since} on, oldest first: for an application
   * whose sessions an integration opened, so that it never saw their ids. Against the real API, searched for (with
   * the same wait for indexing as {@link #tree}).
   *
   * @param source the source the application's client records
   * @param since when the application started
   * @return the session ids
   */
  public List<String> sessionsOf(String source, Instant since) {
    if (server != null) {
      return server.events().stream()
          .filter(event -> event.isSession() && source.equals(event.source()))
          .filter(event -> event.startTime() == null || event.startTime() >= since.toEpochMilli())
          .sorted(Comparator.comparing(event -> event.startTime() == null ? Long.MIN_VALUE : event.startTime()))
          .map(StoredEvent::eventId)
          .toList();
    }
    List<Event> sessions = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int stableRounds = 0;
    while (System.nanoTime() < deadline && stableRounds < 2) {
      List<Event> found;
      try (Stream<Event> stream = reader.searchEvents()
          .filter(EventFilter.field("event_type").is("session"))
          .filter(EventFilter.field("source").is(source))
          .dateRange(since, null).stream()) {
        found = new ArrayList<>(stream.toList());
      }
      stableRounds = !found.isEmpty() && found.size() == sessions.size() ? stableRounds + 1 : 0;
      sessions = found;
      if (stableRounds < 2) {
        sleep(pollInterval);
      }
    }
    return sessions.stream()
        .sorted(Comparator.comparing((Event e) -> e.startTime() == null ? Instant.MIN : e.startTime()))
        .map(Event::eventId)
        .toList();
  }

  /**
   * Returns a description of where events go, for the banner.
   *
   * @return such as {@code embedded HoneyHiveTestServer at http://127.0.0.1:40123/}
   */
  public String describe() {
    return server != null
        ? "the embedded HoneyHiveTestServer at " + server.baseUrl() + " (set HH_API_KEY to use HoneyHive)"
        : "HoneyHive at " + reader.baseUrl() + " (HH_API_KEY is set)";
  }

  /**
   * Returns the session {@code sessionId} drawn as a tree: names, types, durations and nesting.
   *
   * @param sessionId the session
   * @return the tree, one event per line
   */
  public String tree(String sessionId) {
    if (server != null) {
      return server.sessionTree(sessionId).render();
    }
    return EventTreeText.render(sessionId, readBack(sessionId));
  }

  /**
   * Returns the HTTP requests the clients made since the last call, by operation, such as
   * {@code createEvent ×2, startSession ×1}; against the real API, a note that they cannot be observed.
   *
   * @return the summary
   */
  public String requestsSinceLastCall() {
    if (server == null) {
      return "(not observable against the real API)";
    }
    List<RecordedExchange> all = server.exchanges();
    List<RecordedExchange> recent = all.subList(Math.min(exchangesSeen, all.size()), all.size());
    exchangesSeen = all.size();
    Map<String, Long> counts = recent.stream().collect(Collectors.groupingBy(
        exchange -> exchange.method() + " " + template(exchange.path()), LinkedHashMap::new, Collectors.counting()));
    return counts.isEmpty() ? "none" : counts.entrySet().stream()
        .map(entry -> entry.getKey() + " ×" + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  /**
   * Returns the requests the embedded server refused or answered against the spec; always empty for the real API.
   *
   * @return the validation errors
   */
  public List<String> validationErrors() {
    return server != null ? server.validationErrors() : List.of();
  }

  private static String template(String path) {
    return path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
  }

  private List<Event> readBack(String sessionId) {
    List<Event> events = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int stableRounds = 0;
    while (System.nanoTime() < deadline && stableRounds < 2) {
      List<Event> found;
      try (Stream<Event> stream = reader.searchEvents()
          .filter(EventFilter.field("session_id").is(sessionId)).stream()) {
        found = new ArrayList<>(stream.toList());
      }
      stableRounds = !found.isEmpty() && found.size() == events.size() ? stableRounds + 1 : 0;
      events = found;
      if (stableRounds < 2) {
        sleep(pollInterval);
      }
    }
    return events;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the embedded server, or closes the reading client. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (reader != null) {
      reader.close();
    }
  }
}
