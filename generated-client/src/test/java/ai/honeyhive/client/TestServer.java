package ai.honeyhive.client;

import ai.honeyhive.client.api.DatapointsApi;
import ai.honeyhive.client.api.DatasetsApi;
import ai.honeyhive.client.api.EventsApi;
import ai.honeyhive.client.api.ExperimentsApi;
import ai.honeyhive.client.api.LegacyApi;
import ai.honeyhive.client.api.SessionsApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Retrofit;

/**
 * A {@link MockWebServer} with the generated client pointed at it: an OkHttp client that authenticates with
 * {@link #API_KEY} through {@link BearerTokenInterceptor}, and the Retrofit APIs built by {@link HoneyHiveRetrofit}.
 */
final class TestServer implements AutoCloseable {
  static final String API_KEY = "hh-test-api-key";

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient.Builder()
      .addInterceptor(new BearerTokenInterceptor(API_KEY))
      .callTimeout(5, TimeUnit.SECONDS)
      .build();
  private Apis apis;

  /** The generated API interfaces, bound to one server; {@link #create} makes any other one. */
  record Apis(SessionsApi sessions, EventsApi events, LegacyApi legacy, DatasetsApi datasets,
      DatapointsApi datapoints, ExperimentsApi experiments, Retrofit retrofit) {
    <T> T create(Class<T> api) {
      return retrofit.create(api);
    }
  }

  private TestServer() {}

  static TestServer start() {
    TestServer testServer = new TestServer();
    try {
      testServer.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Retrofit retrofit = HoneyHiveRetrofit.create(testServer.server.url("/"), testServer.http);
    testServer.apis = new Apis(
        retrofit.create(SessionsApi.class), retrofit.create(EventsApi.class), retrofit.create(LegacyApi.class),
        retrofit.create(DatasetsApi.class), retrofit.create(DatapointsApi.class), retrofit.create(ExperimentsApi.class),
        retrofit);
    return testServer;
  }

  Apis apis() {
    return apis;
  }

  /** The authenticated OkHttp client, for sending raw requests. */
  OkHttpClient http() {
    return http;
  }

  okhttp3.HttpUrl url(String path) {
    return server.url(path);
  }

  /** Queues an answer; a non-empty {@code jsonBody} is sent as {@code application/json}. */
  void enqueue(int status, String jsonBody) {
    MockResponse.Builder response = new MockResponse.Builder().code(status);
    if (!jsonBody.isEmpty()) {
      response.addHeader("Content-Type", "application/json").body(jsonBody);
    }
    server.enqueue(response.build());
  }

  /** Sends {@code request} with {@link #http()} and discards the answer. */
  void send(Request request) {
    send(http, request);
  }

  /** Sends {@code request} without the {@link BearerTokenInterceptor}, and discards the answer. */
  void sendWithoutApiKey(Request request) {
    OkHttpClient.Builder anonymous = http.newBuilder();
    anonymous.interceptors().clear();
    send(anonymous.build(), request);
  }

  private static void send(OkHttpClient client, Request request) {
    try {
      client.newCall(request).execute().close(); // only the recorded request matters
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("the server received no request");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
