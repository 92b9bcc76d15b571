package ai.honeyhive;

import ai.honeyhive.internal.http.RetryInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A dispatcher for {@link MockHoneyHive}'s server in delivery tests: answers every write with 200 unless a responder
 * says otherwise, records each request with its parsed body, counts how often each id was accepted, and can hold
 * requests until released, to keep the exporter busy while a test fills the queue. Thread-safe.
 */
final class DeliverySink extends Dispatcher {
  /** One request as the server saw it. */
  record Request(String method, String path, Map<String, Object> body, int retryCount) {
    /** Returns the ids of the events in a batch body ({@code events}), or of the single event or session. */
    @SuppressWarnings("unchecked")
    List<String> ids() {
      List<String> ids = new ArrayList<>();
      Object events = body.get("events");
      if (events instanceof List) {
        for (Object event : (List<Object>) events) {
          ids.add((String) ((Map<String, Object>) event).get("event_id"));
        }
      } else if (body.containsKey("event_id")) {
        ids.add((String) body.get("event_id"));
      } else if (body.containsKey("session_id")) {
        ids.add((String) body.get("session_id"));
      }
      return ids;
    }

    boolean isBatch() {
      return path.endsWith("/events/batch");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events() {
      Object events = body.get("events");
      return events instanceof List ? (List<Map<String, Object>>) events : List.of();
    }
  }

  private final List<Request> requests = new ArrayList<>();
  private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private volatile Function<Request, MockResponse> responder = request -> null;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final AtomicInteger held = new AtomicInteger();

  /**
   * Answers requests with what {@code responder} returns; null means the default 200, which also counts the
   * request's ids as accepted. A non-null answer counts nothing: the test decides what was stored.
   */
  DeliverySink respondWith(Function<Request, MockResponse> responder) {
    this.responder = responder;
    return this;
  }

  /** Makes requests wait, unanswered, until {@link #release()}. */
  DeliverySink hold() {
    gate = new CountDownLatch(1);
    return this;
  }

  /** Answers the held requests and stops holding. */
  void release() {
    gate.countDown();
  }

  /** Waits until {@code count} requests are being held. */
  void awaitHeld(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (held.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " held requests, but " + held.get() + " arrived");
      }
      Thread.sleep(1);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
    String text = recorded.getBody() == null ? "" : recorded.getBody().utf8();
    Map<String, Object> body = text.isEmpty() ? Map.of() : MockHoneyHive.parse(text);
    String retry = recorded.getHeaders().get(RetryInterceptor.RETRY_COUNT_HEADER);
    Request request = new Request(recorded.getMethod(), recorded.getUrl().encodedPath(), body,
        retry == null ? 0 : Integer.parseInt(retry));
    synchronized (this) {
      requests.add(request);
    }
    CountDownLatch current = gate;
    if (current.getCount() > 0) {
      held.incrementAndGet();
      current.await(10, TimeUnit.SECONDS);
    }
    MockResponse answer = responder.apply(request);
    if (answer != null) {
      return answer;
    }
    for (String id : request.ids()) {
      accepted.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    }
    return json(200, "{\"success\":true}");
  }

  static MockResponse json(int status, String json) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(json).build();
  }

  /** Returns every request so far, in arrival order. */
  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Returns the batch requests so far, in arrival order. */
  synchronized List<Request> batches() {
    return requests.stream().filter(Request::isBatch).toList();
  }

  /** Returns how often a 200 answer accepted {@code id}. */
  int acceptedCount(String id) {
    AtomicInteger count = accepted.get(id);
    return count == null ? 0 : count.get();
  }

  /** Returns how many distinct ids were accepted. */
  int acceptedIds() {
    return accepted.size();
  }
}
