package ai.honeyhive.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.ContinuedTrace;
import ai.honeyhive.CurrentScope;
import ai.honeyhive.CurrentSpan;
import ai.honeyhive.DeliveryMode;
import ai.honeyhive.Event;
import ai.honeyhive.EventFilter;
import ai.honeyhive.EventScope;
import ai.honeyhive.ExperimentResult;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.RunComparison;
import ai.honeyhive.HoneyHiveContext;
import ai.honeyhive.Session;
import ai.honeyhive.SessionImport;
import ai.honeyhive.Span;
import ai.honeyhive.TracePropagation;
import ai.honeyhive.errors.HoneyHiveApiException;
import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.errors.RateLimitException;
import ai.honeyhive.examples.readme.Fakes.Doc;
import ai.honeyhive.examples.readme.Fakes.Index;
import ai.honeyhive.examples.readme.Fakes.Llm;
import ai.honeyhive.examples.readme.Fakes.Stock;
import ai.honeyhive.opentelemetry.HoneyHiveSpanExporter;
import ai.honeyhive.testing.HoneyHiveTestServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The code of the Java blocks of the repository's README.md (and of ergonomic-api/README.md), compiled. Each block is
 * the region of one of this package's files between {@code // tag::name[]} and {@code // end::name[]}, named by the
 * {@code <!-- snippet: name -->} line above the block: {@link ReadmeCodeBlocksTest} fails when a block and its region
 * differ, and {@link ReadmeSnippetsTest} runs the regions against the test server. To change a snippet, change its
 * region, then copy the region into the document.
 *
 * <p>The names a snippet uses without declaring them ({@code question}, {@code index}, {@code hh}...) are the
 * parameters of its method or the fields below; {@link Fakes} stands in for what the snippets trace.
 */
class ReadmeSnippets {
  final Index index = new Index();
  final Llm llm = new Llm();
  final Stock stock = new Stock();

  /** Returns the id of the session it wrote. */
  String writeEvents(String question, String answer) {
    // tag::write-events[]
    HoneyHive hh = HoneyHive.fromEnv();                       // HH_API_KEY, HH_API_URL, HH_SOURCE, ...
    Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).start();

    session.model("gpt-4o").message("user", question).completion(answer).usage(35, 23).log(); // returns its id

    try (Span chain = session.chain("answer").inputs(Map.of("question", question)).start()) {
      List<Doc> docs = chain.tool("vector-search").inputs(Map.of("q", question)).call(() -> index.search(question));
      chain.outputs(Map.of("answer", answer, "sources", docs.size()));
    }                                                         // sends the span: timing, parent and children linked
    session.tool("create-ticket").inputs(Map.of("title", question)).error("ticket service down").log();
    session.feedback(Map.of("rating", 5));
    session.end();
    hh.close();                                               // sends what is still queued
    // end::write-events[]
    return session.sessionId();
  }

  /** Returns the future of the imported session's id. */
  CompletableFuture<String> importSession(HoneyHive hh, Instant t0) {
    // tag::import[]
    SessionImport imported = hh.importSession("support-chat").startTime(t0).userProperties(Map.of("user_id", "u-7"));
    String chain = imported.chain("answer").startTime(t0).endTime(t0.plusMillis(2_300)).log();
    imported.under(chain).model("gpt-4o").startTime(t0.plusMillis(400)).endTime(t0.plusMillis(2_200)).log();
    CompletableFuture<String> sessionId = imported.send();   // one request; HoneyHive chooses the session's id
    // end::import[]
    return sessionId;
  }

  void spansAcrossThreads(Session session, String question, ExecutorService executor) throws Exception {
    // tag::threads[]
    try (Span chain = session.chain("answer").inputs(Map.of("question", question)).start()) {
      Future<List<Doc>> docs = executor.submit(               // a scope is thread-safe: hand it to another thread
          () -> chain.tool("vector-search").call(() -> index.search(question)));
      String reply = chain.model("gpt-4o").message("user", question)
          .call(() -> llm.complete(question, docs.get()));   // call(...) times the block, logs it when it ends
      chain.outputs(Map.of("answer", reply));
    }
    // end::threads[]
  }

  /** The chain whose body calls a helper that enriches it. */
  String enrichTheCurrentSpan(Session session, String question) {
    // tag::enrich-current[]
    String answer = session.chain("answer").call(() -> answerWithDocs(question)); // the chain is current in its body
    // end::enrich-current[]
    return answer;
  }

  String answerWithDocs(String question) {
    // tag::enrich-helper[]
    List<Doc> docs = index.search(question);
    CurrentSpan.metadata(Map.of("docs", docs.size()));         // false, and nothing done, when no span is current
    return llm.complete(question, docs);
    // end::enrich-helper[]
  }

  String modelSpan(Session session, String question) {
    // tag::model-span[]
    String reply = session.model("gpt-4o").message("user", question).call(model -> {
      String text = llm.complete(question, index.search(question));
      model.usage(35, 23).cost(0.0004);                        // a ModelSpan: the model helpers, no cast
      return text;
    }, text -> Map.of("content", text));                       // the result, recorded as the event's outputs
    // end::model-span[]
    return reply;
  }

  void contextInExecutors(Session session, String question, ExecutorService executor) throws Exception {
    // tag::context-executor[]
    ExecutorService pool = HoneyHiveContext.wrap(executor);    // a task runs in the scope current when submitted
    session.chain("answer").run(() -> {                        // the chain is current in its body...
      Future<List<Doc>> docs = pool.submit(() -> EventScope.current().orElseThrow()    // ...and in the task
          .tool("vector-search").call(() -> index.search(question)));
      llm.complete(question, docs.get());
    });
    // end::context-executor[]
  }

  void sessionAndSpanErrors(HoneyHive hh, String sku) {
    // tag::session-close[]
    try (Session chat = hh.session("support-chat").start()) {  // close() ends the session once, never throws
      chat.tool("stock-lookup").inputs(Map.of("sku", sku)).log();
    }
    // end::session-close[]
  }

  int spanError(Session session, String sku) {
    // tag::span-error[]
    try (Span span = session.tool("stock-lookup").start()) {
      try {
        return stock.lookup(sku);
      } catch (RuntimeException e) {
        span.error(e);                                         // close() cannot see an exception: record it here
        throw e;
      }
    }
    // end::span-error[]
  }

  /** Returns the names of the expensive model events found. */
  List<String> readBack(HoneyHive hh, String eventId) {
    // tag::read-back[]
    Event event = hh.getEvent(eventId);                      // NotFoundException (404) when absent
    List<String> expensive;
    try (Stream<Event> models = hh.searchEvents()
        .filter(EventFilter.field("event_type").is("model"))
        .filter(EventFilter.field("metadata.cost").greaterThan(0.005))
        .dateRange(Instant.now().minus(Duration.ofDays(7)), null)
        .pageSize(100)
        .stream()) {                                         // pages fetched lazily, newest first
      expensive = models.map(e -> e.name() + " " + e.metadata().get("cost")).toList();
    }
    // end::read-back[]
    return List.of(event.name(), String.join(", ", expensive));
  }

  void update(HoneyHive hh, Session session, String eventId, String otherSessionId) {
    // tag::update[]
    hh.updateEvent(eventId).feedback(Map.of("rating", 5)).metrics(Map.of("helpful", true)).send();
    session.metadata(Map.of("resolved", true));              // this handle's session
    hh.attachSession(otherSessionId).feedback(Map.of("csat", 4)); // a session started elsewhere, by its id
    // end::update[]
  }

  void inject(Span chain, HttpUrl inventoryUrl) throws IOException {
    // tag::inject[]
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(TracePropagation.okHttpInterceptor()).build();

    try (Span call = chain.tool("call inventory").start();
         CurrentScope current = call.makeCurrent()) {      // the interceptor injects the current scope
      http.newCall(new Request.Builder().url(inventoryUrl).build()).execute().close();
    }
    // end::inject[]
  }

  /** The inventory service's handler. */
  void handle(HoneyHive hh, HttpExchange exchange, String sku) throws IOException {
    // tag::continue[]
    try (ContinuedTrace trace = hh.continueTrace(exchange.getRequestHeaders(), "inventory-service")) {
      int inStock = trace.tool("stock-lookup").inputs(Map.of("sku", sku)).call(() -> stock.lookup(sku));
      exchange.sendResponseHeaders(inStock > 0 ? 200 : 404, -1);
    }
    // end::continue[]
  }


  /** The application's OpenTelemetry tracing, its spans filed in HoneyHive through {@code hh}. */
  SdkTracerProvider openTelemetry(HoneyHive hh) {
    // tag::opentelemetry[]
    SdkTracerProvider tracing = SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(HoneyHiveSpanExporter.create(hh)).build())
        .build();
    // end::opentelemetry[]
    return tracing;
  }

  /** Runs an experiment over two questions; returns the comparison with {@code previousRunId}. */
  RunComparison experiment(HoneyHive hh, String previousRunId) {
    // tag::experiment[]
    ExperimentResult result = hh.experiment("support-bot-v2")
        .dataset(List.of(
            Map.of("inputs", Map.of("question", "How do I reset my API key?"), "ground_truth", Map.of("doc", "api-key")),
            Map.of("inputs", Map.of("question", "Where are my traces?"), "ground_truth", Map.of("doc", "sessions"))))
        .task(datapoint -> {
          String question = (String) datapoint.inputs().get("question");
          return Map.of("answer", llm.complete(question, index.search(question)));
        })
        .evaluator("cites_doc", (output, inputs, truth) ->
            ((Map<?, ?>) output).get("answer").toString().contains((String) truth.get("doc")))
        .concurrency(8)
        .run();                                        // a HoneyHive run: one session per datapoint
    System.out.println(result.metricMeans());          // {cites_doc=0.5}
    RunComparison change = hh.runs().compare(result.runId(), previousRunId);
    // end::experiment[]
    return change;
  }

  HoneyHive spool() {
    // tag::spool[]
    HoneyHive hh = HoneyHive.builder().fromEnv()
        .spoolDirectory(Path.of("/var/lib/my-service/honeyhive-spool")) // a volume that outlives the container
        .build();
    // end::spool[]
    return hh;
  }

  /** Returns what happened, as the snippet describes it. */
  String errors(HoneyHive hh, String eventId) {
    // tag::errors[]
    try {
      return hh.getEvent(eventId).name();                    // reads throw in every mode, writes when synchronous
    } catch (NotFoundException e) {                          // 404
      return "no such event";
    } catch (RateLimitException e) {                         // 429, still there after the retries
      return "rate limited, retry after " + e.retryAfter().orElse(Duration.ofSeconds(1));
    } catch (HoneyHiveApiException e) {                      // any other refusal
      return e.statusCode() + " " + e.errorCode() + ": " + e.serverMessage();
    } catch (HoneyHiveConnectionException e) {               // no answer
      return e.isTimeout() ? "timed out" : "unreachable: " + e.getMessage();
    }
    // end::errors[]
  }

  void pinning() throws IOException {
    // tag::pinning[]
    try (InputStream spec = getClass().getResourceAsStream("/honeyhive-openapi.yaml"); // from the pinned jar
         HoneyHiveTestServer server = HoneyHiveTestServer.builder().spec(spec).start();
         HoneyHive hh = server.clientBuilder().deliveryMode(DeliveryMode.SYNCHRONOUS).build()) {
      new SupportBot(hh).answer("How do I reset my API key?");
      assertThat(server.validationErrors()).isEmpty();        // every request conformed to that spec
    }
    // end::pinning[]
  }
}
