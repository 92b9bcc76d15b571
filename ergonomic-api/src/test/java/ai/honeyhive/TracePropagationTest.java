package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The current scope, and the OkHttp and {@code HttpClient} helpers that inject it into outgoing requests. */
class TracePropagationTest {
  private static final String SESSION = "0b6e1c52-3f0a-4d6b-9a4e-2f8c1d7e5a90";
  private static final String SPAN = "7d2f9e84-1c3b-4a5e-8f60-b9a1c2d3e4f5";
  private static final String SPAN_BAGGAGE =
      "session_id=" + SESSION + ",parent_id=" + SPAN + ",honeyhive_parent_id=" + SPAN;

  private final HoneyHive hh = HoneyHive.builder().enabled(false).shutdownHook(false).build();
  private final Session session = hh.attachSession(SESSION);
  private final MockWebServer downstream = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient.Builder()
      .addInterceptor(TracePropagation.okHttpInterceptor())
      .build();

  @BeforeEach
  void setUp() throws IOException {
    downstream.start();
  }

  @AfterEach
  void tearDown() {
    hh.close();
    downstream.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  // ---- The current scope -----------------------------------------------------------------------------------------

  @Test
  void makeCurrentLastsUntilClosedAndRestoresThePreviousScope() {
    assertThat(EventScope.current()).isEmpty();
    try (Span span = session.chain("answer").start()) {
      try (CurrentScope outer = session.makeCurrent()) {
        assertThat(EventScope.current()).containsSame(session);
        try (CurrentScope inner = span.makeCurrent()) {
          assertThat(inner.scope()).isSameAs(span);
          assertThat(EventScope.current()).containsSame(span);
        }
        assertThat(EventScope.current()).containsSame(session);
      }
    }
    assertThat(EventScope.current()).isEmpty();
  }

  @Test
  void closingTwiceOrOnAnotherThreadDoesNothing() throws Exception {
    CurrentScope current = session.makeCurrent();
    CompletableFuture.runAsync(current::close, Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    })).get(5, TimeUnit.SECONDS);
    assertThat(EventScope.current()).containsSame(session);

    current.close();
    current.close();
    assertThat(EventScope.current()).isEmpty();
  }

  @Test
  void theCurrentScopeDoesNotFlowToOtherThreads() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (CurrentScope current = session.makeCurrent()) {
      assertThat(executor.submit(() -> EventScope.current().isPresent()).get(5, TimeUnit.SECONDS)).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }

  // ---- OkHttp ----------------------------------------------------------------------------------------------------

  @Test
  void theInterceptorAddsTheCurrentSpansHeaders() throws Exception {
    downstream.enqueue(new MockResponse.Builder().code(200).build());
    try (Span span = session.tool("call-inventory").eventId(SPAN).start();
         CurrentScope current = span.makeCurrent();
         Response response = http.newCall(new Request.Builder().url(downstream.url("/stock")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    RecordedRequest sent = downstream.takeRequest();
    assertThat(sent.getHeaders().get("traceparent"))
        .isEqualTo("00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01");
    assertThat(sent.getHeaders().get("baggage")).isEqualTo(SPAN_BAGGAGE);
  }

  @Test
  void insideCallTheSpanIsCurrentSoItsHttpCallsCarryItsTrace() throws Exception {
    downstream.enqueue(new MockResponse.Builder().code(200).build());

    int status = session.tool("call-inventory").eventId(SPAN).call(() -> {
      try (Response response = http.newCall(new Request.Builder().url(downstream.url("/stock")).build()).execute()) {
        return response.code();
      }
    });

    assertThat(status).isEqualTo(200);
    assertThat(downstream.takeRequest().getHeaders().get("baggage")).isEqualTo(SPAN_BAGGAGE);
    assertThat(EventScope.current()).isEmpty();
  }

  @Test
  void outsideAnyScopeTheInterceptorLeavesTheRequestAlone() throws Exception {
    downstream.enqueue(new MockResponse.Builder().code(200).build());
    try (Response response = http.newCall(new Request.Builder().url(downstream.url("/stock"))
        .header("baggage", "userId=alice").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    RecordedRequest sent = downstream.takeRequest();
    assertThat(sent.getHeaders().get("traceparent")).isNull();
    assertThat(sent.getHeaders().values("baggage")).containsExactly("userId=alice");
  }

  @Test
  void theInterceptorReplacesATraceparentAndKeepsForeignBaggageMembers() throws Exception {
    downstream.enqueue(new MockResponse.Builder().code(200).build());
    Request request = new Request.Builder().url(downstream.url("/stock"))
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .addHeader("baggage", "userId=alice")
        .addHeader("baggage", "session_id=5f0c8d2e-9a1b-4c3d-8e7f-6a5b4c3d2e1f,isProduction=false")
        .build();
    try (Span span = session.tool("call-inventory").eventId(SPAN).start();
         CurrentScope current = span.makeCurrent();
         Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    RecordedRequest sent = downstream.takeRequest();
    assertThat(sent.getHeaders().values("traceparent"))
        .containsExactly("00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01");
    assertThat(sent.getHeaders().values("baggage"))
        .containsExactly(SPAN_BAGGAGE + ",userId=alice,isProduction=false");
  }

  @Test
  void anEnqueuedCallNeedsTheScopeAsATagSinceItRunsOnOkHttpsThreads() throws Exception {
    downstream.enqueue(new MockResponse.Builder().code(200).build());
    downstream.enqueue(new MockResponse.Builder().code(200).build());
    Span span = session.tool("call-inventory").eventId(SPAN).start();
    try (CurrentScope current = span.makeCurrent()) {
      enqueueAndWait(new Request.Builder().url(downstream.url("/untagged")).build());
      enqueueAndWait(new Request.Builder().url(downstream.url("/tagged")).tag(EventScope.class, span).build());
    }

    RecordedRequest untagged = downstream.takeRequest();
    RecordedRequest tagged = downstream.takeRequest();
    assertThat(untagged.getHeaders().get("baggage")).isNull();
    assertThat(tagged.getHeaders().get("baggage")).isEqualTo(SPAN_BAGGAGE);
  }

  @Test
  void aServiceContinuesWhatTheInterceptorSent() throws Exception {
    downstream.enqueue(new MockResponse.Builder().code(200).build());
    try (Span span = session.tool("call-inventory").eventId(SPAN).start();
         CurrentScope current = span.makeCurrent();
         Response response = http.newCall(new Request.Builder().url(downstream.url("/stock")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    RecordedRequest sent = downstream.takeRequest();

    try (HoneyHive inventory = HoneyHive.builder().enabled(false).shutdownHook(false).build()) {
      ContinuedTrace trace = inventory.continueTrace(sent.getHeaders().toMultimap(), "inventory");

      assertThat(trace.isContinued()).isTrue();
      assertThat(trace.sessionId()).isEqualTo(SESSION);
      assertThat(trace.parentId()).isEqualTo(SPAN);
    }
  }

  // ---- java.net.http ---------------------------------------------------------------------------------------------

  @Test
  void theHttpClientHelperSetsTheCurrentScopesHeaders() {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/stock"))
        .header("baggage", "stale=1");

    HttpRequest request;
    try (Span span = session.tool("call-inventory").eventId(SPAN).start();
         CurrentScope current = span.makeCurrent()) {
      request = TracePropagation.inject(builder).build();
    }

    assertThat(request.headers().allValues("traceparent"))
        .containsExactly("00-0b6e1c523f0a4d6b9a4e2f8c1d7e5a90-8f60b9a1c2d3e4f5-01");
    assertThat(request.headers().allValues("baggage")).containsExactly(SPAN_BAGGAGE);
  }

  @Test
  void outsideAnyScopeTheHttpClientHelperChangesNothing() {
    HttpRequest request = TracePropagation.inject(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/"))).build();

    assertThat(request.headers().map()).isEmpty();
  }

  @Test
  void anyScopeInjectsIntoAnHttpRequestBuilderThroughItsSetter() {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/stock"));

    session.injectHeaders(builder::setHeader);

    assertThat(builder.build().headers().map()).containsOnlyKeys("traceparent", "baggage")
        .containsEntry("baggage", java.util.List.of("session_id=" + SESSION));
  }

  private void enqueueAndWait(Request request) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    http.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        done.countDown();
      }

      @Override
      public void onResponse(Call call, Response response) {
        response.close();
        done.countDown();
      }
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
