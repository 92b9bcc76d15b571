package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.internal.config.ClientOptions;
import ai.honeyhive.internal.delivery.DeliveryCounters;
import ai.honeyhive.internal.propagation.TraceHeaders;
import ai.honeyhive.internal.runtime.ClientRuntime;
import ai.honeyhive.internal.wire.Ids;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The HoneyHive client: build one per application and share it; it is safe for use by many threads.
 *
 * <pre>{@code
 * HoneyHive hh = HoneyHive.fromEnv();               // reads HH_API_KEY, HH_API_URL, HH_SOURCE, ...
 * Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).start();
 * session.model("gpt-4o").inputs(Map.of("messages", messages)).outputs(Map.of("content", reply)).log();
 * try (Span chain = session.chain("answer").inputs(Map.of("question", q)).start()) {
 *   List<Doc> docs = chain.tool("vector-search").inputs(Map.of("q", q)).call(() -> index.search(q));
 *   chain.outputs(Map.of("answer", answer));
 * }
 * session.end();
 * hh.close();                                        // flushes what is queued
 * }</pre>
 *
 * <h2>Delivery</h2>
 * By default writes are {@linkplain DeliveryMode#BATCHED batched}: {@code log()}, closing a span, starting or ending a
 * session queue the write and return in about a microsecond, and a background exporter sends the queue in batches of
 * up to {@link Builder#maxBatchSize} events, at least every {@link Builder#maxBatchDelay}. This is what HoneyHive's own
 * tracers and the OpenTelemetry SDK do and what HoneyHive advises once traffic grows: logging costs no network round
 * trip, and an outage of the API neither slows nor breaks the application. Nothing is lost silently: every write is
 * sent, failed (retried first, then reported to the {@link DeliveryListener}) or dropped (queue full, client closed;
 * counted and reported), and {@link #stats()} counts them all. {@link #flush} waits for delivery, for instance before
 * a serverless handler returns; {@link #close()} and a JVM shutdown hook flush what is queued. Choose
 * {@link DeliveryMode#SYNCHRONOUS} to send each write on the calling thread and get failures thrown. Reads
 * ({@link #getEvent}, {@link #searchEvents}) are always synchronous; their {@code ...Async} variants run on the
 * client's {@linkplain Builder#executor executor}.
 *
 * <h2>Configuration</h2>
 * Every option has a builder method and an environment variable; a JVM system property of the same name
 * ({@code -DHH_API_URL=...}) overrides the environment variable, and a builder call overrides both.
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>Builder method</th><th>Variable</th><th>Default</th></tr>
 *   <tr><td>{@link Builder#apiKey}</td><td>{@code HH_API_KEY}</td><td>none: required unless disabled</td></tr>
 *   <tr><td>{@link Builder#baseUrl}</td><td>{@code HH_API_URL} (or {@code HH_BASE_URL}, {@code HH_SERVER_URL})</td>
 *       <td>{@code https://api.dp1.us.honeyhive.ai}</td></tr>
 *   <tr><td>{@link Builder#source}</td><td>{@code HH_SOURCE}</td><td>unset (the server records "unknown")</td></tr>
 *   <tr><td>{@link Builder#connectTimeout}</td><td>{@code HH_CONNECT_TIMEOUT} (seconds)</td><td>10 s</td></tr>
 *   <tr><td>{@link Builder#readTimeout}</td><td>{@code HH_API_TIMEOUT} (or {@code HH_TIMEOUT}; seconds)</td>
 *       <td>30 s</td></tr>
 *   <tr><td>{@link Builder#callTimeout}</td><td>{@code HH_CALL_TIMEOUT} (seconds)</td><td>none</td></tr>
 *   <tr><td>{@link Builder#maxRetries}</td><td>{@code HH_MAX_RETRIES}</td><td>3</td></tr>
 *   <tr><td>{@link Builder#proxy}</td><td>{@code HH_PROXY} (or {@code HH_HTTPS_PROXY}, {@code HH_HTTP_PROXY},
 *       {@code HH_PROXY_URL}; {@code host:port} or {@code http://[user:password@]host:port})</td>
 *       <td>the JVM's default</td></tr>
 *   <tr><td>{@link Builder#proxyCredentials}</td><td>the {@code user:password@} of a proxy URL</td><td>none</td></tr>
 *   <tr><td>{@link Builder#verifyTls}</td><td>{@code HH_VERIFY_TLS} (or {@code HH_VERIFY_SSL})</td><td>true</td></tr>
 *   <tr><td>{@link Builder#caCertificates}</td><td>{@code HH_SSL_CERT_PATH} (a PEM file)</td>
 *       <td>the JVM's trust store only</td></tr>
 *   <tr><td>{@link Builder#routeFamily}</td><td>{@code HH_ROUTES} ({@code current}|{@code legacy})</td>
 *       <td>{@link RouteFamily#CURRENT}</td></tr>
 *   <tr><td>{@link Builder#enabled}</td><td>{@code HH_DISABLED} ({@code true} disables; or {@code HH_TEST_MODE},
 *       {@code HH_DISABLE_TRACING})</td><td>enabled</td></tr>
 *   <tr><td>{@link Builder#header}</td><td>none</td><td>no custom headers</td></tr>
 *   <tr><td>{@link Builder#connectionPool}</td><td>none</td><td>OkHttp's: 5 idle connections, 5 minutes</td></tr>
 *   <tr><td>{@link Builder#okHttpClient}</td><td>none</td><td>a new client</td></tr>
 *   <tr><td>{@link Builder#deliveryMode}</td><td>{@code HH_DELIVERY} ({@code batched}|{@code sync})</td>
 *       <td>{@link DeliveryMode#BATCHED}</td></tr>
 *   <tr><td>{@link Builder#maxQueueSize}</td><td>{@code HH_MAX_QUEUE_SIZE}</td><td>8192 writes</td></tr>
 *   <tr><td>{@link Builder#maxQueueBytes}</td><td>{@code HH_MAX_QUEUE_BYTES}</td>
 *       <td>33554432 (32 MiB, estimated JSON)</td></tr>
 *   <tr><td>{@link Builder#maxEventBytes}</td><td>{@code HH_MAX_EVENT_BYTES}</td>
 *       <td>16777216 (16 MiB, estimated JSON)</td></tr>
 *   <tr><td>{@link Builder#spoolDirectory}</td><td>{@code HH_SPOOL_DIR}</td><td>none: no spool</td></tr>
 *   <tr><td>{@link Builder#maxSpoolBytes}</td><td>{@code HH_MAX_SPOOL_BYTES}</td>
 *       <td>1073741824 (1 GiB, on disk)</td></tr>
 *   <tr><td>{@link Builder#spoolSyncInterval}</td><td>{@code HH_SPOOL_SYNC_INTERVAL} (seconds)</td><td>1 s</td></tr>
 *   <tr><td>{@link Builder#queueFullPolicy}</td>
 *       <td>{@code HH_QUEUE_FULL} ({@code drop_newest}|{@code drop_oldest}|{@code block})</td>
 *       <td>{@link QueueFullPolicy#DROP_NEWEST}</td></tr>
 *   <tr><td>{@link Builder#blockTimeout}</td><td>{@code HH_BLOCK_TIMEOUT} (seconds)</td><td>1 s</td></tr>
 *   <tr><td>{@link Builder#maxBatchSize}</td><td>{@code HH_BATCH_SIZE}</td><td>100 events (at most 1000)</td></tr>
 *   <tr><td>{@link Builder#maxBatchBytes}</td><td>{@code HH_BATCH_BYTES}</td>
 *       <td>4194304 (4 MiB, estimated JSON)</td></tr>
 *   <tr><td>{@link Builder#maxBatchDelay}</td><td>{@code HH_BATCH_DELAY} (or {@code HH_FLUSH_INTERVAL}; seconds)</td>
 *       <td>1 s</td></tr>
 *   <tr><td>{@link Builder#maxConcurrentExports}</td><td>{@code HH_MAX_CONCURRENT_EXPORTS}</td>
 *       <td>4 (1 with an {@link Builder#executor})</td></tr>
 *   <tr><td>{@link Builder#closeTimeout}</td><td>{@code HH_CLOSE_TIMEOUT} (seconds)</td><td>10 s</td></tr>
 *   <tr><td>{@link Builder#shutdownHook}</td><td>{@code HH_SHUTDOWN_HOOK}</td><td>true</td></tr>
 *   <tr><td>{@link Builder#deliveryListener}</td><td>none</td><td>none: failures are counted and logged</td></tr>
 *   <tr><td>{@link Builder#executor}</td><td>none</td><td>the client's own daemon threads</td></tr>
 * </table>
 *
 * <p>The names in parentheses are those HoneyHive's Python SDK reads for the same setting, so a team moving over
 * keeps its environment. This client's own name wins when both are set; among aliases the first listed wins, except
 * that {@code HH_TEST_MODE} or {@code HH_DISABLE_TRACING} set to true disables the client unless {@code HH_DISABLED}
 * is set. When the client is built, one warning (SLF4J logger {@code ai.honeyhive.config}) names every {@code HH_*}
 * variable it does not read, such as a misspelt one or {@code HH_PROJECT} (the server derives the project from the
 * API key), and every alias overruled by a different value; it never shows a value.
 *
 * <p>Requests identify this SDK with {@code hh-client-language: java}, {@code hh-client-package},
 * {@code hh-client-version} and a User-Agent naming it. The API key is sent as a bearer token and never appears in a
 * log line, an exception message or a {@code toString()}. A redirect to another host (scheme, host or port) is not
 * followed: the request fails with a {@link HoneyHiveException} naming both hosts, without a retry, so the payload and
 * custom headers reach only the configured host; a redirect within that host is followed as OkHttp does. A server
 * certificate that is not trusted or does not match the host fails the call at once: retrying cannot fix it.
 */
public final class HoneyHive implements AutoCloseable {
  private final ClientOptions options;
  private final ClientRuntime runtime;
  private final Client client;

  private HoneyHive(ClientOptions options) {
    this.options = options;
    this.runtime = new ClientRuntime(options);
    this.client = new Client(runtime.gateway(), runtime.delivery(), TimeSource.of(options.clock()), options.source(),
        runtime.async());
  }

  /**
   * Returns a builder with every option at its default; nothing is read from the environment.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from system properties and environment variables (see the table above).
   *
   * @return the new client
   * @throws IllegalStateException if {@code HH_API_KEY} is not set and the client is not disabled
   * @throws IllegalArgumentException if a variable holds a value of the wrong form, naming the variable
   */
  public static HoneyHive fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Starts building a session named {@code name}; {@link SessionBuilder#start()} sends it.
   *
   * @param name the session's name, shown in HoneyHive; must not be blank
   * @return a builder for the session
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public SessionBuilder session(String name) {
    return new SessionBuilder(client, Checks.name("name", name));
  }

  /**
   * Starts setting up an experiment named {@code name}: a dataset, a task run on each datapoint, evaluators;
   * {@link Experiment#run()} runs it as a HoneyHive run (see {@link Experiment} for the protocol). Sends nothing until
   * then.
   *
   * @param name the run's name, shown in HoneyHive; must not be blank
   * @return the experiment to set up
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public Experiment experiment(String name) {
    return new Experiment(this, new RestRuns(runtime.runs()), datasets(), Checks.name("name", name));
  }

  /**
   * Reads a session back with its events nested by {@code parent_id}, like HoneyHive's Python SDK's
   * {@code get_session}: one search by {@code session_id} over all time, page by page. Events HoneyHive has not
   * indexed yet are missing, so read a session a moment after its events were sent ({@link #flush} first).
   *
   * @param sessionId the session's id (any string HoneyHive gave it)
   * @return the session and its events
   * @throws IllegalArgumentException if {@code sessionId} is blank
   * @throws ai.honeyhive.errors.NotFoundException if HoneyHive returned no event of the session
   * @throws ai.honeyhive.errors.HoneyHiveException if a search fails after its retries
   */
  public RecordedSession getSession(String sessionId) {
    return SessionReader.read(this, Checks.name("sessionId", sessionId));
  }

  /**
   * Returns HoneyHive's server-side metrics: define, version, deploy, and try one on an event.
   *
   * @return the metrics
   */
  public Metrics metrics() {
    return new Metrics(runtime.metrics());
  }

  /**
   * Returns HoneyHive's datasets: create, find, list, delete, add rows, remove and page through datapoints.
   *
   * @return the datasets
   */
  public Datasets datasets() {
    return new Datasets(runtime.datasets());
  }

  /**
   * Returns the reads of experiment runs: a run's summary, the comparison of two runs.
   *
   * @return the runs' reads
   */
  public Runs runs() {
    return new Runs(runtime.runs());
  }

  /**
   * Starts building the import of a completed session from history, sent with all its events in one request
   * ({@link SessionImport#send()}) instead of a start, its events and an end. Sends nothing until then.
   *
   * @param name the session's name, such as {@code "support-chat"}; must not be blank
   * @return a builder for the imported session
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public SessionImport importSession(String name) {
    return new SessionImport(client, Checks.name("name", name));
  }

  /**
   * Returns a handle on a session that was started elsewhere (another service, an earlier run), so events can be
   * added to it. Sends nothing, and the handle never updates the session by itself: events logged on it only name the
   * session, which is safe in whatever order they and the session's start reach HoneyHive (the starting service may
   * deliver in batches). Its enrichment methods ({@link Session#feedback}, ...) and {@link Session#end()} update the
   * session when called, and need its start to have reached HoneyHive: an update of a session HoneyHive does not have
   * yet fails and is not retried. {@code end()} replaces the session's end time and {@code children_ids} with this
   * handle's, so leave it to the service that started the session. From request headers, prefer
   * {@link #continueTrace(Map, String)}.
   *
   * @param sessionId the session's id, a UUID: HoneyHive gives every session it starts a UUID (its session start
   *     replaces any other id), and this client's session routes hold the id in their paths
   * @return a handle on the session
   * @throws IllegalArgumentException if {@code sessionId} is not a UUID
   */
  public Session attachSession(String sessionId) {
    return new Session(client, Ids.parse("sessionId", sessionId), null, null);
  }

  /**
   * Continues a trace that another service started, from the headers of its request: events logged on the returned
   * handle join the caller's session, nested under the caller's span when the headers name one, else as top-level
   * steps of the session. Reads, in every letter case of the header names:
   * <ul>
   *   <li>{@code baggage} (W3C Baggage; several headers are read as one list): the session id under
   *       {@code session_id}, {@code honeyhive_session_id} or {@code honeyhive.session_id}; the parent event id under
   *       {@code honeyhive_parent_id}, {@code honeyhive.parent_id} or {@code parent_id} (HoneyHive's Python SDK); the
   *       project under {@code project}, {@code honeyhive_project} or {@code honeyhive.project}; the source under
   *       {@code source}, {@code honeyhive_source} or {@code honeyhive.source}; the session name under
   *       {@code session_name}. Values are percent-decoded; properties after {@code ;} and members of other systems
   *       are ignored.
   *   <li>plain headers of those same names, and their hyphenated forms {@code honeyhive-session-id},
   *       {@code honeyhive-parent-id}, {@code honeyhive-project}, {@code honeyhive-source} and
   *       {@code honeyhive-session-name} (proxies such as nginx drop names containing an underscore by default), used
   *       when the baggage lacks the value.
   *   <li>{@code traceparent} (W3C Trace Context), only checked: its 64-bit parent id cannot hold HoneyHive's UUIDs,
   *       and a proxy or another tracer may have restarted the trace, so the baggage decides.
   * </ul>
   * The first usable value of each, in the order above, wins: when {@code parent_id} and {@code honeyhive_parent_id}
   * disagree, {@code honeyhive_parent_id} does, since an earlier version of this client in the middle of a call chain
   * writes a fresh {@code honeyhive_parent_id} but forwards a received {@code parent_id} untouched. Ids must be UUIDs:
   * an id of another form (from another SDK or OTLP ingestion) is skipped like any malformed value. Nothing here
   * throws on bad input: a value that is
   * malformed (a session id that is not a UUID, a broken percent escape, a baggage member without {@code =}, an
   * invalid traceparent) is skipped and logged at debug level (SLF4J logger {@code ai.honeyhive.propagation}). When
   * no usable session id remains, a fresh session named {@code fallbackSessionName} is started, as
   * {@link #session(String)} would, and the handle logs into it ({@link ContinuedTrace#isContinued()} is false); a
   * parent id without a session id is ignored. Events take this client's source, or the source from the headers when
   * this client has none.
   *
   * <p>For a framework whose headers come as a map: {@code HttpExchange.getRequestHeaders()}, OkHttp's
   * {@code headers.toMultimap()}, an AWS Lambda event's {@code getHeaders()}, a {@code Map<String, String>} of your own.
   *
   * @param headers the request's headers; values may be strings or collections of strings (other values are
   *     ignored); a null map counts as no headers
   * @param fallbackSessionName the name of the session started when the headers carry no usable session id; must not
   *     be blank
   * @return the handle to log the request's events on; close it to end a fresh session
   * @throws IllegalArgumentException if {@code fallbackSessionName} is blank or holds a lone UTF-16 surrogate
   * @throws HoneyHiveException in the synchronous mode, if a fresh session had to be started and the API call failed
   */
  public ContinuedTrace continueTrace(Map<String, ?> headers, String fallbackSessionName) {
    Checks.name("fallbackSessionName", fallbackSessionName);
    return ContinuedTrace.of(client, TraceHeaders.extract(headers), fallbackSessionName);
  }

  /**
   * Continues a trace like {@link #continueTrace(Map, String)}, reading headers through {@code header}: given a
   * header name in lower case, it returns the header's value, several values joined with commas, or null. For a
   * servlet: {@code hh.continueTrace(name -> request.getHeader(name), "inventory-service")} (which returns the first
   * of several {@code baggage} headers only).
   *
   * @param header returns a header's value by its lower-case name, or null when absent
   * @param fallbackSessionName the name of the session started when the headers carry no usable session id; must not
   *     be blank
   * @return the handle to log the request's events on; close it to end a fresh session
   * @throws NullPointerException if {@code header} is null
   * @throws IllegalArgumentException if {@code fallbackSessionName} is blank or holds a lone UTF-16 surrogate
   * @throws HoneyHiveException in the synchronous mode, if a fresh session had to be started and the API call failed
   */
  public ContinuedTrace continueTrace(Function<String, String> header, String fallbackSessionName) {
    Checks.notNull("header", header);
    Checks.name("fallbackSessionName", fallbackSessionName);
    return ContinuedTrace.of(client, TraceHeaders.extractWith(header), fallbackSessionName);
  }

  /**
   * Starts building an update of the event (or session) {@code eventId}; {@link EventUpdate#send()} sends it.
   *
   * @param eventId the event's id: this client's ids are UUIDs and go to {@code PUT /v1/events/{event_id}}; any other
   *     id HoneyHive stores (events ingested through OpenTelemetry or other SDKs) goes to the legacy
   *     {@code PUT /events}, whose body names the event, since a {@code /v1} path can only hold a UUID
   * @return a builder for the update
   * @throws NullPointerException if {@code eventId} is null
   * @throws IllegalArgumentException if {@code eventId} is blank, longer than 1024 characters, has surrounding white
   *     space, or holds control characters or a lone UTF-16 surrogate
   */
  public EventUpdate updateEvent(String eventId) {
    return new EventUpdate(client, Checks.id("eventId", eventId), null);
  }

  /**
   * Reads one event: {@code GET /v1/events/{id}} for a UUID (every id this client makes), or, since that route's path
   * holds only a UUID, a search on {@code event_id} for any other id HoneyHive stores (events ingested through
   * OpenTelemetry or other SDKs).
   *
   * @param eventId the event's id
   * @return the stored event
   * @throws NullPointerException if {@code eventId} is null
   * @throws IllegalArgumentException if {@code eventId} is blank, longer than 1024 characters, has surrounding white
   *     space, or holds control characters or a lone UTF-16 surrogate
   * @throws NotFoundException if there is no such event
   * @throws HoneyHiveException if the call fails otherwise
   */
  public Event getEvent(String eventId) {
    return EventLookup.get(client.gateway, Checks.id("eventId", eventId));
  }

  /**
   * Reads one event like {@link #getEvent}, on the client's executor ({@link Builder#executor}). In the batched mode
   * an event logged a moment ago may still be queued: {@link #flush} first to read it back.
   *
   * @param eventId the event's id, as for {@link #getEvent}
   * @return a future completed with the stored event, or exceptionally with {@link NotFoundException} if there is no
   *     such event, or another {@link HoneyHiveException} if the call fails otherwise
   * @throws NullPointerException if {@code eventId} is null
   * @throws IllegalArgumentException if {@code eventId} is not a valid id (thrown at once, nothing is started)
   */
  public CompletableFuture<Event> getEventAsync(String eventId) {
    String id = Checks.id("eventId", eventId);
    return CompletableFuture.supplyAsync(() -> EventLookup.get(client.gateway, id), client.async);
  }

  /**
   * Starts building a search over this project's events ({@code POST /v1/events/search}).
   *
   * @return a builder for the search
   */
  public EventSearch searchEvents() {
    return new EventSearch(client.gateway, client.async, () -> Math.floorDiv(client.time.nowEpochNanos(), 1_000_000L));
  }

  /**
   * Waits until every write made before this call (session starts, events, updates) has ended, sent or failed or
   * dropped, or until {@code timeout} passes; then reports. Call it where queued writes must be out, such as before a
   * serverless handler returns. Writes made meanwhile by other threads are sent too, but not waited for. In the
   * {@link DeliveryMode#SYNCHRONOUS} mode every write has ended already, and this returns at once.
   *
   * @param timeout how long to wait at most; zero only reports
   * @return the counts; {@link DeliveryReport#pending()} is above 0 when the timeout passed first
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public DeliveryReport flush(Duration timeout) {
    Checks.notNegative("timeout", timeout);
    return DeliveryReport.of(client.delivery.flush(timeout));
  }

  /**
   * Runs {@code handler}, then flushes, waiting up to {@code timeout}, whether the handler returned or threw: for a
   * serverless function (AWS Lambda, Cloud Functions), whose runtime may freeze the process as soon as the handler
   * returns, stopping the exporter with writes still queued.
   *
   * <pre>{@code
   * public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
   *   return hh.flushAfter(Duration.ofSeconds(2), () -> {
   *     try (ContinuedTrace trace = hh.continueTrace(event.getHeaders(), "inventory-lambda")) {
   *       return respond(trace.tool("stock-lookup").call(() -> stock.lookup(event.getBody())));
   *     }
   *   });
   * }
   * }</pre>
   *
   * A flush that did not complete in time is logged at warning level (logger {@code ai.honeyhive.delivery}) with its
   * {@link DeliveryReport}; it is never thrown, and never replaces the handler's own exception. Build the client once,
   * outside the handler, so warm invocations reuse it.
   *
   * @param <T> the handler's result type
   * @param <E> the exception the handler may throw
   * @param timeout how long the flush may wait at most; zero only reports
   * @param handler the work to do
   * @return what {@code handler} returned
   * @throws E whatever {@code handler} throws, after the flush
   * @throws NullPointerException if {@code timeout} or {@code handler} is null (nothing is run)
   * @throws IllegalArgumentException if {@code timeout} is negative (nothing is run)
   */
  public <T, E extends Throwable> T flushAfter(Duration timeout, SpanCallable<T, E> handler) throws E {
    Checks.notNegative("timeout", timeout);
    Checks.notNull("handler", handler);
    try {
      return handler.call();
    } finally {
      DeliveryReport report = DeliveryReport.of(client.delivery.flush(timeout));
      if (!report.isComplete()) {
        DeliveryCounters.log.warn("flush after the handler timed out after {}: {}", timeout, report);
      }
    }
  }

  /**
   * Returns the delivery counters now: queued, in flight, sent, failed, dropped, retried, and the last failure.
   *
   * @return a snapshot of the counters
   */
  public DeliveryStats stats() {
    return DeliveryStats.of(client.delivery.stats());
  }

  /**
   * The escape hatch: the generated Retrofit interfaces, sharing this client's connection pool, authentication,
   * identity headers and retries, for operations the fluent API does not cover (batches, export). Their types come
   * from the generated client and may change when the spec changes.
   *
   * @return the generated interfaces
   */
  public RawApi raw() {
    return new RawApi(runtime.retrofit());
  }

  /**
   * Returns the base URL requests go to.
   *
   * @return the base URL, ending in {@code /}
   */
  public String baseUrl() {
    return options.http().baseUrl().toString();
  }

  /**
   * Returns how this client delivers writes.
   *
   * @return the delivery mode
   */
  public DeliveryMode deliveryMode() {
    return options.delivery().mode();
  }

  /**
   * Returns which generation of the API this client writes to.
   *
   * @return the route family
   */
  public RouteFamily routeFamily() {
    return options.http().routeFamily();
  }

  /**
   * Flushes and stops the client. In the {@link DeliveryMode#BATCHED} mode, writes already queued are sent, for up to
   * {@link Builder#closeTimeout}; past it the request in flight is cancelled and what is left is dropped (counted, and
   * reported to the {@link DeliveryListener} as {@link DropReason#CLOSED}). Writes made after close begins are dropped
   * the same way. Then the exporter stops, the shutdown hook is removed, and the client's own threads and the HTTP
   * client's idle connections are released (not those of a caller-supplied {@link Builder#executor} or
   * {@link OkHttpClient}). Idempotent; a second call waits for the first to finish.
   */
  @Override
  public void close() {
    runtime.close();
  }


  @Override
  public String toString() {
    return "HoneyHive{baseUrl=" + baseUrl() + ", routeFamily=" + routeFamily() + ", deliveryMode=" + deliveryMode() + "}";
  }

  /**
   * Configures a {@link HoneyHive} client. Not thread-safe; the built client is immutable. See the table on
   * {@link HoneyHive} for every option's default and environment variable.
   */
  public static final class Builder {
    private final ClientSettings settings = new ClientSettings();
    /** What {@link #fromEnv} found wrong but not fatal, logged once by {@link #build()}; null if nothing. */
    String envWarning;

    Builder() {}

    /**
     * Sets the API key, sent as {@code Authorization: Bearer <key>}. Keys are project-scoped: the server derives the
     * project from the key. Required unless the client is disabled.
     *
     * @param apiKey the key; surrounding white space is stripped
     * @return this builder
     * @throws IllegalArgumentException if {@code apiKey} is blank
     */
    public Builder apiKey(String apiKey) {
      settings.apiKey(apiKey);
      return this;
    }

    /**
     * Sets the API's base URL. Default {@code https://api.dp1.us.honeyhive.ai}, HoneyHive's managed data plane (the
     * default of its data-plane spec since 1.9.0 and of its Python SDK since 1.0.1); dedicated and self-hosted data
     * planes use their own.
     *
     * @param baseUrl the URL, such as {@code https://honeyhive.example.com}; a missing final {@code /} is added
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      settings.baseUrl(baseUrl);
      return this;
    }

    /**
     * Sets the default {@code source} of sessions and events, such as {@code "production"}. Default unset: the
     * server records {@code "unknown"}. Each session or event may set its own.
     *
     * @param source the default source; must not be blank
     * @return this builder
     */
    public Builder source(String source) {
      settings.source(source);
      return this;
    }

    /**
     * Sets the TCP connect timeout. Default 10 seconds.
     *
     * @param timeout the timeout; must be positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      settings.connectTimeout(timeout);
      return this;
    }

    /**
     * Sets the timeout between bytes read or written on one attempt. Default 30 seconds. The Python SDK's
     * {@code HH_TIMEOUT} sets this too: there it is httpx's per-operation timeout (each read and write, not the whole
     * request), with the same 30-second default; {@link #callTimeout} is the whole-call limit.
     *
     * @param timeout the timeout; must be positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      settings.readTimeout(timeout);
      return this;
    }

    /**
     * Sets a limit on one whole call, retries and their waits included. Default none: the retries are bounded by
     * {@link #maxRetries} and each attempt by the connect and read timeouts.
     *
     * @param timeout the timeout; must be positive
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      settings.callTimeout(timeout);
      return this;
    }

    /**
     * Sets how many times a failed request is retried: on connection failures and timeouts, and on HTTP 408, 409,
     * 429 and 5xx. Default 3; 0 disables retries.
     *
     * @param maxRetries retries after the first attempt
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    public Builder maxRetries(int maxRetries) {
      settings.maxRetries(maxRetries);
      return this;
    }

    /**
     * Sets the backoff between retries: the first wait is {@code initial}, each next one doubles up to {@code max},
     * and each is shortened by up to 25% at random. Defaults 500 ms and 8 s. A server's {@code Retry-After}
     * replaces the backoff.
     *
     * @param initial the first wait; must be positive
     * @param max the longest wait; must not be less than {@code initial}
     * @return this builder
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      settings.retryBackoff(initial, max);
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the client honours; longer requests are cut to this. Default 60 s.
     *
     * @param max the longest wait honoured; must be positive
     * @return this builder
     */
    public Builder maxRetryAfter(Duration max) {
      settings.maxRetryAfter(max);
      return this;
    }

    /**
     * Sends requests through {@code proxy}. Default: the JVM's proxy settings.
     *
     * @param proxy the proxy to use
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      settings.proxy(proxy);
      return this;
    }

    /**
     * Answers a proxy's {@code 407 Proxy Authentication Required} with HTTP Basic credentials. Default none. Set by
     * {@link #fromEnv} when a proxy variable is a URL with {@code user:password@}. The password is never logged or
     * shown in a message or {@code toString()}.
     *
     * @param username the user name
     * @param password the password; may be empty
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder proxyCredentials(String username, String password) {
      settings.proxyCredentials(username, password);
      return this;
    }

    /**
     * Whether to verify the server's TLS certificate and host name. Default true. Turn it off only for a local test
     * server with a self-signed certificate: it makes the connection open to interception. A client built with it
     * logs one warning (SLF4J logger {@code ai.honeyhive.config}) that certificates and host names are not checked.
     *
     * @param verifyTls false to accept any certificate and host name
     * @return this builder
     */
    public Builder verifyTls(boolean verifyTls) {
      settings.verifyTls(verifyTls);
      return this;
    }

    /**
     * Trusts the certificate authorities in {@code pemFile} in addition to the JVM's default trust store, such as
     * the private CA of a self-hosted data plane or the root of a TLS-inspecting proxy. Default: the JVM's trust
     * store only. Host names are still verified. The file is read now; {@link #verifyTls verifyTls(false)} overrides
     * this, and on a caller's {@link #okHttpClient} this replaces its TLS trust settings.
     *
     * @param pemFile a PEM file of one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return this builder
     * @throws NullPointerException if {@code pemFile} is null
     * @throws IllegalArgumentException if the file is missing, unreadable or holds no certificate, naming the file
     */
    public Builder caCertificates(Path pemFile) {
      settings.caCertificates(pemFile);
      return this;
    }

    /**
     * Adds a header to every request, replacing an earlier value of the same name. Its value is redacted in the debug
     * HTTP log (logger {@code ai.honeyhive.http}), which shows only its name: such headers often carry secrets.
     *
     * @param name the header's name; must not be blank
     * @param value the header's value; characters HTTP does not allow are rejected
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is {@code Authorization} (set {@link #apiKey} instead)
     */
    public Builder header(String name, String value) {
      settings.header(name, value);
      return this;
    }

    /**
     * Uses {@code pool} for connections. Default: OkHttp's pool (5 idle connections kept 5 minutes).
     *
     * @param pool the pool, which may be shared with other clients
     * @return this builder
     */
    public Builder connectionPool(ConnectionPool pool) {
      settings.connectionPool(pool);
      return this;
    }

    /**
     * Builds on a caller's OkHttp client, sharing its dispatcher, connection pool and interceptors. Authentication,
     * identity headers and retries are still added; timeouts set on this builder override the client's.
     * {@link HoneyHive#close()} leaves the caller's client running.
     *
     * <p>The client's connections have Nagle's algorithm off ({@code TCP_NODELAY}), its own client's and a caller's
     * alike, so a batch is not held back waiting for the server's delayed ACK; a caller's client that sets its own
     * {@link OkHttpClient.Builder#socketFactory socket factory} keeps it, and its sockets as that factory makes them.
     *
     * @param client the client to build on; it is not changed
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      settings.okHttpClient(client);
      return this;
    }

    /**
     * Chooses the route generation writes go to. Default {@link RouteFamily#CURRENT}.
     *
     * @param routeFamily the routes to write to
     * @return this builder
     */
    public Builder routeFamily(RouteFamily routeFamily) {
      settings.routeFamily(routeFamily);
      return this;
    }

    /**
     * Whether the client talks to HoneyHive. Default true. A disabled client needs no key and sends nothing: sessions
     * and events still get ids, so instrumented code runs unchanged (in tests, or where tracing is switched off);
     * {@link HoneyHive#getEvent} then throws {@link NotFoundException} and searches find nothing.
     *
     * @param enabled false to send nothing
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      settings.enabled(enabled);
      return this;
    }

    /**
     * Chooses how writes are delivered. Default value is {@link DeliveryMode#BATCHED}: writes are queued and sent in
     * batches by a background exporter, and a failure is reported to the {@link #deliveryListener} instead of thrown.
     * {@link DeliveryMode#SYNCHRONOUS} sends each write on the calling thread and throws its failure.
     *
     * @param mode the delivery mode
     * @return this builder
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder deliveryMode(DeliveryMode mode) {
      settings.deliveryMode(mode);
      return this;
    }

    /**
     * Bounds the delivery queue by the number of writes waiting in it (batched mode). Default value is 8192. When it
     * is full, {@link #queueFullPolicy} decides. The queue's slots are allocated when the client is built (24 bytes
     * each).
     *
     * @param maxQueueSize from 1 to 16777216, and at least {@link #maxBatchSize}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxQueueSize} is outside 1..16777216
     */
    public Builder maxQueueSize(int maxQueueSize) {
      settings.maxQueueSize(maxQueueSize);
      return this;
    }

    /**
     * Bounds the delivery queue by the estimated JSON size of the writes waiting in it (batched mode), so a burst of
     * large events cannot exhaust the heap. Default value is 33554432 (32 MiB). The estimate is made on the calling
     * thread in one cheap walk over the event's values (characters of strings and keys, 8 per number, punctuation);
     * it undercounts text outside ASCII, which UTF-8 writes in 2 to 3 bytes, and the heap holds each queued value as a
     * Java object, typically 2 to 4 times its JSON size. A single write larger than the bound is still accepted into
     * an empty queue.
     *
     * @param maxQueueBytes 1 or more, and at least {@link #maxBatchBytes}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxQueueBytes} is less than 1
     */
    public Builder maxQueueBytes(long maxQueueBytes) {
      settings.maxQueueBytes(maxQueueBytes);
      return this;
    }

    /**
     * Bounds the estimated JSON size of one write (an event, a session start, an update or an imported session) in
     * the batched mode: a larger one is dropped at once, counted and reported with {@link DropReason#TOO_LARGE},
     * instead of being queued, so one caller cannot make the exporter hold and encode a value without bound (the
     * queue's byte bound admits any single write into an empty queue). Default value is 16777216 (16 MiB). The
     * estimate is the one {@link #maxQueueBytes} describes, made on the calling thread; it undercounts text outside
     * ASCII. HoneyHive publishes no size limit of its own. In the synchronous mode the calling thread encodes and sends
     * each write itself, and this bound does not apply.
     *
     * @param maxEventBytes 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEventBytes} is less than 1
     */
    public Builder maxEventBytes(long maxEventBytes) {
      settings.maxEventBytes(maxEventBytes);
      return this;
    }

    /**
     * Keeps every write of the batched mode in a disk spool in {@code directory} (created if missing) until it has
     * ended, so that what a process killed at any moment ({@code kill -9}, the OOM killer, a container stopped after
     * its grace period) had queued is sent by the next client opened on the same directory. Off by default.
     *
     * <p>With a spool, each write is encoded and appended to a file on the calling thread before {@code log()} (or
     * {@code start()}, {@code send()}) returns: it then survives the death of the process. It reaches the disk itself
     * within {@link #spoolSyncInterval} (what an operating-system crash or a power loss can take). A write is removed
     * from the spool once it has ended: sent, failed for good (rejected, or retries exhausted: reported as failed as
     * without a spool), or dropped and counted (a full queue). Writes still queued when {@link HoneyHive#close()} gives
     * up (its timeout) are reported as dropped with {@link DropReason#CLOSED} and stay in the spool. A client opened
     * on the directory later sends what earlier clients left, in the background, once per event id (a write can be
     * sent twice only if the server stored it and the answer was lost, or the close deadline cut its request).
     *
     * <p>One live client per directory: a lock file keeps out a second one, in this process or another, whose
     * {@link #build()} then fails. The spool is bounded by {@link #maxSpoolBytes}. It holds events, session starts,
     * updates and imported sessions; futures ({@link EventUpdate#sendAsync()}, imports) of writes moved from an
     * earlier client are gone with that client. Only for the {@link DeliveryMode#BATCHED} mode; ignored when the client
     * is disabled. It costs the calling thread the encoding and one file write per write (about 2 µs more at
     * the median; see {@code benchmarks/README.md}, "The disk spool").
     *
     * @param directory the spool directory, used by this client alone; null for no spool (the default)
     * @return this builder
     */
    public Builder spoolDirectory(Path directory) {
      settings.spoolDirectory(directory);
      return this;
    }

    /**
     * Bounds the bytes the {@link #spoolDirectory spool} holds on disk, what earlier clients left included. A write
     * that would exceed it is refused: dropped, counted and reported as {@link DropReason#SPOOL_FULL}, whatever the
     * {@link #queueFullPolicy}. Default value is 1073741824 (1 GiB). The spool of a running client holds about what
     * its queue holds (see {@link #maxQueueBytes}) plus one 8 MiB segment; the bound matters when earlier clients left
     * much behind.
     *
     * @param maxSpoolBytes 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxSpoolBytes} is less than 1
     */
    public Builder maxSpoolBytes(long maxSpoolBytes) {
      settings.maxSpoolBytes(maxSpoolBytes);
      return this;
    }

    /**
     * Sets how often the {@link #spoolDirectory spool} forces what was written to the disk, on a daemon thread: the
     * bound on what an operating-system crash or power loss can take (the death of the process takes nothing once
     * {@code log()} returned). {@link Duration#ZERO} forces each write before {@code log()} returns, which costs the
     * calling thread a disk flush per write (see {@code benchmarks/README.md}, "The disk spool"). Default value is 1 second.
     *
     * @param interval zero or more
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is null or negative
     */
    public Builder spoolSyncInterval(Duration interval) {
      settings.spoolSyncInterval(interval);
      return this;
    }

    /** The size at which a spool segment is sealed and a new one begun; for tests. */
    Builder spoolSegmentBytes(long bytes) {
      settings.spoolSegmentBytes(bytes);
      return this;
    }

    /**
     * Chooses what a write does when the queue is full (batched mode). Default value is
     * {@link QueueFullPolicy#DROP_NEWEST}. Every dropped write is counted and reported.
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder queueFullPolicy(QueueFullPolicy policy) {
      settings.queueFullPolicy(policy);
      return this;
    }

    /**
     * Sets how long a write waits for room under {@link QueueFullPolicy#BLOCK} before it is dropped. Default value is
     * 1 second. Ignored by the other policies.
     *
     * @param timeout the longest wait; must be positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder blockTimeout(Duration timeout) {
      settings.blockTimeout(timeout);
      return this;
    }

    /**
     * Sets the most events sent in one batch request; a full batch is sent at once, without waiting for
     * {@link #maxBatchDelay}. Default value is 100, the low end of the 100 to 1000 HoneyHive advises: small enough that
     * a rejected batch costs little to split, large enough to cut requests a hundredfold.
     *
     * @param maxBatchSize from 1 to 1000
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBatchSize} is outside 1..1000
     */
    public Builder maxBatchSize(int maxBatchSize) {
      settings.maxBatchSize(maxBatchSize);
      return this;
    }

    /**
     * Sets the largest estimated JSON size of one batch request (see {@link #maxQueueBytes} for the estimate); a
     * batch that reaches it is sent at once. Default value is 4194304 (4 MiB), below the body limits of common
     * gateways. A single event larger than this is sent alone.
     *
     * @param maxBatchBytes 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBatchBytes} is less than 1
     */
    public Builder maxBatchBytes(long maxBatchBytes) {
      settings.maxBatchBytes(maxBatchBytes);
      return this;
    }

    /**
     * Sets how long a write may wait in the queue before the exporter sends what it has, full batch or not. Default
     * value is 1 second: events show up in HoneyHive within about a second, at one request a second when traffic is
     * light.
     *
     * @param delay the longest wait; must be positive
     * @return this builder
     * @throws IllegalArgumentException if {@code delay} is zero or negative
     */
    public Builder maxBatchDelay(Duration delay) {
      settings.maxBatchDelay(delay);
      return this;
    }

    /**
     * Sets how many batch requests may be in flight at once. Default value is 4. Against a remote endpoint each
     * request waits a round trip, so one at a time caps throughput at {@code maxBatchSize} events per round trip (100
     * events per 50 ms is 2,000 events/s); four in flight quadruple that. Locally, encoding one batch while others are
     * on the wire keeps every core busy (see the benchmarks). Each session's order is kept whatever the value: a
     * batch holding a session start or an update waits for every batch before it, and is waited for by every batch
     * after it; batches of events only (which do not depend on one another) overlap. With 1, the exporter thread
     * makes the requests itself, one at a time, in queue order. With more, that many worker threads send the batches
     * of events and the exporter only cuts and hands them over; they are daemon threads of their own, or, when an
     * {@link #executor} is given, tasks on that executor, each occupying a thread until close; so with an executor
     * the default is 1 instead, and a value set here is taken as is.
     *
     * @param maxConcurrentExports from 1 to 8
     * @return this builder
     * @throws IllegalArgumentException if {@code maxConcurrentExports} is outside 1..8
     */
    public Builder maxConcurrentExports(int maxConcurrentExports) {
      settings.maxConcurrentExports(maxConcurrentExports);
      return this;
    }

    /**
     * Sets how long {@link HoneyHive#close()} and the shutdown hook spend sending what is queued before they drop the
     * rest. Default value is 10 seconds.
     *
     * @param timeout the longest wait; zero drops what is queued at once
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder closeTimeout(Duration timeout) {
      settings.closeTimeout(timeout);
      return this;
    }

    /**
     * Whether a JVM shutdown hook flushes the queue (within {@link #closeTimeout}) when the JVM exits without
     * {@link HoneyHive#close()} having been called. Default value is true. The hook is removed by
     * {@link HoneyHive#close()}. Turn it off when your application closes the client itself, such as in a
     * container's lifecycle callback.
     *
     * @param enabled false for no hook
     * @return this builder
     */
    public Builder shutdownHook(boolean enabled) {
      settings.shutdownHook(enabled);
      return this;
    }

    /**
     * Registers {@code listener} to hear about writes that failed or were dropped. Default: none; such writes are
     * still counted ({@link HoneyHive#stats()}) and logged (SLF4J logger {@code ai.honeyhive.delivery}).
     *
     * @param listener the listener; thread-safe and quick
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder deliveryListener(DeliveryListener listener) {
      settings.deliveryListener(listener);
      return this;
    }

    /**
     * Runs the client's background work on {@code executor} instead of the client's own daemon threads: the exporter
     * (batched mode), which occupies one thread until {@link HoneyHive#close()}, its export workers (one more thread
     * each until close, {@link #maxConcurrentExports} minus one; with an executor and no explicit
     * {@code maxConcurrentExports}, that is 1, so no worker), and the asynchronous operations
     * ({@link HoneyHive#getEventAsync}, {@link EventSearch#fetchAsync}, {@link EventUpdate#sendAsync}). It must run
     * tasks concurrently: a single thread would be taken by the exporter. {@link HoneyHive#close()} does not shut it
     * down. Default: daemon threads for the exporter and its workers, and up to 4 daemon threads for asynchronous
     * calls, started when first needed.
     *
     * @param executor the executor
     * @return this builder
     * @throws NullPointerException if {@code executor} is null
     * @throws IllegalArgumentException if {@code executor} is {@link ForkJoinPool#commonPool()}, which the exporter
     *     would starve of a thread for the client's whole life
     */
    public Builder executor(Executor executor) {
      settings.executor(executor);
      return this;
    }

    /**
     * The clock for event times and {@code Retry-After} dates. Default the system clock; tests use a fixed one.
     *
     * @param clock the clock to read
     * @return this builder
     */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /**
     * How the client waits between retries. Default {@link Sleeper#SYSTEM}; tests record instead of waiting.
     *
     * @param sleeper the sleeper to wait with
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      settings.sleeper(sleeper);
      return this;
    }

    /**
     * Reads every option that is set in system properties or environment variables (see {@link HoneyHive}), the
     * Python SDK's names included; options set later on this builder override them. {@link #build()} logs one
     * warning naming the {@code HH_*} variables that were not understood.
     *
     * @return this builder
     * @throws IllegalArgumentException if a variable holds a value of the wrong form, naming the variable
     */
    public Builder fromEnv() {
      return fromEnv(name -> {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
      }, EnvConfig.presentNames());
    }

    Builder fromEnv(Function<String, String> env) {
      return fromEnv(env, Set.of());
    }

    /** Reads {@code env}; {@code present}, the names of the variables set, finds those not understood. */
    Builder fromEnv(Function<String, String> env, Collection<String> present) {
      this.envWarning = EnvConfig.apply(this, env, present);
      return this;
    }

    /** The options this builder holds now, as the internals read them. */
    ClientOptions options() {
      return settings.options();
    }

    /**
     * Builds the client.
     *
     * @return the new client
     * @throws IllegalStateException if no API key is set and the client is enabled, or, in the batched mode, if
     *     {@link #maxBatchSize} exceeds {@link #maxQueueSize} or {@link #maxBatchBytes} exceeds {@link #maxQueueBytes};
     *     if a {@link #spoolDirectory} is set with the synchronous mode, or is in use by another live client, or
     *     cannot be created or written
     * @throws IllegalArgumentException if the {@link #executor} rejects the exporter's task
     */
    public HoneyHive build() {
      EnvConfig.log(envWarning); // first: a misspelt HH_API_KEY is the likeliest cause of the failure below
      settings.checkBuildable();
      return new HoneyHive(settings.options());
    }

    @Override
    public String toString() {
      return "HoneyHive.Builder{" + settings + "}";
    }
  }
}
