package ai.honeyhive.opentelemetry;

import ai.honeyhive.HoneyHive;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer standing in for HoneyHive: answers every request 200 (or {@link #status} when set), records the
 * method, path, headers and body of each. One per test; close it after.
 */
final class FakeHoneyHive implements AutoCloseable {
  static final String API_KEY = "hh-secret-key-5d1e9a";

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  /** One request as the server saw it. */
  record Request(String method, String path, Map<String, String> headers, byte[] body) {
    Map<String, Object> json() {
      try {
        return JSON.fromJson(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events() {
      Object events = json().get("events");
      return events instanceof List ? (List<Map<String, Object>>) events : List.of();
    }
  }

  final MockWebServer server = new MockWebServer();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  volatile int status = 200;

  FakeHoneyHive() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : request.getHeaders().names()) {
          headers.put(name, request.getHeaders().get(name));
        }
        requests.add(new Request(request.getMethod(), request.getTarget(), headers,
            request.getBody() == null ? new byte[0] : request.getBody().toByteArray()));
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
            .body(status == 200 ? "{\"success\":true}" : "{\"error\":\"rejected\"}").build();
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  /** A batched client of this server: small batch delay, no retries' sleeps, no shutdown hook. */
  HoneyHive.Builder clientBuilder() {
    return HoneyHive.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl())
        .maxBatchDelay(Duration.ofMillis(20))
        .maxRetries(0)
        .shutdownHook(false);
  }

  List<Request> matching(Predicate<Request> which) {
    List<Request> found = new ArrayList<>();
    for (Request request : requests) {
      if (which.test(request)) {
        found.add(request);
      }
    }
    return found;
  }

  /** The session starts received. */
  List<Map<String, Object>> sessionStarts() {
    List<Map<String, Object>> starts = new ArrayList<>();
    for (Request request : matching(r -> r.path().equals("/v1/sessions"))) {
      starts.add(request.json());
    }
    return starts;
  }

  /** The events received, from every batch route. */
  List<Map<String, Object>> events() {
    List<Map<String, Object>> events = new ArrayList<>();
    for (Request request : matching(r -> r.path().endsWith("/events/batch"))) {
      events.addAll(request.events());
    }
    return events;
  }

  @Override
  public void close() {
    server.close();
  }
}
