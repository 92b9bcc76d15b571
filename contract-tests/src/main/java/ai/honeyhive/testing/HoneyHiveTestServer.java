package ai.honeyhive.testing;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;

/**
 * A local stand-in for HoneyHive's tracing API that checks every request against the OpenAPI document, for tests
 * that must not reach the network.
 *
 * <pre>{@code
 * try (HoneyHiveTestServer server = HoneyHiveTestServer.start();
 *      HoneyHive hh = server.clientBuilder().build()) {
 *   Session session = hh.session("support-chat").start();
 *   session.tool("vector-search").inputs(Map.of("q", "reset key")).log();
 *   session.end();
 *
 *   assertThat(server.validationErrors()).isEmpty();
 *   System.out.println(server.sessionTree(session.sessionId()));
 * }
 * }</pre>
 *
 * <h2>What it does with a request</h2>
 * <ol>
 *   <li>Matches method and path to an operation of the spec: none answers 404, a known path with another method 405.
 *   <li>Checks the bearer token: missing or blank answers 401 {@code UNAUTHORIZED} (a spec violation too); a token
 *       other than {@link Builder#apiKey} answers 401 when a key is required.
 *   <li>Validates the request with swagger-request-validator (parameters, body schemas, unknown fields on the strict
 *       {@code /v1} bodies): a violation answers 400 like the real API, {@code {"statusCode": 400, "message":
 *       "event_type: Instance value (\"banana\") not found in enum ...", "success": false, "errorCode":
 *       "VALIDATION_ERROR"}}, the message naming each offending field.
 *   <li>Answers from its in-memory store, for all 14 operations of the current and legacy routes: creates, updates
 *       (maps merged, outputs replaced; 404 when absent), reads, searches and exports; see {@link StoredEvent} for
 *       the ids, names and times the server fills in.
 *   <li>Validates its own answer against the spec, as a self-check; a violation is recorded, never hidden.
 * </ol>
 * Every request is recorded ({@link #exchanges()}), and every violation is listed by {@link #validationErrors()}.
 *
 * <h2>OTLP traces</h2>
 * {@code POST /opentelemetry/v1/traces}, HoneyHive's OTLP/HTTP trace ingest, is answered too, though it is not in the
 * spec: protobuf or OTLP/JSON, gzipped or not, each span stored as the event the OpenTelemetry module's exporter maps
 * it to, sessions started as {@code POST /v1/sessions} would. It is authenticated, recorded and faulted like the
 * other routes, under the operation id {@code otlpExportTraces}, but not validated against the spec; malformed spans
 * are refused with 400 naming the field, another content type with 415.
 *
 * <h2>Faults</h2>
 * For reliability tests the server misbehaves on purpose when {@linkplain Builder#faults given fault plans}: 5xx
 * answers, 429 with {@code Retry-After}, connections closed without an answer, answers slower than the client's
 * timeout, partial batch failures, HTML error pages, truncated or malformed bodies ({@link ServerFault}), on a
 * schedule or at random with a seed ({@link FaultSchedule}), for all or some operations ({@link FaultPlan}). Every
 * injected fault is recorded ({@link #injectedFaults()}).
 * <pre>{@code
 * HoneyHiveTestServer server = HoneyHiveTestServer.builder()
 *     .faults(FaultPlan.builder(ServerFault.serverError(503))
 *         .schedule(FaultSchedule.firstRequests(2))
 *         .operations("createEvent")
 *         .build())
 *     .start();
 * }</pre>
 *
 * <p>Safe for concurrent requests and queries. Binds a free port on the loopback interface unless given
 * {@linkplain Builder#port a port} or {@linkplain Builder#bindAddress an address}; {@link #close()} stops it. To run it
 * on its own, for clients in other languages, see {@link HoneyHiveTestServerMain}.
 */
public final class HoneyHiveTestServer implements AutoCloseable {
  /** The API key {@link #clientBuilder()} uses when the server accepts any key. */
  public static final String DEFAULT_CLIENT_API_KEY = "hh-test-server-key";
  private static final Duration FLUSH_BEFORE_QUERIES = Duration.ofSeconds(30);

  private final MockWebServer server = new MockWebServer();
  private final ApiSpec spec;
  private final EventStore store;
  private final ServerDispatcher dispatcher;
  private final ServerRecords records;
  private final String apiKey;
  private final List<HoneyHive> flushedClients = new CopyOnWriteArrayList<>();

  private HoneyHiveTestServer(Builder builder) {
    this.spec = ApiSpec.of(builder.specText != null ? builder.specText : ApiSpec.defaultText());
    this.apiKey = builder.apiKey;
    this.store = new EventStore(spec.eventFields(), builder.projectId, builder.clock);
    Fault fault = builder.fault != null ? builder.fault : FaultInjector.of(builder.faultPlans, spec);
    this.dispatcher = new ServerDispatcher(spec, new Routes(store), builder.apiKey, fault);
    this.records = new ServerRecords(store, dispatcher);
    server.setDispatcher(dispatcher);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    try {
      server.start(builder.bindAddress, builder.port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the HoneyHive test server on "
          + builder.bindAddress.getHostAddress() + " port " + builder.port + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts a server with every option at its default: the spec of the {@code honeyhive-openapi} artifact on the
   * classpath, any non-blank API key accepted.
   *
   * @throws IllegalStateException if the spec is not on the classpath
   * @throws UncheckedIOException if no port can be bound
   */
  public static HoneyHiveTestServer start() {
    return builder().start();
  }

  /** Returns a builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the base URL to point a client at, such as {@code http://127.0.0.1:51234/}; ends with a slash. */
  public String baseUrl() {
    return server.url("/").toString();
  }

  /** Returns the server's root URL, {@link #baseUrl()} as an {@link HttpUrl}. */
  public HttpUrl url() {
    return server.url("/");
  }

  /** Returns the URL of {@code path} on this server, such as {@code url("/v1/events")}. */
  public HttpUrl url(String path) {
    return server.url(path);
  }

  /** Returns the port the server listens on: the {@linkplain Builder#port one asked for}, else a free one. */
  public int port() {
    return server.getPort();
  }

  /** Returns the API key clients should send: the required one, else {@link #DEFAULT_CLIENT_API_KEY}. */
  public String apiKey() {
    return apiKey != null ? apiKey : DEFAULT_CLIENT_API_KEY;
  }

  /**
   * Returns a client builder pointed at this server: {@link #apiKey()} set, {@link #baseUrl()} set, a sleeper that
   * does not wait, so retries take no time, and every other option at the client's default, including the
   * {@link DeliveryMode#BATCHED} delivery that production uses: writes are queued and sent by the client's exporter,
   * so call {@code hh.flush(timeout)} (or pass the client to {@link #flushBeforeQueries}) before asserting on the
   * store. For a test that wants each write to have arrived (or thrown) when its call returns, set
   * {@code deliveryMode(DeliveryMode.SYNCHRONOUS)}.
   */
  public HoneyHive.Builder clientBuilder() {
    return HoneyHive.builder().apiKey(apiKey()).baseUrl(baseUrl()).sleeper(duration -> { });
  }

  /**
   * Makes every query of this server's store and records ({@link #events()}, {@link #sessionTree},
   * {@link #exchanges()}, {@link #validationErrors()}, ...) first {@linkplain HoneyHive#flush flush} {@code client},
   * for up to 30 seconds, so that a test of a batched client reads what it wrote. The JUnit extension does this for
   * the client it injects. A closed client is skipped.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public void flushBeforeQueries(HoneyHive client) {
    if (client == null) {
      throw new NullPointerException("client == null");
    }
    flushedClients.add(client);
  }

  /** Flushes the clients registered with {@link #flushBeforeQueries}, so their writes have arrived. */
  private void settle() {
    for (HoneyHive client : flushedClients) {
      client.flush(FLUSH_BEFORE_QUERIES);
    }
  }

  // ---- The store -------------------------------------------------------------------------------------------------

  /** Returns every stored event (sessions included), in the order each first arrived. Unmodifiable, a snapshot. */
  public List<StoredEvent> events() {
    settle();
    return store.all();
  }

  /** Returns the stored event {@code eventId} (a session's id gives its session event), if any. */
  public Optional<StoredEvent> event(String eventId) {
    settle();
    return Optional.ofNullable(store.get(eventId));
  }

  /** Returns the stored events of session {@code sessionId}, its session event included, in arrival order. */
  public List<StoredEvent> eventsInSession(String sessionId) {
    settle();
    return records.events(event -> sessionId.equals(event.sessionId()));
  }

  /** Returns the stored events of type {@code eventType} ({@code "session"}, {@code "model"}, ...), in arrival order. */
  public List<StoredEvent> eventsOfType(String eventType) {
    settle();
    return records.events(event -> eventType.equals(event.eventType()));
  }

  /** Returns the ids of every session that has stored events, in order of first arrival. */
  public Set<String> sessionIds() {
    settle();
    return records.sessionIds();
  }

  /**
   * Returns how many accepted create requests carried {@code eventId}: events in any create or batch route, and
   * session starts for a session id. 1 means delivered exactly once; 0 never. A second delivery of an id is counted
   * here and leaves the stored event as it was (session starts merge, as the API documents).
   */
  public int deliveryCount(String eventId) {
    settle();
    return store.deliveries(eventId);
  }

  /** Returns the ids delivered more than once, with their delivery counts; empty when nothing was duplicated. */
  public Map<String, Integer> duplicateDeliveries() {
    settle();
    return store.duplicates();
  }

  /**
   * Returns the events of session {@code sessionId} as a tree; print it to see what arrived.
   *
   * @throws IllegalArgumentException if no event of that session is stored
   */
  public SessionTree sessionTree(String sessionId) {
    List<StoredEvent> events = eventsInSession(sessionId);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("no events stored for session " + sessionId);
    }
    return SessionTree.of(sessionId, events);
  }

  // ---- Requests and validation -----------------------------------------------------------------------------------

  /** Returns every request received so far with its answer and findings, in order. */
  public List<RecordedExchange> exchanges() {
    settle();
    return dispatcher.exchanges();
  }

  /**
   * Returns every validation failure seen so far, of requests and of the server's own responses, one per line:
   * {@code POST /v1/events (createEvent) -> 400: request [validation.request.body.schema.enum] event_type: ...}.
   * Empty when every request and response conformed to the spec.
   */
  public List<String> validationErrors() {
    settle();
    return records.validationErrors();
  }

  /**
   * Returns the exchanges into which a {@linkplain Builder#faults fault} was injected, in order; count them, or group
   * them by {@link RecordedExchange#injectedFault()}. Empty when no fault was injected.
   *
   * @return the faulted exchanges, a snapshot
   */
  public List<RecordedExchange> injectedFaults() {
    settle();
    return records.injectedFaults();
  }

  /** Returns the {@code operationId} of every operation in the spec, in document order. */
  public Set<String> operationIds() {
    Set<String> ids = new LinkedHashSet<>();
    spec.operations().forEach(operation -> ids.add(operation.operationId()));
    return Collections.unmodifiableSet(ids);
  }

  /**
   * Returns the operations that were exercised: called with a request that conformed to the spec and answered with
   * a 2xx status. Compare with {@link #operationIds()} for coverage.
   */
  public Set<String> exercisedOperationIds() {
    settle();
    return records.exercisedOperationIds();
  }

  /** Stops the server and frees its port. Idempotent. The store and the records stay readable. */
  @Override
  public void close() {
    server.close();
  }

  /** Returns the base URL, for test output; the format may change. */
  @Override
  public String toString() {
    return "HoneyHiveTestServer{baseUrl=" + baseUrl() + "}";
  }

  /** Configures and starts a {@link HoneyHiveTestServer}. Not thread-safe. */
  public static final class Builder {
    private String specText;
    private String apiKey;
    private String projectId = "hh-test-project";
    private Clock clock = Clock.systemUTC();
    private List<FaultPlan> faultPlans = List.of();
    private Fault fault;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;

    Builder() {}

    /**
     * Listens on {@code port}; 0 picks a free port, see {@link HoneyHiveTestServer#port()}. Default 0. A port in use
     * fails {@link #start()}.
     *
     * @throws IllegalArgumentException if {@code port} is not in 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Listens on {@code bindAddress} only, such as {@code InetAddress.getByName("0.0.0.0")} to be reachable from
     * containers and other machines (which then reach an API that accepts any key: bind it so only on a trusted
     * network). Default: the loopback address, reachable from this machine only.
     *
     * @throws NullPointerException if {@code bindAddress} is null
     */
    public Builder bindAddress(InetAddress bindAddress) {
      if (bindAddress == null) {
        throw new NullPointerException("bindAddress == null");
      }
      this.bindAddress = bindAddress;
      return this;
    }

    /**
     * Validates against the spec read from {@code spec} (YAML or JSON, OpenAPI 3.0), such as a pinned version of
     * {@code honeyhive-openapi.yaml}. Reads the stream to its end; the caller closes it. Default: the
     * {@code /honeyhive-openapi.yaml} resource of the {@code honeyhive-openapi} artifact on the classpath.
     *
     * @throws NullPointerException if {@code spec} is null
     * @throws UncheckedIOException if the stream cannot be read
     */
    public Builder spec(InputStream spec) {
      if (spec == null) {
        throw new NullPointerException("spec == null");
      }
      try {
        this.specText = ApiSpec.read(spec);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the spec", e);
      }
      return this;
    }

    /**
     * Accepts only {@code apiKey} as the bearer token; any other answers 401. Default: any non-blank token is
     * accepted (a missing or blank one always answers 401).
     *
     * @throws IllegalArgumentException if {@code apiKey} is null or blank
     */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be null or blank");
      }
      this.apiKey = apiKey.strip();
      return this;
    }

    /**
     * Sets the {@code project_id} the server writes on every stored event. Default {@code "hh-test-project"}.
     *
     * @throws IllegalArgumentException if {@code projectId} is null or blank
     */
    public Builder projectId(String projectId) {
      if (projectId == null || projectId.isBlank()) {
        throw new IllegalArgumentException("projectId must not be null or blank");
      }
      this.projectId = projectId;
      return this;
    }

    /**
     * Sets the clock for the times the server fills in (an event sent without {@code start_time} starts now).
     * Default: the system clock.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new NullPointerException("clock == null");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Injects faults for reliability tests: each request is offered to {@code plans} in order, and the first whose
     * schedule strikes alters or replaces the answer (see {@link FaultPlan}). Replaces plans given before; no plans
     * means no faults. Default: none.
     *
     * @param plans the fault plans
     * @return this builder
     * @throws NullPointerException if {@code plans} or one of them is null
     */
    public Builder faults(FaultPlan... plans) {
      if (plans == null) {
        throw new NullPointerException("plans == null");
      }
      for (FaultPlan plan : plans) {
        if (plan == null) {
          throw new NullPointerException("plans has a null plan");
        }
      }
      this.faultPlans = List.of(plans);
      return this;
    }

    /** Puts {@code fault} in front of normal handling, instead of the {@linkplain #faults fault plans}. */
    Builder fault(Fault fault) {
      if (fault == null) {
        throw new NullPointerException("fault == null");
      }
      this.fault = fault;
      return this;
    }

    /**
     * Parses the spec and starts the server on its {@linkplain #port port} (by default a free loopback port). Parsing a spec takes about a second the first
     * time; later servers with the same spec reuse it.
     *
     * @throws IllegalStateException if no spec was given and none is on the classpath
     * @throws IllegalArgumentException if the spec is not an OpenAPI 3 document, or a fault plan names an operation
     *     it does not have
     * @throws UncheckedIOException if the port cannot be bound, such as one in use
     */
    public HoneyHiveTestServer start() {
      return new HoneyHiveTestServer(this);
    }
  }
}
