package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.DateRange;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.errors.InternalServerException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventSearchTest {
  private final RecordingGateway gateway = new RecordingGateway();
  private int nextEventNumber = 1;

  /** Returns a response of {@code size} distinct events, and {@code count} when not null. */
  private SearchEventsResponse page(int size, Long count) {
    List<EventRecord> events = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      events.add(new EventRecord()
          .eventId(UUID.randomUUID().toString())
          .eventName("event-" + nextEventNumber++)
          .eventType(ai.honeyhive.client.model.EventType.MODEL));
    }
    return new SearchEventsResponse().events(events).count(count);
  }

  private SearchEventsResponse page(int size) {
    return page(size, null);
  }

  private List<Integer> requestedPages() {
    return gateway.searchRequests().stream().map(SearchEventsRequest::getPage).collect(Collectors.toList());
  }

  private static List<Event> toList(Iterable<Event> events) {
    List<Event> result = new ArrayList<>();
    events.forEach(result::add);
    return result;
  }

  @Test
  void fetchSendsTheDefaultLimitAndPage() {
    gateway.enqueueSearch(page(0));

    new EventSearch(gateway).fetch();

    SearchEventsRequest request = gateway.searchRequests().get(0);
    assertThat(request.getLimit()).isEqualTo(1000);
    assertThat(request.getPage()).isEqualTo(1);
  }

  @Test
  void fetchWithoutSettingsSendsNoFiltersRangeOrEvaluation() {
    gateway.enqueueSearch(page(0));

    new EventSearch(gateway).fetch();

    SearchEventsRequest request = gateway.searchRequests().get(0);
    assertThat(request.getFilters()).isEmpty();
    assertThat(request.getDateRange()).isNull();
    assertThat(request.getEvaluationId()).isNull();
  }

  @Test
  void fetchSendsEveryFilterInOrder() {
    gateway.enqueueSearch(page(0));

    new EventSearch(gateway)
        .filter(EventFilter.field("event_type").is("model"))
        .filter(EventFilter.field("metadata.cost").greaterThan(0.01))
        .fetch();

    assertThat(gateway.searchRequests().get(0).getFilters()).containsExactly(
        EventFilter.field("event_type").is("model").toWire(),
        EventFilter.field("metadata.cost").greaterThan(0.01).toWire());
  }

  @Test
  void fetchSendsTheDateRangeInUtc() {
    gateway.enqueueSearch(page(0));
    Instant start = Instant.parse("2024-11-21T00:00:00Z");
    Instant end = Instant.parse("2024-11-22T00:00:00Z");

    new EventSearch(gateway).dateRange(start, end).fetch();

    assertThat(gateway.searchRequests().get(0).getDateRange()).isEqualTo(new DateRange()
        .startTime(start.atOffset(ZoneOffset.UTC))
        .endTime(end.atOffset(ZoneOffset.UTC)));
  }

  @Test
  void anOpenEndIsSentAsTheTimeOfTheSearchBecauseHoneyHiveRequiresBothEnds() {
    gateway.enqueueSearch(page(0));
    Instant start = Instant.parse("2024-11-21T00:00:00Z");
    Instant now = Instant.parse("2026-12-06T10:00:00.123Z");

    new EventSearch(gateway, Runnable::run, now::toEpochMilli).dateRange(start, null).fetch();

    assertThat(gateway.searchRequests().get(0).getDateRange())
        .isEqualTo(new DateRange().startTime(start.atOffset(ZoneOffset.UTC)).endTime(now.atOffset(ZoneOffset.UTC)));
  }

  @Test
  void anOpenStartIsSentAsTheUnixEpoch() {
    gateway.enqueueSearch(page(0));
    Instant end = Instant.parse("2024-11-21T00:00:00Z");

    new EventSearch(gateway).dateRange(null, end).fetch();

    assertThat(gateway.searchRequests().get(0).getDateRange())
        .isEqualTo(new DateRange().startTime(Instant.EPOCH.atOffset(ZoneOffset.UTC)).endTime(end.atOffset(ZoneOffset.UTC)));
  }

  @Test
  void everyPageOfOneIterationSendsTheSameFilledInEnd() {
    gateway.enqueueSearch(page(2, 3L));
    gateway.enqueueSearch(page(1, 3L));
    long[] clock = {1_000_000L};

    EventSearch search = new EventSearch(gateway, Runnable::run, () -> clock[0]++).pageSize(2)
        .dateRange(Instant.EPOCH.plusSeconds(1), null);
    search.stream().forEach(event -> { });

    assertThat(gateway.searchRequests()).extracting(SearchEventsRequest::getDateRange).containsOnly(
        new DateRange().startTime(Instant.EPOCH.plusSeconds(1).atOffset(ZoneOffset.UTC))
            .endTime(Instant.ofEpochMilli(1_000_000L).atOffset(ZoneOffset.UTC)));
  }

  @Test
  void aFractionalCountIsReadAsItsWholePart() {
    gateway.enqueueSearch(new SearchEventsResponse().events(List.of()).count(15055534.97));

    assertThat(new EventSearch(gateway).fetch().totalCount()).hasValue(15055534L);
  }

  @Test
  void fetchSendsThePageSizeAsLimitAndThePage() {
    gateway.enqueueSearch(page(0));

    new EventSearch(gateway).pageSize(50).page(3).fetch();

    SearchEventsRequest request = gateway.searchRequests().get(0);
    assertThat(request.getLimit()).isEqualTo(50);
    assertThat(request.getPage()).isEqualTo(3);
  }

  @Test
  void fetchSendsTheEvaluationId() {
    gateway.enqueueSearch(page(0));

    new EventSearch(gateway).evaluationId("run-7").fetch();

    assertThat(gateway.searchRequests().get(0).getEvaluationId()).isEqualTo("run-7");
  }

  @Test
  void fetchReturnsThePageWithItsEventsAndCount() {
    gateway.enqueueSearch(page(2, 5L));

    EventPage page = new EventSearch(gateway).pageSize(2).fetch();

    assertThat(page.events()).extracting(Event::name).containsExactly("event-1", "event-2");
    assertThat(page.page()).isEqualTo(1);
    assertThat(page.pageSize()).isEqualTo(2);
    assertThat(page.totalCount()).hasValue(5);
    assertThat(page.hasNextPage()).isTrue();
  }

  @Test
  void fetchMakesExactlyOneRequestEvenWhenMorePagesExist() {
    gateway.enqueueSearch(page(2, 10L));

    new EventSearch(gateway).pageSize(2).fetch();

    assertThat(gateway.callCount()).isEqualTo(1);
  }

  @Test
  void aPageWithoutCountHasAnEmptyTotalCount() {
    gateway.enqueueSearch(page(1));

    assertThat(new EventSearch(gateway).fetch().totalCount()).isEmpty();
  }

  @Test
  void aShortPageHasNoNextPage() {
    gateway.enqueueSearch(page(1));

    assertThat(new EventSearch(gateway).pageSize(2).fetch().hasNextPage()).isFalse();
  }

  @Test
  void aFullLastPageByCountHasNoNextPage() {
    gateway.enqueueSearch(page(2, 6L));

    assertThat(new EventSearch(gateway).pageSize(2).page(3).fetch().hasNextPage()).isFalse();
  }

  @Test
  void aResponseWithoutEventsIsAnEmptyPage() {
    gateway.enqueueSearch(new SearchEventsResponse());

    EventPage page = new EventSearch(gateway).fetch();

    assertThat(page.events()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void iterateFollowsFullPagesUntilAShortPage() {
    gateway.enqueueSearch(page(2)).enqueueSearch(page(2)).enqueueSearch(page(1));

    List<Event> events = toList(new EventSearch(gateway).pageSize(2).iterate());

    assertThat(events).extracting(Event::name)
        .containsExactly("event-1", "event-2", "event-3", "event-4", "event-5");
    assertThat(requestedPages()).containsExactly(1, 2, 3);
  }

  @Test
  void iterateStopsWhenTheCountSaysEveryEventWasReturned() {
    gateway.enqueueSearch(page(2, 4L)).enqueueSearch(page(2, 4L));

    List<Event> events = toList(new EventSearch(gateway).pageSize(2).iterate());

    assertThat(events).hasSize(4);
    assertThat(gateway.callCount()).isEqualTo(2);
  }

  @Test
  void iterateWithoutCountNeedsAnEmptyPageToStopAfterAnExactMultiple() {
    gateway.enqueueSearch(page(2)).enqueueSearch(page(2)).enqueueSearch(page(0));

    List<Event> events = toList(new EventSearch(gateway).pageSize(2).iterate());

    assertThat(events).hasSize(4);
    assertThat(gateway.callCount()).isEqualTo(3);
  }

  @Test
  void iterateOverAnEmptyFirstPageMakesOneRequest() {
    gateway.enqueueSearch(page(0, 0L));

    List<Event> events = toList(new EventSearch(gateway).iterate());

    assertThat(events).isEmpty();
    assertThat(gateway.callCount()).isEqualTo(1);
  }

  @Test
  void iterateStartsAtTheConfiguredPageAndCountsFromThere() {
    gateway.enqueueSearch(page(2, 6L)).enqueueSearch(page(2, 6L));

    List<Event> events = toList(new EventSearch(gateway).pageSize(2).page(2).iterate());

    assertThat(events).hasSize(4);
    assertThat(requestedPages()).containsExactly(2, 3);
  }

  @Test
  void iterateSendsTheSameQueryForEveryPage() {
    gateway.enqueueSearch(page(1)).enqueueSearch(page(0));

    toList(new EventSearch(gateway)
        .pageSize(1)
        .filter(EventFilter.field("source").is("production"))
        .evaluationId("run-7")
        .iterate());

    assertThat(gateway.searchRequests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.getFilters()).containsExactly(EventFilter.field("source").is("production").toWire());
      assertThat(request.getEvaluationId()).isEqualTo("run-7");
      assertThat(request.getLimit()).isEqualTo(1);
    });
  }

  @Test
  void iterateMakesNoRequestUntilIterated() {
    Iterable<Event> events = new EventSearch(gateway).iterate();
    Iterator<Event> iterator = events.iterator();

    assertThat(iterator).isNotNull();
    assertThat(gateway.callCount()).isZero();
  }

  @Test
  void eachIteratorStartsAgainFromTheFirstPage() {
    gateway.enqueueSearch(page(1)).enqueueSearch(page(1));
    Iterable<Event> events = new EventSearch(gateway).pageSize(2).page(4).iterate();

    toList(events);
    toList(events);

    assertThat(requestedPages()).containsExactly(4, 4);
  }

  @Test
  void changingTheBuilderAfterIterateDoesNotChangeTheIteration() {
    gateway.enqueueSearch(page(1));
    EventSearch search = new EventSearch(gateway).pageSize(5);
    Iterable<Event> events = search.iterate();

    search.pageSize(10).page(2).filter(EventFilter.field("source").is("test"));
    toList(events);

    SearchEventsRequest request = gateway.searchRequests().get(0);
    assertThat(request.getLimit()).isEqualTo(5);
    assertThat(request.getPage()).isEqualTo(1);
    assertThat(request.getFilters()).isEmpty();
  }

  @Test
  void streamFollowsPagesLikeIterate() {
    gateway.enqueueSearch(page(2)).enqueueSearch(page(1));

    List<String> names = new EventSearch(gateway).pageSize(2).stream().map(Event::name).collect(Collectors.toList());

    assertThat(names).containsExactly("event-1", "event-2", "event-3");
    assertThat(gateway.callCount()).isEqualTo(2);
  }

  @Test
  void aShortCircuitingStreamStopsRequestingPages() {
    gateway.enqueueSearch(page(2, 100L)).enqueueSearch(page(2, 100L));

    List<Event> firstThree = new EventSearch(gateway).pageSize(2).stream().limit(3).collect(Collectors.toList());

    assertThat(firstThree).hasSize(3);
    assertThat(gateway.callCount()).isEqualTo(2);
  }

  @Test
  void streamMakesNoRequestUntilATerminalOperation() {
    new EventSearch(gateway).stream().map(Event::name);

    assertThat(gateway.callCount()).isZero();
  }

  @Test
  void fetchPropagatesApiFailures() {
    InternalServerException failure =
        new InternalServerException("POST /v1/events/search", 503, Map.of(), "unavailable", null);
    gateway.failNext(RecordingGateway.SEARCH_EVENTS, failure);

    assertThatThrownBy(() -> new EventSearch(gateway).fetch()).isSameAs(failure);
  }

  @Test
  void iterationPropagatesAFailureOnALaterPage() {
    InternalServerException failure =
        new InternalServerException("POST /v1/events/search", 503, Map.of(), "unavailable", null);
    gateway.enqueueSearch(page(1)).failNext(RecordingGateway.SEARCH_EVENTS, failure);
    Iterator<Event> iterator = new EventSearch(gateway).pageSize(1).iterate().iterator();
    iterator.next();

    assertThatThrownBy(iterator::hasNext).isSameAs(failure);
  }

  @Test
  void rejectsAPageSizeBelowOne() {
    assertThatThrownBy(() -> new EventSearch(gateway).pageSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be between 1 and 1000, but was 0");
  }

  @Test
  void rejectsAPageSizeAboveTheApiLimit() {
    assertThatThrownBy(() -> new EventSearch(gateway).pageSize(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be between 1 and 1000, but was 1001");
  }

  @Test
  void rejectsAPageBelowOne() {
    assertThatThrownBy(() -> new EventSearch(gateway).page(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be 1 or more, but was 0");
  }

  @Test
  void rejectsAStartAfterTheEnd() {
    Instant end = Instant.parse("2024-11-21T00:00:00Z");

    assertThatThrownBy(() -> new EventSearch(gateway).dateRange(end.plusSeconds(1), end))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("start must not be after end");
  }

  @Test
  void rejectsANullFilter() {
    assertThatThrownBy(() -> new EventSearch(gateway).filter(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("filter == null");
  }

  @Test
  void rejectsABlankEvaluationId() {
    assertThatThrownBy(() -> new EventSearch(gateway).evaluationId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("evaluationId must not be blank");
  }

  @Test
  void rejectedSettingsMakeNoRequest() {
    EventSearch search = new EventSearch(gateway);

    assertThatThrownBy(() -> search.pageSize(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(gateway.callCount()).isZero();
  }
}
