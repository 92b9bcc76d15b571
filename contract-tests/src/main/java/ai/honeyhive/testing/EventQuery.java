package ai.honeyhive.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A search ({@code POST /v1/events/search}) or export ({@code POST /v1/events/export}) over the stored events:
 * every filter must match, the start time must fall in the date range (both ends included, either may be open), and
 * the matches are sorted by start time, newest first (ties: the later arrival first), then paged.
 *
 * @param filters conditions that must all match
 * @param from earliest start time to include, or null
 * @param to latest start time to include, or null
 * @param evaluationId when set, only events whose {@code metadata.evaluation_id} equals it
 * @param limit page size
 * @param page page number, from 1
 */
record EventQuery(List<SearchFilter> filters, Instant from, Instant to, String evaluationId, int limit, int page) {
  /** The page size when a search gives none, also the most it allows. */
  static final int SEARCH_DEFAULT_LIMIT = 1000;
  /** The page size when an export gives none. */
  static final int EXPORT_DEFAULT_LIMIT = 1000;

  /** Reads a {@code SearchEventsRequest}: {@code dateRange} has {@code start_time} and {@code end_time}. */
  static EventQuery search(Map<String, Object> body) {
    Map<String, Object> range = objectOrEmpty(body.get("dateRange"));
    return new EventQuery(filters(body), instant(range.get("start_time")), instant(range.get("end_time")),
        body.get("evaluation_id") == null ? null : String.valueOf(body.get("evaluation_id")),
        integer(body.get("limit"), SEARCH_DEFAULT_LIMIT), integer(body.get("page"), 1));
  }

  /** Reads an {@code ExportEventsRequest}: {@code dateRange} has {@code $gte} and {@code $lte}. */
  static EventQuery export(Map<String, Object> body) {
    Map<String, Object> range = objectOrEmpty(body.get("dateRange"));
    return new EventQuery(filters(body), instant(range.get("$gte")), instant(range.get("$lte")), null,
        integer(body.get("limit"), EXPORT_DEFAULT_LIMIT), integer(body.get("page"), 1));
  }

  /** Runs the query over {@code events}. */
  Page run(List<StoredEvent> events) {
    List<StoredEvent> matches = new ArrayList<>();
    for (StoredEvent event : events) {
      if (matches(event)) {
        matches.add(event);
      }
    }
    matches.sort(Comparator.comparing((StoredEvent e) -> e.startTime() == null ? Long.MIN_VALUE : e.startTime())
        .thenComparingLong(StoredEvent::sequence)
        .reversed());
    long first = (long) (page - 1) * limit;
    List<StoredEvent> pageEvents = first >= matches.size() ? List.of()
        : matches.subList((int) first, (int) Math.min(matches.size(), first + limit));
    return new Page(List.copyOf(pageEvents), matches.size());
  }

  private boolean matches(StoredEvent event) {
    Map<String, Object> fields = event.toMap();
    for (SearchFilter filter : filters) {
      if (!filter.matches(fields)) {
        return false;
      }
    }
    if (from != null || to != null) {
      Long start = event.startTime();
      if (start == null) {
        return false;
      }
      Instant at = Instant.ofEpochMilli(start);
      if ((from != null && at.isBefore(from)) || (to != null && at.isAfter(to))) {
        return false;
      }
    }
    return evaluationId == null || evaluationId.equals(String.valueOf(event.metadata().get("evaluation_id")));
  }

  private static List<SearchFilter> filters(Map<String, Object> body) {
    List<SearchFilter> filters = new ArrayList<>();
    List<Object> array = Json.array(body.get("filters"));
    if (array != null) {
      for (Object element : array) {
        Map<String, Object> filter = Json.object(element);
        if (filter != null) {
          filters.add(SearchFilter.from(filter));
        }
      }
    }
    return filters;
  }

  private static Map<String, Object> objectOrEmpty(Object value) {
    Map<String, Object> object = Json.object(value);
    return object != null ? object : Map.of();
  }

  private static Instant instant(Object value) {
    return value == null ? null : SearchFilter.instant(value);
  }

  private static int integer(Object value, int fallback) {
    return value instanceof Number && ((Number) value).intValue() >= 1 ? ((Number) value).intValue() : fallback;
  }

  /**
   * One page of results.
   *
   * @param events the page's events, newest first
   * @param count how many events matched in all
   */
  record Page(List<StoredEvent> events, long count) {}
}
