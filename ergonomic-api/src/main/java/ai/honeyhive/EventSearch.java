package ai.honeyhive;

import ai.honeyhive.client.model.DateRange;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.http.Gateway;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A search over the project's stored events ({@code POST /v1/events/search}). Describe what to find, then run it:
 *
 * <pre>{@code
 * EventPage first = hh.searchEvents()
 *     .filter(EventFilter.field("event_type").is("model"))
 *     .filter(EventFilter.field("metadata.cost").greaterThan(0.01))
 *     .dateRange(Instant.now().minus(Duration.ofDays(1)), Instant.now())
 *     .pageSize(100)
 *     .fetch();
 *
 * try (Stream<Event> events = hh.searchEvents().filter(EventFilter.field("error").exists()).stream()) {
 *   events.limit(50).forEach(e -> System.out.println(e.name() + ": " + e.error()));
 * }
 * }</pre>
 *
 * <p>Results come sorted by start time, newest first; the server decides the order and it cannot be changed.
 * Paging is by offset: events recorded while pages are being read shift later pages, so an event can appear twice
 * or be missed. To read a stable set, bound the search with a {@link #dateRange(Instant, Instant) date range} that
 * ends in the past.
 *
 * <p>This builder is mutable and not safe for concurrent use. Each terminal call ({@link #fetch()},
 * {@link #iterate()}, {@link #stream()}) takes a snapshot of the settings, so changing the builder afterwards does not
 * affect a page already fetched or an iteration already created, and the builder can be reused for another search.
 *
 * <p>The search makes no request until a terminal call needs one. API and connection failures surface from the
 * terminal call (or, while iterating, from {@code hasNext()}/{@code next()} and the stream's operations) as
 * {@link HoneyHiveException} subclasses, after the client's configured retries.
 */
public final class EventSearch {
  /** The largest page size the API accepts, also the default. */
  private static final int MAX_PAGE_SIZE = 1000;

  private final Gateway gateway;
  private final Executor async;
  private final LongSupplier nowEpochMillis;
  private final List<EventFilter> filters = new ArrayList<>();
  private Instant start;
  private Instant end;
  private int pageSize = MAX_PAGE_SIZE;
  private int page = 1;
  private String evaluationId;

  /** A search whose {@link #fetchAsync()} runs on the calling thread, for tests. */
  EventSearch(Gateway gateway) {
    this(gateway, Runnable::run, System::currentTimeMillis);
  }

  EventSearch(Gateway gateway, Executor async, LongSupplier nowEpochMillis) {
    if (gateway == null) {
      throw new NullPointerException("gateway == null");
    }
    this.gateway = gateway;
    this.async = async;
    this.nowEpochMillis = nowEpochMillis;
  }

  /**
   * Adds a condition that every returned event must satisfy. Repeatable: conditions combine with AND. By default
   * there is none, and every event of the project matches.
   *
   * @param filter the condition, such as {@code EventFilter.field("event_type").is("model")}
   * @return this builder
   * @throws NullPointerException if {@code filter} is null
   */
  public EventSearch filter(EventFilter filter) {
    if (filter == null) {
      throw new NullPointerException("filter == null");
    }
    filters.add(filter);
    return this;
  }

  /**
   * Keeps only events whose start time falls between {@code start} and {@code end}, both included. Either may be null
   * to leave that end of the range open; passing two nulls removes the range. Replaces an earlier range. By default
   * there is no range.
   *
   * <p>HoneyHive requires both ends of a range, so an open end is sent as an explicit bound: an open start as the
   * Unix epoch ({@code 1970-01-01T00:00:00Z}), an open end as the time of the terminal call ({@link #fetch()},
   * {@link #iterate()}, {@link #stream()}), the same for every page of one iteration. Events that start after that
   * call (or are stamped later by a clock that runs ahead) are not returned.
   *
   * @param start the earliest start time to include, or null
   * @param end the latest start time to include, or null
   * @return this builder
   * @throws IllegalArgumentException if {@code start} is after {@code end}
   */
  public EventSearch dateRange(Instant start, Instant end) {
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException("start must not be after end, but start was " + start + " and end " + end);
    }
    this.start = start;
    this.end = end;
    return this;
  }

  /**
   * Sets how many events each request asks for (the API's {@code limit}). Default value is 1000, the most the API
   * allows. Smaller pages make each request faster and let a short-circuiting stream stop sooner.
   *
   * @param pageSize from 1 to 1000
   * @return this builder
   * @throws IllegalArgumentException if {@code pageSize} is outside 1..1000
   */
  public EventSearch pageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", but was " + pageSize);
    }
    this.pageSize = pageSize;
    return this;
  }

  /**
   * Sets the page {@link #fetch()} returns and the page {@link #iterate()} and {@link #stream()} start from, counting
   * from 1. Default value is 1.
   *
   * @param page 1 or more
   * @return this builder
   * @throws IllegalArgumentException if {@code page} is less than 1
   */
  public EventSearch page(int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more, but was " + page);
    }
    this.page = page;
    return this;
  }

  /**
   * Keeps only the events of one evaluation (experiment run). By default events of every run, and events outside
   * runs, match.
   *
   * @param evaluationId the run's id
   * @return this builder
   * @throws NullPointerException if {@code evaluationId} is null
   * @throws IllegalArgumentException if {@code evaluationId} is empty or only white space
   */
  public EventSearch evaluationId(String evaluationId) {
    if (evaluationId == null) {
      throw new NullPointerException("evaluationId == null");
    }
    if (evaluationId.isBlank()) {
      throw new IllegalArgumentException("evaluationId must not be blank, but was '" + evaluationId + "'");
    }
    this.evaluationId = evaluationId;
    return this;
  }

  /**
   * Fetches one page, the one set with {@link #page(int)} (default 1), in one request.
   *
   * @return the page; its events are empty when nothing matched or the page is past the last match
   * @throws HoneyHiveException if the request finally fails
   */
  public EventPage fetch() {
    Query query = snapshot();
    return query.fetch(gateway, query.firstPage);
  }

  /**
   * Fetches one page like {@link #fetch()}, on the client's executor ({@link HoneyHive.Builder#executor}). The
   * settings are read now: changing this builder afterwards does not change the request.
   *
   * @return a future completed with the page, or exceptionally with the {@link HoneyHiveException} of a request
   *     that finally failed
   */
  public CompletableFuture<EventPage> fetchAsync() {
    Query query = snapshot();
    return CompletableFuture.supplyAsync(() -> query.fetch(gateway, query.firstPage), async);
  }

  /**
   * Returns every matching event, page after page, starting at {@link #page(int)}. Pages are requested lazily, while
   * iterating: the first when {@code hasNext()} is first called, the next when the previous one is used up. Paging
   * stops after a page that is not full, after an empty page, or when the server's {@code count} says every match has
   * been returned; an iteration that stops early makes no further requests.
   *
   * <p>Each call to {@code iterator()} on the result starts a new run from the first page, making its own requests.
   * Failures surface from the iterator's {@code hasNext()} and {@code next()} as {@link HoneyHiveException}
   * subclasses.
   *
   * @return the events, in the server's order (start time, newest first)
   */
  public Iterable<Event> iterate() {
    Query query = snapshot();
    return () -> new PagingIterator(gateway, query);
  }

  /**
   * Returns every matching event as a sequential, ordered stream, fetching pages lazily like {@link #iterate()}.
   * Short-circuiting operations such as {@code limit} or {@code findFirst} stop the requests as soon as they have
   * what they need. The stream holds no resources, so closing it is optional. Failures surface from the stream's
   * terminal operation as {@link HoneyHiveException} subclasses.
   *
   * @return the events, in the server's order (start time, newest first)
   */
  public Stream<Event> stream() {
    Query query = snapshot();
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(
            new PagingIterator(gateway, query), Spliterator.ORDERED | Spliterator.NONNULL),
        Spliterator.ORDERED | Spliterator.NONNULL,
        false);
  }

  private Query snapshot() {
    Instant from = start;
    Instant to = end;
    if (from != null || to != null) { // HoneyHive requires both ends: fill in the open one.
      from = from != null ? from : Instant.EPOCH;
      to = to != null ? to : Instant.ofEpochMilli(nowEpochMillis.getAsLong());
      to = to.isBefore(from) ? from : to; // A start set in the future: an empty range, not a refused request.
    }
    return new Query(List.copyOf(filters), from, to, pageSize, page, evaluationId);
  }

  /** The settings of one search, frozen when a terminal method was called. */
  private static final class Query {
    final List<EventFilter> filters;
    final Instant start;
    final Instant end;
    final int pageSize;
    final int firstPage;
    final String evaluationId;

    Query(List<EventFilter> filters, Instant start, Instant end, int pageSize, int firstPage, String evaluationId) {
      this.filters = filters;
      this.start = start;
      this.end = end;
      this.pageSize = pageSize;
      this.firstPage = firstPage;
      this.evaluationId = evaluationId;
    }

    /** Returns the request for {@code page}: every filter, the range when set, {@code limit} and {@code page}. */
    SearchEventsRequest toWire(int page) {
      List<ai.honeyhive.client.model.EventFilter> wireFilters = new ArrayList<>(filters.size());
      for (EventFilter filter : filters) {
        wireFilters.add(filter.toWire());
      }
      SearchEventsRequest request =
          new SearchEventsRequest().filters(wireFilters).limit(pageSize).page(page).evaluationId(evaluationId);
      if (start != null) {
        request.dateRange(new DateRange().startTime(start.atOffset(ZoneOffset.UTC)).endTime(end.atOffset(ZoneOffset.UTC)));
      }
      return request;
    }

    EventPage fetch(Gateway gateway, int page) {
      SearchEventsResponse response = gateway.postSearch(toWire(page));
      List<EventRecord> wireEvents =
          response == null || response.getEvents() == null ? Collections.emptyList() : response.getEvents();
      List<Event> events = new ArrayList<>(wireEvents.size());
      for (EventRecord wire : wireEvents) {
        if (wire != null) {
          events.add(Event.fromWire(wire));
        }
      }
      return new EventPage(events, page, pageSize, response == null ? null : wholeCount(response.getCount()));
    }
  }

  /**
   * Returns HoneyHive's {@code count} as a whole number: a conforming answer may carry a fraction, which is dropped;
   * null for no count, or one that is negative or not finite.
   */
  static Long wholeCount(Number count) {
    if (count == null) {
      return null;
    }
    if (count instanceof Integer || count instanceof Long) {
      return count.longValue() < 0 ? null : count.longValue();
    }
    double value = count.doubleValue();
    return Double.isFinite(value) && value >= 0 ? (long) Math.min(Math.floor(value), Long.MAX_VALUE) : null;
  }

  /** Walks the pages of one query, requesting each only when the previous one is used up. */
  private static final class PagingIterator implements Iterator<Event> {
    private final Gateway gateway;
    private final Query query;
    private int nextPage;
    private boolean morePages = true;
    private Iterator<Event> current = Collections.emptyIterator();

    PagingIterator(Gateway gateway, Query query) {
      this.gateway = gateway;
      this.query = query;
      this.nextPage = query.firstPage;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && morePages) {
        EventPage page = query.fetch(gateway, nextPage);
        current = page.events().iterator();
        morePages = page.hasNextPage();
        nextPage++;
      }
      return current.hasNext();
    }

    @Override
    public Event next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more events");
      }
      return current.next();
    }
  }
}
