package ai.honeyhive;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.internal.http.BatchResult;
import ai.honeyhive.internal.http.Gateway;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fake {@link Gateway} for tests: records every call in order, and answers from queued responses.
 *
 * <ul>
 *   <li>{@code startSession}, {@code createEvent} and {@code updateEvent} succeed unless a failure is queued with
 *       {@link #failNext(String, RuntimeException)}.
 *   <li>{@code getEvent} and {@code searchEvents} answer with what {@link #enqueueGetEvent(Event)} and
 *       {@link #enqueueSearch(SearchEventsResponse)} queued, in order; with nothing queued they throw an
 *       {@link AssertionError}, so a test notices an unexpected request.
 * </ul>
 *
 * <p>A call is recorded even when it then fails. Thread-safe, so it also serves code that calls the gateway from
 * background threads; {@link #awaitCalls(int, Duration)} waits for such calls.
 */
final class RecordingGateway implements Gateway {
  static final String START_SESSION = "startSession";
  static final String CREATE_EVENT = "createEvent";
  static final String CREATE_EVENTS = "createEvents";
  static final String UPDATE_EVENT = "updateEvent";
  static final String IMPORT_SESSION = "importSession";
  static final String GET_EVENT = "getEvent";
  static final String SEARCH_EVENTS = "searchEvents";

  /** One recorded call: the method's name and its arguments, as passed (not copied). */
  record Call(String method, List<Object> arguments) {
    Call(String method, Object... arguments) {
      this(method, Collections.unmodifiableList(Arrays.asList(arguments)));
    }

    /** Returns argument {@code index}, cast to {@code type}. */
    <T> T argument(int index, Class<T> type) {
      return type.cast(arguments.get(index));
    }
  }

  /** A recorded {@code updateEvent} call. */
  record Update(String eventId, EventUpdate update) {}

  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<Object>> answers = new HashMap<>();

  /** Queues the response of the next {@code searchEvents} call that has no earlier response queued. */
  synchronized RecordingGateway enqueueSearch(SearchEventsResponse response) {
    queue(SEARCH_EVENTS).add(response);
    return this;
  }

  /** Queues the response of the next {@code getEvent} call that has no earlier response queued. */
  synchronized RecordingGateway enqueueGetEvent(Event event) {
    queue(GET_EVENT).add(event);
    return this;
  }

  /**
   * Makes a coming call of {@code method} (one of the constants, such as {@link #UPDATE_EVENT}) throw
   * {@code failure}, in its turn among that method's queued answers.
   */
  synchronized RecordingGateway failNext(String method, RuntimeException failure) {
    if (!List.of(START_SESSION, CREATE_EVENT, CREATE_EVENTS, UPDATE_EVENT, IMPORT_SESSION, GET_EVENT, SEARCH_EVENTS)
        .contains(method)) {
      throw new IllegalArgumentException("no Gateway method named " + method);
    }
    queue(method).add(failure);
    return this;
  }

  @Override
  public void postSession(SessionStartRequest session) {
    answer(new Call(START_SESSION, session));
  }

  @Override
  public void postEvent(Event event) {
    answer(new Call(CREATE_EVENT, event));
  }

  /** Records the batch (a copy of the list); answers with a queued {@link BatchResult} or failure, else all stored. */
  @Override
  public BatchResult postEvents(List<Event> events) {
    Object answer = answer(new Call(CREATE_EVENTS, List.copyOf(events)));
    return answer instanceof BatchResult ? (BatchResult) answer : BatchResult.ALL_STORED;
  }

  /** Queues the answer of a coming {@code createEvents} call, such as a partial success. */
  synchronized RecordingGateway enqueueBatchResult(BatchResult result) {
    queue(CREATE_EVENTS).add(result);
    return this;
  }

  /**
   * Records the import (properties and a copy of the events); answers with a queued session id ({@link
   * #enqueueImportedSessionId}) or failure, else {@code "server-session-<n>"} for the n-th import.
   */
  @Override
  public String postImport(SessionProperties properties, List<Event> events) {
    Object answer = answer(new Call(IMPORT_SESSION, properties, List.copyOf(events)));
    return answer instanceof String ? (String) answer : "server-session-" + calls(IMPORT_SESSION).size();
  }

  /** Queues the session id a coming {@code importSession} call answers. */
  synchronized RecordingGateway enqueueImportedSessionId(String sessionId) {
    queue(IMPORT_SESSION).add(sessionId);
    return this;
  }

  /** A recorded {@code importSession} call. */
  record Import(SessionProperties properties, List<Event> events) {}

  /** Returns the {@code importSession} calls, in order. */
  @SuppressWarnings("unchecked")
  List<Import> imports() {
    List<Import> result = new ArrayList<>();
    for (Call call : calls(IMPORT_SESSION)) {
      result.add(new Import(call.argument(0, SessionProperties.class), (List<Event>) call.arguments().get(1)));
    }
    return result;
  }

  @Override
  public void putEvent(String eventId, EventUpdate update) {
    answer(new Call(UPDATE_EVENT, eventId, update));
  }

  @Override
  public EventRecord getEvent(UUID eventId) {
    return (EventRecord) answer(new Call(GET_EVENT, eventId));
  }

  @Override
  public SearchEventsResponse postSearch(SearchEventsRequest request) {
    return (SearchEventsResponse) answer(new Call(SEARCH_EVENTS, request));
  }

  /** Returns every call so far, in order. */
  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns how many calls were made so far, of any method. */
  synchronized int callCount() {
    return calls.size();
  }

  /** Returns the calls of {@code method} so far, in order. */
  synchronized List<Call> calls(String method) {
    List<Call> result = new ArrayList<>();
    for (Call call : calls) {
      if (call.method().equals(method)) {
        result.add(call);
      }
    }
    return result;
  }

  /** Returns the sessions passed to {@code startSession}, in order. */
  List<SessionStartRequest> startedSessions() {
    return arguments(START_SESSION, SessionStartRequest.class);
  }

  /** Returns the events passed to {@code createEvent}, in order. */
  List<Event> createdEvents() {
    return arguments(CREATE_EVENT, Event.class);
  }

  /** Returns the {@code updateEvent} calls, in order. */
  List<Update> updates() {
    List<Update> result = new ArrayList<>();
    for (Call call : calls(UPDATE_EVENT)) {
      result.add(new Update(call.argument(0, String.class), call.argument(1, EventUpdate.class)));
    }
    return result;
  }

  /** Returns the ids passed to {@code getEvent}, in order. */
  List<UUID> gotEventIds() {
    return arguments(GET_EVENT, UUID.class);
  }

  /** Returns the requests passed to {@code searchEvents}, in order. */
  List<SearchEventsRequest> searchRequests() {
    return arguments(SEARCH_EVENTS, SearchEventsRequest.class);
  }

  /**
   * Waits until at least {@code count} calls (of any method) were made, or {@code timeout} passed.
   *
   * @return true if the calls were made in time
   */
  synchronized boolean awaitCalls(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (calls.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
    return true;
  }

  private <T> List<T> arguments(String method, Class<T> type) {
    List<T> result = new ArrayList<>();
    for (Call call : calls(method)) {
      result.add(call.argument(0, type));
    }
    return result;
  }

  private synchronized Object answer(Call call) {
    calls.add(call);
    notifyAll();
    Object answer = queue(call.method()).poll();
    if (answer instanceof RuntimeException) {
      throw (RuntimeException) answer;
    }
    if (answer == null && (call.method().equals(GET_EVENT) || call.method().equals(SEARCH_EVENTS))) {
      throw new AssertionError("unexpected " + call.method() + " call, no answer queued: " + call.arguments());
    }
    return answer;
  }

  private Deque<Object> queue(String method) {
    return answers.computeIfAbsent(method, m -> new ArrayDeque<>());
  }
}
