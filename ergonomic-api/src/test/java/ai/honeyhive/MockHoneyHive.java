package ai.honeyhive;

import ai.honeyhive.client.HoneyHiveJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer standing in for HoneyHive, a client pointed at it with a fake sleeper, and helpers to read what
 * the client sent. Use one per test; close it after.
 */
final class MockHoneyHive implements AutoCloseable {
  static final String API_KEY = "hh-test-key-7f3a9c1e5b2d";

  private static final JsonAdapter<Map<String, Object>> JSON_OBJECT =
      HoneyHiveJson.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  final MockWebServer server = new MockWebServer();
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  MockHoneyHive() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A builder for a client of this server: key set, fake sleeper, synchronous delivery (so each write is one request
   * made before the call returns, and failures are thrown), everything else default. Tests of batched delivery use
   * {@link #batchedClientBuilder()}.
   */
  HoneyHive.Builder clientBuilder() {
    return batchedClientBuilder().deliveryMode(DeliveryMode.SYNCHRONOUS);
  }

  /** A builder for a client of this server in the default, batched, delivery mode; no shutdown hook. */
  HoneyHive.Builder batchedClientBuilder() {
    return HoneyHive.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url("/").toString())
        .sleeper(sleeps::add)
        .shutdownHook(false);
  }

  HoneyHive client() {
    return clientBuilder().build();
  }

  /** Answers the next request with 200 and {@code json}. */
  MockHoneyHive enqueueJson(int status, String json) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(json).build());
    return this;
  }

  /** Answers the next request with 200 and the body of a successful create. */
  MockHoneyHive enqueueOk() {
    return enqueueJson(200, "{\"success\":true}");
  }

  MockHoneyHive enqueueOk(int count) {
    for (int i = 0; i < count; i++) {
      enqueueOk();
    }
    return this;
  }

  /** Returns the next request the server received, failing if none arrives within a second. */
  RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request arrived");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Returns the JSON body of {@code request} as maps, lists, strings, booleans and numbers. */
  static Map<String, Object> body(RecordedRequest request) {
    return parse(request.getBody().utf8());
  }

  /** Parses a JSON object into maps, lists, strings, booleans and numbers. */
  static Map<String, Object> parse(String json) {
    try {
      return JSON_OBJECT.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the bodies of every request received and not yet taken, waiting briefly for stragglers. */
  List<Map<String, Object>> drainBodies() {
    List<Map<String, Object>> bodies = new ArrayList<>();
    try {
      RecordedRequest request;
      while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
        bodies.add(body(request));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return bodies;
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
