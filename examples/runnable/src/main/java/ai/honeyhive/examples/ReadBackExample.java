package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.Event;
import ai.honeyhive.EventFilter;
import ai.honeyhive.EventPage;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reading back what was written: a batched client logs a session of model and tool calls and flushes it; a
 * synchronous client then updates one event, reads it back by id, and searches the session with each of the ten
 * filter operators, page by page, within date ranges open at either end.
 */
public final class ReadBackExample implements Example {
  /** When the example's events start: a fixed past time, so that the date ranges below select a known part. */
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new ReadBackExample());
  }

  @Override
  public String title() {
    return "7. Reading back: update an event, get it by id, search with every operator, page and date range";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    Session session;
    String answer;
    try (HoneyHive writer = backend.client("examples", DeliveryMode.BATCHED).build()) {
      session = writer.session("read-back").start();
      answer = session.model("gpt-4o").message("user", "Where is my parcel?").completion("It left the depot.")
          .usage(40, 12).cost(0.01).startTime(T0.plusSeconds(1)).endTime(T0.plusSeconds(2)).log();
      session.model("gpt-4o-mini").message("user", "Thanks!").completion("You are welcome.")
          .usage(8, 4).cost(0.001).startTime(T0.plusSeconds(3)).endTime(T0.plusSeconds(4)).log();
      session.tool("track-parcel").inputs(Map.of("parcel", "P-77")).metadata(Map.of("cached", true))
          .startTime(T0.plusSeconds(5)).endTime(T0.plusSeconds(6)).error("carrier timeout").log();
      session.end();
      out.println("batched writes flushed: " + writer.flush(Duration.ofSeconds(30)));
    }

    try (HoneyHive reader = backend.client("examples", DeliveryMode.SYNCHRONOUS).build()) {
      reader.updateEvent(answer).feedback(Map.of("rating", 5)).metrics(Map.of("helpful", true)).send();
      Event read = reader.getEvent(answer);
      out.println("read back by id: " + read.name() + ", feedback " + read.feedback());

      EventFilter inSession = EventFilter.field("session_id").is(session.sessionId());
      Map<String, EventFilter> filters = new LinkedHashMap<>();
      filters.put("is", EventFilter.field("event_type").is("model"));
      filters.put("is not", EventFilter.field("event_type").isNot("session"));
      filters.put("contains", EventFilter.field("event_name").contains("mini"));
      filters.put("not contains", EventFilter.field("event_name").notContains("gpt"));
      filters.put("greater than", EventFilter.field("metadata.cost").greaterThan(0.005));
      filters.put("less than", EventFilter.field("metadata.cost").lessThan(0.005));
      filters.put("after", EventFilter.field("start_time").after(T0.plusMillis(2500)));
      filters.put("before", EventFilter.field("start_time").before(T0.plusMillis(2500)));
      filters.put("exists", EventFilter.field("error").exists());
      filters.put("not exists", EventFilter.field("feedback.rating").notExists());
      filters.forEach((operator, filter) -> out.println("  " + operator + ": " + names(reader.searchEvents()
          .filter(inSession).filter(filter).stream())));

      EventPage first = reader.searchEvents().filter(inSession).pageSize(2).fetch();
      out.println("page 1 of 2 per page: " + first.events().size() + " events, " + first.totalCount().orElse(-1)
          + " in all, more: " + first.hasNextPage());
      out.println("every page, 2 at a time: " + names(reader.searchEvents().filter(inSession).pageSize(2).stream()));
      out.println("started from T0+2.5s on (open end): " + names(reader.searchEvents().filter(inSession)
          .dateRange(T0.plusMillis(2500), null).stream()));
      out.println("started up to T0+2.5s (open start): " + names(reader.searchEvents().filter(inSession)
          .dateRange(null, T0.plusMillis(2500)).stream()));
      out.println("started between T0+1s and T0+3s: " + names(reader.searchEvents().filter(inSession)
          .dateRange(T0.plusSeconds(1), T0.plusSeconds(3)).stream()));
    }
    return List.of(session.sessionId());
  }

  /** The names of {@code events}, in the server's order (newest first). */
  private static List<String> names(Stream<Event> events) {
    try (events) {
      return events.map(Event::name).toList();
    }
  }
}
