package ai.honeyhive.examples;

import ai.honeyhive.ContinuedTrace;
import ai.honeyhive.CurrentScope;
import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.TracePropagation;
import ai.honeyhive.examples.FakeModels.Completion;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Distributed tracing between two HTTP services on loopback, each with its own HoneyHive client, whose events join
 * into one session.
 *
 * <ul>
 *   <li><b>service-a</b> answers {@code GET /ask?q=...}: it starts the session, opens a chain, and inside it a span
 *       {@value #CALL_SPAN} made current around an OkHttp call to service-b; {@link TracePropagation#okHttpInterceptor()}
 *       adds the span's {@code traceparent} and {@code baggage} headers. Afterwards it notifies service-b's
 *       {@code /audit} with the JDK {@code HttpClient} from the session's scope, so only the session id travels.
 *   <li><b>service-b</b> continues the trace from the request headers ({@link HoneyHive#continueTrace}): the events of
 *       {@code /retrieve} nest under service-a's span, the audit event becomes a top-level step of the session. It
 *       flushes before answering ({@link HoneyHive#flushAfter}), as a serverless function must.
 * </ul>
 */
public final class DistributedTracingExample implements Example {
  /** The name of service-a's span around the call to service-b; service-b's events nest under it. */
  static final String CALL_SPAN = "call service-b /retrieve";
  /** The name of service-b's chain for {@code /retrieve}. */
  static final String RETRIEVE_CHAIN = "service-b /retrieve";

  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new DistributedTracingExample());
  }

  @Override
  public String title() {
    return "6. Distributed tracing: service-a calls service-b, each with its own client, one session";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) throws Exception {
    String sessionId;
    String received;
    try (HoneyHive clientA = backend.client("service-a", DeliveryMode.BATCHED).build();
         HoneyHive clientB = backend.client("service-b", DeliveryMode.BATCHED).build();
         ServiceB serviceB = new ServiceB(clientB);
         ServiceA serviceA = new ServiceA(clientA, serviceB.url)) {
      HttpClient user = HttpClient.newHttpClient();
      String question = "Why was my card declined?";
      HttpResponse<String> answer = user.send(HttpRequest.newBuilder(
              serviceA.url.resolve("/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("service-a answered " + answer.statusCode() + ": " + answer.body());
      }
      sessionId = answer.headers().firstValue("X-HoneyHive-Session-Id").orElseThrow();
      received = serviceB.receivedHeaders;
      out.println("service-a answered: " + answer.body());
    } // closing the clients flushes what service-a still had queued; service-b flushed before it answered

    out.println("service-b received from service-a:");
    out.println(received);
    backend.server().ifPresent(server -> out.println(check(server, sessionId)));
    return List.of(sessionId);
  }

  /** States where service-b's chain landed: in service-a's session, under the span that called it? */
  private static String check(HoneyHiveTestServer server, String sessionId) {
    Optional<StoredEvent> call = named(server, CALL_SPAN);
    Optional<StoredEvent> chain = named(server, RETRIEVE_CHAIN);
    if (call.isEmpty() || chain.isEmpty()) {
      return "MISSING: " + (call.isEmpty() ? CALL_SPAN : RETRIEVE_CHAIN) + " was not stored";
    }
    boolean sameSession = chain.get().sessionId().equals(sessionId);
    boolean nested = call.get().eventId().equals(chain.get().parentId());
    return String.format("service-b's chain: session_id %s %s service-a's session; parent_id %s %s the event id of "
            + "service-a's span \"%s\"", chain.get().sessionId(), sameSession ? "=" : "!=", chain.get().parentId(),
        nested ? "=" : "!=", CALL_SPAN);
  }

  private static Optional<StoredEvent> named(HoneyHiveTestServer server, String name) {
    return server.events().stream().filter(event -> name.equals(event.eventName())).findFirst();
  }

  // ---- service-a -------------------------------------------------------------------------------------------------

  /** The front service: answers questions, calling service-b for documents. */
  static final class ServiceA extends LoopbackService {
    private final HoneyHive hh;
    private final URI serviceB;
    private final OkHttpClient okHttp = new OkHttpClient.Builder()
        .addInterceptor(TracePropagation.okHttpInterceptor()) // adds the current scope's headers
        .build();
    private final HttpClient jdkHttp = HttpClient.newHttpClient();

    ServiceA(HoneyHive hh, URI serviceB) throws IOException {
      this.hh = hh;
      this.serviceB = serviceB;
      handle("/ask", this::ask);
    }

    private void ask(HttpExchange exchange) throws IOException, InterruptedException {
      String question = query(exchange);
      Session session = hh.session("service-a /ask").inputs(Map.of("question", question)).start();
      // Send the session start now rather than with the next batch, so that it reaches HoneyHive before the events
      // service-b sends for this session.
      hh.flush(FLUSH_TIMEOUT);

      String answer;
      try (Span chain = session.chain("answer-question").inputs(Map.of("question", question)).start()) {
        List<String> documents;
        // The full form: inside this span (current on this thread), the interceptor sends its session and event id,
        // so service-b's events nest under it.
        try (Span call = chain.tool(CALL_SPAN).inputs(Map.of("url", serviceB + "/retrieve")).start();
             CurrentScope current = call.makeCurrent();
             Response response = okHttp.newCall(new Request.Builder()
                 .url(serviceB.resolve("/retrieve?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8))
                     .toString())
                 .build()).execute()) {
          documents = List.of(response.body().string().split("\n"));
          call.outputs(Map.of("status", response.code(), "documents", documents));
        }
        Instant started = Instant.now();
        Completion reply = FakeModels.complete(question, documents);
        chain.model("gpt-4o")
            .message("user", question)
            .completion(reply.text())
            .usage(reply.promptTokens(), reply.completionTokens())
            .startTime(started)
            .endTime(Instant.now())
            .log();
        chain.outputs(Map.of("answer", reply.text()));
        answer = reply.text();
      }

      // The simple form: from the session's scope only the session id travels, so service-b's audit event becomes a
      // top-level step of the session. The JDK client has no interceptors: TracePropagation.inject adds the headers.
      try (CurrentScope current = session.makeCurrent()) {
        HttpRequest audit = TracePropagation.inject(HttpRequest.newBuilder(serviceB.resolve("/audit")))
            .POST(HttpRequest.BodyPublishers.ofString("answered: " + question))
            .build();
        jdkHttp.send(audit, HttpResponse.BodyHandlers.discarding());
      }

      session.outputs(Map.of("answer", answer));
      session.end();
      exchange.getResponseHeaders().set("X-HoneyHive-Session-Id", session.sessionId());
      respond(exchange, 200, answer);
    }

    @Override
    public void close() {
      super.close();
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  // ---- service-b -------------------------------------------------------------------------------------------------

  /** The retrieval service: searches and reranks documents; records audit notes. */
  static final class ServiceB extends LoopbackService {
    private final HoneyHive hh;
    volatile String receivedHeaders = "(nothing)";

    ServiceB(HoneyHive hh) throws IOException {
      this.hh = hh;
      handle("/retrieve", this::retrieve);
      handle("/audit", this::audit);
    }

    private void retrieve(HttpExchange exchange) throws IOException {
      receivedHeaders = "  traceparent: " + exchange.getRequestHeaders().getFirst("traceparent") + "\n"
          + "  baggage: " + exchange.getRequestHeaders().getFirst("baggage");
      String query = query(exchange);
      List<String> ranked = hh.flushAfter(FLUSH_TIMEOUT, () -> {
        try (ContinuedTrace trace = hh.continueTrace(exchange.getRequestHeaders(), "service-b /retrieve");
             Span chain = trace.chain(RETRIEVE_CHAIN).inputs(Map.of("query", query)).start()) {
          List<String> documents = chain.tool("vector-search").inputs(Map.of("query", query))
              .call(() -> FakeModels.search(query));
          Instant started = Instant.now();
          Completion rerank = FakeModels.complete("Rank for \"" + query + "\": " + documents, documents);
          chain.model("gpt-4o-mini")
              .message("user", "Rank for \"" + query + "\": " + documents)
              .completion(rerank.text())
              .usage(rerank.promptTokens(), rerank.completionTokens())
              .startTime(started)
              .endTime(Instant.now())
              .log();
          chain.outputs(Map.of("documents", documents));
          return documents;
        }
      });
      respond(exchange, 200, String.join("\n", ranked));
    }

    private void audit(HttpExchange exchange) throws IOException {
      String note = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      hh.flushAfter(FLUSH_TIMEOUT, () -> {
        try (ContinuedTrace trace = hh.continueTrace(exchange.getRequestHeaders(), "service-b /audit")) {
          trace.tool("audit-log").inputs(Map.of("note", note)).log();
        }
        return null;
      });
      respond(exchange, 204, "");
    }
  }

  // ---- HTTP plumbing ---------------------------------------------------------------------------------------------

  /** An HTTP service on a free loopback port, with its own threads. */
  abstract static class LoopbackService implements AutoCloseable {
    /** A request handler that may fail. */
    interface Handler {
      void handle(HttpExchange exchange) throws Exception;
    }

    final URI url;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    LoopbackService() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(threads);
      server.start();
      url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    final void handle(String path, Handler handler) {
      server.createContext(path, exchange -> {
        try {
          handler.handle(exchange);
        } catch (Exception e) {
          try {
            respond(exchange, 500, e.toString());
          } catch (IOException | RuntimeException answered) {
            // The response had started already; closing the exchange below ends it.
          }
        } finally {
          exchange.close();
        }
      });
    }

    static String query(HttpExchange exchange) {
      String raw = exchange.getRequestURI().getRawQuery();
      return raw == null || !raw.startsWith("q=") ? "" : URLDecoder.decode(raw.substring(2), StandardCharsets.UTF_8);
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
