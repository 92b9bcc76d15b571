package ai.honeyhive.testing.badinput;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.HoneyHiveTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What one row of the bad-input table runs against: a fresh server (with the row's fault, if any), a synchronous
 * client without retries, a session already started, and raw HTTP for requests no client would build.
 */
final class Fixture implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  final HoneyHiveTestServer server;
  final HoneyHive hh;
  final Session session;
  private final OkHttpClient raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  Fixture(FaultPlan fault) {
    HoneyHiveTestServer.Builder builder = HoneyHiveTestServer.builder();
    if (fault != null) {
      builder.faults(fault);
    }
    this.server = builder.start();
    this.hh = server.clientBuilder().deliveryMode(DeliveryMode.SYNCHRONOUS).maxRetries(0).build();
    this.session = hh.session("bad-input").start();
  }

  /** Posts {@code json} as is to {@code path}, with the API key. */
  Answer post(String path, String json) {
    return send(new Request.Builder().url(server.url(path)).post(RequestBody.create(json, JSON)));
  }

  /** Gets {@code path}, with the API key. */
  Answer get(String path) {
    return send(new Request.Builder().url(server.url(path)).get());
  }

  private Answer send(Request.Builder request) {
    request.header("Authorization", "Bearer " + server.apiKey());
    try (Response response = raw.newCall(request.build()).execute()) {
      return new Answer(response.code(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      hh.close();
    } finally {
      server.close();
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();
    }
  }

  /** A status and body, from raw HTTP or from a raw Retrofit call. */
  record Answer(int status, String body) {
    static Answer of(retrofit2.Response<?> response) throws IOException {
      String body = response.isSuccessful() ? String.valueOf(response.body()) : response.errorBody().string();
      return new Answer(response.code(), body);
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + (body.length() > 110 ? body.substring(0, 110) + "…" : body);
    }
  }
}
