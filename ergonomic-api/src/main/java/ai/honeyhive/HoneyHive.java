package ai.honeyhive;

import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.HoneyHiveRetrofit;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

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
 * hh.close();
 * }</pre>
 *
 * <h2>Configuration</h2>
 * Every option has a builder method and an environment variable; a JVM system property of the same name
 * ({@code -DHH_API_URL=...}) overrides the environment variable, and a builder call overrides both.
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>Builder method</th><th>Variable</th><th>Default</th></tr>
 *   <tr><td>{@link Builder#apiKey}</td><td>{@code HH_API_KEY}</td><td>none: required unless disabled</td></tr>
 *   <tr><td>{@link Builder#baseUrl}</td><td>{@code HH_API_URL}</td><td>{@code https://api.honeyhive.ai}</td></tr>
 *   <tr><td>{@link Builder#source}</td><td>{@code HH_SOURCE}</td><td>unset (the server records "unknown")</td></tr>
 *   <tr><td>{@link Builder#connectTimeout}</td><td>{@code HH_CONNECT_TIMEOUT} (seconds)</td><td>10 s</td></tr>
 *   <tr><td>{@link Builder#readTimeout}</td><td>{@code HH_API_TIMEOUT} (seconds)</td><td>30 s</td></tr>
 *   <tr><td>{@link Builder#callTimeout}</td><td>{@code HH_CALL_TIMEOUT} (seconds)</td><td>none</td></tr>
 *   <tr><td>{@link Builder#maxRetries}</td><td>{@code HH_MAX_RETRIES}</td><td>3</td></tr>
 *   <tr><td>{@link Builder#proxy}</td><td>{@code HH_PROXY} ({@code host:port})</td><td>the JVM's default</td></tr>
 *   <tr><td>{@link Builder#verifyTls}</td><td>{@code HH_VERIFY_TLS}</td><td>true</td></tr>
 *   <tr><td>{@link Builder#routeFamily}</td><td>{@code HH_ROUTES} ({@code current}|{@code legacy})</td>
 *       <td>{@link RouteFamily#CURRENT}</td></tr>
 *   <tr><td>{@link Builder#enabled}</td><td>{@code HH_DISABLED} ({@code true} disables)</td><td>enabled</td></tr>
 *   <tr><td>{@link Builder#header}</td><td>none</td><td>no custom headers</td></tr>
 *   <tr><td>{@link Builder#connectionPool}</td><td>none</td><td>OkHttp's: 5 idle connections, 5 minutes</td></tr>
 *   <tr><td>{@link Builder#okHttpClient}</td><td>none</td><td>a new client</td></tr>
 * </table>
 *
 * <p>Requests identify this SDK with {@code hh-client-language: java}, {@code hh-client-package},
 * {@code hh-client-version} and a User-Agent naming it. The API key is sent as a bearer token and never appears in a
 * log line, an exception message or a {@code toString()}.
 */
public final class HoneyHive implements AutoCloseable {
  private final Client client;
  private final Retrofit retrofit;
  private final OkHttpClient http;
  private final boolean ownsHttpClient;
  private final HttpUrl baseUrl;
  private final RouteFamily routeFamily;

  private HoneyHive(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.routeFamily = builder.routeFamily;
    RetryPolicy retryPolicy = new RetryPolicy(builder.maxRetries, builder.initialRetryDelay,
        builder.maxRetryDelay, builder.maxRetryAfter, builder.clock);
    this.http = HttpClientFactory.create(builder, retryPolicy);
    this.ownsHttpClient = builder.okHttpClient == null;
    this.retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(http)
        .addConverterFactory(new DecodeFailureMarkingFactory(MoshiConverterFactory.create(HoneyHiveJson.moshi())))
        .build();
    Gateway gateway;
    if (!builder.enabled) {
      gateway = new DisabledGateway();
    } else {
      Calls calls = new Calls(new ErrorMapper(retryPolicy));
      Gateway current = new HttpGateway(retrofit, calls);
      gateway = routeFamily == RouteFamily.LEGACY ? new LegacyGateway(retrofit, calls, current) : current;
    }
    this.client = new Client(gateway, TimeSource.of(builder.clock), builder.source);
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
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public SessionBuilder session(String name) {
    return new SessionBuilder(client, Checks.name("name", name));
  }

  /**
   * Returns a handle on a session that was started elsewhere (another service, an earlier run), so events can be
   * added to it. Sends nothing.
   *
   * @param sessionId the session's id, a UUID
   * @return a handle on the session
   * @throws IllegalArgumentException if {@code sessionId} is not a UUID
   */
  public Session attachSession(String sessionId) {
    return new Session(client, Ids.parse("sessionId", sessionId), null);
  }

  /**
   * Starts building an update of the event (or session) {@code eventId}; {@link EventUpdate#send()} sends it.
   *
   * @param eventId the event's id, a UUID
   * @return a builder for the update
   * @throws IllegalArgumentException if {@code eventId} is not a UUID
   */
  public EventUpdate updateEvent(String eventId) {
    return new EventUpdate(client.gateway, Ids.parse("eventId", eventId));
  }

  /**
   * Reads one event ({@code GET /v1/events/{id}}).
   *
   * @param eventId the event's id, a UUID
   * @return the stored event
   * @throws IllegalArgumentException if {@code eventId} is not a UUID
   * @throws NotFoundException if there is no such event
   * @throws HoneyHiveException if the call fails otherwise
   */
  public Event getEvent(String eventId) {
    UUID id = Ids.parse("eventId", eventId);
    return Event.fromWire(client.gateway.getEvent(id));
  }

  /**
   * Starts building a search over this project's events ({@code POST /v1/events/search}).
   *
   * @return a builder for the search
   */
  public EventSearch searchEvents() {
    return new EventSearch(client.gateway);
  }

  /**
   * The escape hatch: the generated Retrofit interfaces, sharing this client's connection pool, authentication,
   * identity headers and retries, for operations the fluent API does not cover (batches, export). Their types come
   * from the generated client and may change when the spec changes.
   *
   * @return the generated interfaces
   */
  public RawApi raw() {
    return new RawApi(retrofit);
  }

  /**
   * Returns the base URL requests go to.
   *
   * @return the base URL, ending in {@code /}
   */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * Returns which generation of the API this client writes to.
   *
   * @return the route family
   */
  public RouteFamily routeFamily() {
    return routeFamily;
  }

  /**
   * Releases the HTTP client's threads and idle connections, unless they belong to a caller-supplied
   * {@link OkHttpClient}. Sessions and spans of this client must not be used afterwards.
   */
  @Override
  public void close() {
    if (ownsHttpClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "HoneyHive{baseUrl=" + baseUrl + ", routeFamily=" + routeFamily + "}";
  }

  /**
   * Configures a {@link HoneyHive} client. Not thread-safe; the built client is immutable. See the table on
   * {@link HoneyHive} for every option's default and environment variable.
   */
  public static final class Builder {
    private static final HttpUrl DEFAULT_BASE_URL = HoneyHiveRetrofit.DEFAULT_BASE_URL;

    String apiKey;
    HttpUrl baseUrl = DEFAULT_BASE_URL;
    String source;
    Duration connectTimeout;
    Duration readTimeout;
    Duration callTimeout;
    int maxRetries = 3;
    Duration initialRetryDelay = Duration.ofMillis(500);
    Duration maxRetryDelay = Duration.ofSeconds(8);
    Duration maxRetryAfter = Duration.ofSeconds(60);
    Proxy proxy;
    boolean verifyTls = true;
    final Map<String, String> headers = new LinkedHashMap<>();
    ConnectionPool connectionPool;
    OkHttpClient okHttpClient;
    RouteFamily routeFamily = RouteFamily.CURRENT;
    boolean enabled = true;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;

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
      Checks.notNull("apiKey", apiKey);
      String key = apiKey.strip();
      if (key.isEmpty()) {
        throw new IllegalArgumentException("apiKey is blank");
      }
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          // Name the position, never the key.
          throw new IllegalArgumentException("apiKey has a character that cannot be sent in an HTTP header, at index "
              + i + "; API keys are printable ASCII");
        }
      }
      this.apiKey = key;
      return this;
    }

    /**
     * Sets the API's base URL. Default {@code https://api.honeyhive.ai}; self-hosted installs use their own.
     *
     * @param baseUrl the URL, such as {@code https://honeyhive.example.com}; a missing final {@code /} is added
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUrl} is not an http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      Checks.notNull("baseUrl", baseUrl);
      HttpUrl parsed = HttpUrl.parse(baseUrl.strip());
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL, but was '" + baseUrl + "'");
      }
      if (!parsed.encodedPath().endsWith("/")) {
        parsed = parsed.newBuilder().addPathSegment("").build();
      }
      this.baseUrl = parsed;
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
      this.source = Checks.name("source", source);
      return this;
    }

    /**
     * Sets the TCP connect timeout. Default 10 seconds.
     *
     * @param timeout the timeout; must be positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Checks.positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the timeout between bytes read or written on one attempt. Default 30 seconds.
     *
     * @param timeout the timeout; must be positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Checks.positive("readTimeout", timeout);
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
      this.callTimeout = Checks.positive("callTimeout", timeout);
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
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, but was " + maxRetries);
      }
      this.maxRetries = maxRetries;
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
      Checks.positive("initial", initial);
      Checks.positive("max", max);
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max (" + max + ") must not be less than initial (" + initial + ")");
      }
      this.initialRetryDelay = initial;
      this.maxRetryDelay = max;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} the client honours; longer requests are cut to this. Default 60 s.
     *
     * @param max the longest wait honoured; must be positive
     * @return this builder
     */
    public Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = Checks.positive("maxRetryAfter", max);
      return this;
    }

    /**
     * Sends requests through {@code proxy}. Default: the JVM's proxy settings.
     *
     * @param proxy the proxy to use
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Checks.notNull("proxy", proxy);
      return this;
    }

    /**
     * Whether to verify the server's TLS certificate and host name. Default true. Turn it off only for a local test
     * server with a self-signed certificate: it makes the connection open to interception.
     *
     * @param verifyTls false to accept any certificate and host name
     * @return this builder
     */
    public Builder verifyTls(boolean verifyTls) {
      this.verifyTls = verifyTls;
      return this;
    }

    /**
     * Adds a header to every request, replacing an earlier value of the same name.
     *
     * @param name the header's name; must not be blank
     * @param value the header's value; characters HTTP does not allow are rejected
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is {@code Authorization} (set {@link #apiKey} instead)
     */
    public Builder header(String name, String value) {
      Checks.name("name", name);
      Checks.notNull("value", value);
      if (name.equalsIgnoreCase("Authorization")) {
        throw new IllegalArgumentException("set the Authorization header through apiKey(...), not header(...)");
      }
      okhttp3.Headers.of(name, value); // rejects characters HTTP does not allow, naming them
      headers.put(name, value);
      return this;
    }

    /**
     * Uses {@code pool} for connections. Default: OkHttp's pool (5 idle connections kept 5 minutes).
     *
     * @param pool the pool, which may be shared with other clients
     * @return this builder
     */
    public Builder connectionPool(ConnectionPool pool) {
      this.connectionPool = Checks.notNull("pool", pool);
      return this;
    }

    /**
     * Builds on a caller's OkHttp client, sharing its dispatcher, connection pool and interceptors. Authentication,
     * identity headers and retries are still added; timeouts set on this builder override the client's.
     * {@link HoneyHive#close()} leaves the caller's client running.
     *
     * @param client the client to build on; it is not changed
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Checks.notNull("client", client);
      return this;
    }

    /**
     * Chooses the route generation writes go to. Default {@link RouteFamily#CURRENT}.
     *
     * @param routeFamily the routes to write to
     * @return this builder
     */
    public Builder routeFamily(RouteFamily routeFamily) {
      this.routeFamily = Checks.notNull("routeFamily", routeFamily);
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
      this.enabled = enabled;
      return this;
    }

    /**
     * The clock for event times and {@code Retry-After} dates. Default the system clock; tests use a fixed one.
     *
     * @param clock the clock to read
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Checks.notNull("clock", clock);
      return this;
    }

    /**
     * How the client waits between retries. Default {@link Sleeper#SYSTEM}; tests record instead of waiting.
     *
     * @param sleeper the sleeper to wait with
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Checks.notNull("sleeper", sleeper);
      return this;
    }

    /**
     * Reads every option that is set in system properties or environment variables (see {@link HoneyHive}); options
     * set later on this builder override them.
     *
     * @return this builder
     * @throws IllegalArgumentException if a variable holds a value of the wrong form, naming the variable
     */
    public Builder fromEnv() {
      return fromEnv(name -> {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
      });
    }

    Builder fromEnv(Function<String, String> env) {
      EnvReader reader = new EnvReader(env);
      reader.string("HH_API_KEY", this::apiKey);
      reader.string("HH_API_URL", this::baseUrl);
      reader.string("HH_SOURCE", this::source);
      reader.seconds("HH_CONNECT_TIMEOUT", this::connectTimeout);
      reader.seconds("HH_API_TIMEOUT", this::readTimeout);
      reader.seconds("HH_CALL_TIMEOUT", this::callTimeout);
      reader.integer("HH_MAX_RETRIES", this::maxRetries);
      reader.bool("HH_VERIFY_TLS", this::verifyTls);
      reader.bool("HH_DISABLED", disabled -> enabled(!disabled));
      reader.string("HH_ROUTES", value -> routeFamily(RouteFamily.valueOf(value.toUpperCase(Locale.ROOT))));
      reader.string("HH_PROXY", value -> proxy(parseProxy(value)));
      return this;
    }

    private static Proxy parseProxy(String value) {
      String hostPort = value.replaceFirst("^https?://", "").replaceAll("/+$", "");
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("expected host:port");
      }
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port));
    }

    Duration connectTimeout() {
      return connectTimeout != null ? connectTimeout : Duration.ofSeconds(10);
    }

    Duration readTimeout() {
      return readTimeout != null ? readTimeout : Duration.ofSeconds(30);
    }

    Duration callTimeout() {
      return callTimeout != null ? callTimeout : Duration.ZERO;
    }

    /**
     * Builds the client.
     *
     * @return the new client
     * @throws IllegalStateException if no API key is set and the client is enabled
     */
    public HoneyHive build() {
      if (enabled && apiKey == null) {
        throw new IllegalStateException(
            "no HoneyHive API key: call apiKey(...) or set HH_API_KEY; or disable the client with enabled(false)");
      }
      return new HoneyHive(this);
    }

    @Override
    public String toString() {
      return "HoneyHive.Builder{baseUrl=" + baseUrl + ", routeFamily=" + routeFamily + ", enabled=" + enabled + "}";
    }
  }
}
