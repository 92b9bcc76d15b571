package ai.honeyhive.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw HTTP to a test server, for requests no client would build: bodies are maps or JSON text. */
final class Http implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final HoneyHiveTestServer server;

  Http(HoneyHiveTestServer server) {
    this(server, new OkHttpClient());
  }

  Http(HoneyHiveTestServer server, OkHttpClient client) {
    this.server = server;
    this.client = client;
  }

  /**
   * Raw HTTP whose every request is sent exactly once: no transparent re-send when a connection fails, so a fault
   * that closes the connection reaches the test as an {@link UncheckedIOException}.
   */
  static Http sendingOnce(HoneyHiveTestServer server) {
    return new Http(server, new OkHttpClient.Builder().retryOnConnectionFailure(false).build());
  }

  /** Raw HTTP with {@code client}'s settings, such as a short read timeout. */
  static Http using(HoneyHiveTestServer server, OkHttpClient.Builder client) {
    return new Http(server, client.retryOnConnectionFailure(false).build());
  }

  Answer post(String path, Object body) {
    return send("POST", path, body, "Bearer " + server.apiKey());
  }

  Answer put(String path, Object body) {
    return send("PUT", path, body, "Bearer " + server.apiKey());
  }

  Answer get(String path) {
    return send("GET", path, null, "Bearer " + server.apiKey());
  }

  /** Sends {@code body} (a JSON string as is, anything else written as JSON) with {@code authorization}, if any. */
  Answer send(String method, String path, Object body, String authorization) {
    RequestBody requestBody = body == null ? null : RequestBody.create(text(body), APPLICATION_JSON);
    Request.Builder request = new Request.Builder().url(server.url(path)).method(method, requestBody);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      String text = response.body().string();
      JsonNode json = text.isEmpty() ? MissingNode.getInstance() : parseOrMissing(text);
      return new Answer(response.code(), json, text, response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Object body) {
    try {
      return body instanceof String ? (String) body : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static JsonNode parseOrMissing(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }

  /**
   * A status, the JSON body ({@code MissingNode} when there was none or it is not JSON), the body as text and the
   * headers.
   */
  record Answer(int status, JsonNode body, String text, Headers headers) {
    String message() {
      return body.path("message").asText();
    }
  }
}
