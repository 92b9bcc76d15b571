package ai.honeyhive;

import ai.honeyhive.client.HoneyHiveRetrofit;
import ai.honeyhive.internal.config.CaBundle;
import ai.honeyhive.internal.config.ClientOptions;
import ai.honeyhive.internal.config.DeliveryOptions;
import ai.honeyhive.internal.config.HttpOptions;
import java.net.Proxy;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What a {@link HoneyHive.Builder} holds: every option at its default until set, each checked as it is set (with a
 * message that names it), and the checks between options made when the client is built. The builder is the public,
 * documented face of this class (the defaults are documented there); the internals read the immutable
 * {@link ClientOptions} made by {@link #options()}. Not thread-safe, like the builder.
 */
final class ClientSettings {
  private static final int MAX_QUEUE_SIZE = 1 << 24;
  private static final int MAX_BATCH_SIZE = 1000;
  private static final int MAX_CONCURRENT_EXPORTS = 8;
  private static final int DEFAULT_CONCURRENT_EXPORTS = 4;

  private String apiKey;
  private HttpUrl baseUrl = HoneyHiveRetrofit.DEFAULT_BASE_URL;
  private String source;
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration callTimeout;
  private int maxRetries = 3;
  private Duration initialRetryDelay = Duration.ofMillis(500);
  private Duration maxRetryDelay = Duration.ofSeconds(8);
  private Duration maxRetryAfter = Duration.ofSeconds(60);
  private Proxy proxy;
  private String proxyUsername;
  private String proxyPassword;
  private boolean verifyTls = true;
  private List<X509Certificate> caCertificates;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private ConnectionPool connectionPool;
  private OkHttpClient okHttpClient;
  private RouteFamily routeFamily = RouteFamily.CURRENT;
  private boolean enabled = true;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private DeliveryMode deliveryMode = DeliveryMode.BATCHED;
  private int maxQueueSize = 8192;
  private long maxQueueBytes = 32L * 1024 * 1024;
  private long maxEventBytes = 16L * 1024 * 1024;
  private Path spoolDirectory;
  private long maxSpoolBytes = 1024L * 1024 * 1024;
  private Duration spoolSyncInterval = Duration.ofSeconds(1);
  private long spoolSegmentBytes = 8L * 1024 * 1024;
  private QueueFullPolicy queueFullPolicy = QueueFullPolicy.DROP_NEWEST;
  private Duration blockTimeout = Duration.ofSeconds(1);
  private int maxBatchSize = 100;
  private long maxBatchBytes = 4L * 1024 * 1024;
  private Duration maxBatchDelay = Duration.ofSeconds(1);
  /** Null until set: 4, or 1 with an {@link #executor} (whose threads the workers would occupy). */
  private Integer maxConcurrentExports;
  private Duration closeTimeout = Duration.ofSeconds(10);
  private boolean shutdownHook = true;
  private DeliveryListener deliveryListener;
  private Executor executor;

  /** Strips {@code apiKey} and refuses one that is blank or cannot be sent in a header, never showing it. */
  void apiKey(String apiKey) {
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
  }

  /** Parses {@code baseUrl}, adding a final {@code /} when it has none. */
  void baseUrl(String baseUrl) {
    Checks.notNull("baseUrl", baseUrl);
    HttpUrl parsed = HttpUrl.parse(baseUrl.strip());
    if (parsed == null) {
      throw new IllegalArgumentException("baseUrl must be an http or https URL, but was '" + baseUrl + "'");
    }
    if (!parsed.encodedPath().endsWith("/")) {
      parsed = parsed.newBuilder().addPathSegment("").build();
    }
    this.baseUrl = parsed;
  }

  void source(String source) {
    this.source = Checks.name("source", source);
  }

  void connectTimeout(Duration timeout) {
    this.connectTimeout = Checks.positive("connectTimeout", timeout);
  }

  void readTimeout(Duration timeout) {
    this.readTimeout = Checks.positive("readTimeout", timeout);
  }

  void callTimeout(Duration timeout) {
    this.callTimeout = Checks.positive("callTimeout", timeout);
  }

  void maxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, but was " + maxRetries);
    }
    this.maxRetries = maxRetries;
  }

  void retryBackoff(Duration initial, Duration max) {
    Checks.positive("initial", initial);
    Checks.positive("max", max);
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max (" + max + ") must not be less than initial (" + initial + ")");
    }
    this.initialRetryDelay = initial;
    this.maxRetryDelay = max;
  }

  void maxRetryAfter(Duration max) {
    this.maxRetryAfter = Checks.positive("maxRetryAfter", max);
  }

  void proxy(Proxy proxy) {
    this.proxy = Checks.notNull("proxy", proxy);
  }

  void proxyCredentials(String username, String password) {
    this.proxyUsername = Checks.notNull("username", username);
    this.proxyPassword = Checks.notNull("password", password);
  }

  void verifyTls(boolean verifyTls) {
    this.verifyTls = verifyTls;
  }

  /** Reads the certificates of {@code pemFile} now, naming the option in the message of a failure. */
  void caCertificates(Path pemFile) {
    Checks.notNull("pemFile", pemFile);
    try {
      this.caCertificates = CaBundle.read(pemFile);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("caCertificates: " + e.getMessage(), e);
    }
  }

  /** Adds a custom header; refuses {@code Authorization} and what HTTP does not allow. */
  void header(String name, String value) {
    Checks.name("name", name);
    Checks.notNull("value", value);
    if (name.equalsIgnoreCase("Authorization")) {
      throw new IllegalArgumentException("set the Authorization header through apiKey(...), not header(...)");
    }
    okhttp3.Headers.of(name, value); // rejects characters HTTP does not allow, naming them
    headers.put(name, value);
  }

  void connectionPool(ConnectionPool pool) {
    this.connectionPool = Checks.notNull("pool", pool);
  }

  void okHttpClient(OkHttpClient client) {
    this.okHttpClient = Checks.notNull("client", client);
  }

  void routeFamily(RouteFamily routeFamily) {
    this.routeFamily = Checks.notNull("routeFamily", routeFamily);
  }

  void enabled(boolean enabled) {
    this.enabled = enabled;
  }

  void deliveryMode(DeliveryMode mode) {
    this.deliveryMode = Checks.notNull("mode", mode);
  }

  void maxQueueSize(int maxQueueSize) {
    if (maxQueueSize < 1 || maxQueueSize > MAX_QUEUE_SIZE) {
      throw new IllegalArgumentException(
          "maxQueueSize must be between 1 and " + MAX_QUEUE_SIZE + ", but was " + maxQueueSize);
    }
    this.maxQueueSize = maxQueueSize;
  }

  void maxQueueBytes(long maxQueueBytes) {
    this.maxQueueBytes = atLeastOne("maxQueueBytes", maxQueueBytes);
  }

  void maxEventBytes(long maxEventBytes) {
    this.maxEventBytes = atLeastOne("maxEventBytes", maxEventBytes);
  }

  void spoolDirectory(Path directory) {
    this.spoolDirectory = directory;
  }

  void maxSpoolBytes(long maxSpoolBytes) {
    this.maxSpoolBytes = atLeastOne("maxSpoolBytes", maxSpoolBytes);
  }

  void spoolSyncInterval(Duration interval) {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("spoolSyncInterval must be zero or more, but was " + interval);
    }
    this.spoolSyncInterval = interval;
  }

  void spoolSegmentBytes(long bytes) {
    this.spoolSegmentBytes = bytes;
  }

  void queueFullPolicy(QueueFullPolicy policy) {
    this.queueFullPolicy = Checks.notNull("policy", policy);
  }

  void blockTimeout(Duration timeout) {
    this.blockTimeout = Checks.positive("blockTimeout", timeout);
  }

  void maxBatchSize(int maxBatchSize) {
    if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "maxBatchSize must be between 1 and " + MAX_BATCH_SIZE + ", but was " + maxBatchSize);
    }
    this.maxBatchSize = maxBatchSize;
  }

  void maxBatchBytes(long maxBatchBytes) {
    this.maxBatchBytes = atLeastOne("maxBatchBytes", maxBatchBytes);
  }

  void maxBatchDelay(Duration delay) {
    this.maxBatchDelay = Checks.positive("maxBatchDelay", delay);
  }

  void maxConcurrentExports(int maxConcurrentExports) {
    if (maxConcurrentExports < 1 || maxConcurrentExports > MAX_CONCURRENT_EXPORTS) {
      throw new IllegalArgumentException("maxConcurrentExports must be between 1 and " + MAX_CONCURRENT_EXPORTS
          + ", but was " + maxConcurrentExports);
    }
    this.maxConcurrentExports = maxConcurrentExports;
  }

  void closeTimeout(Duration timeout) {
    this.closeTimeout = Checks.notNegative("closeTimeout", timeout);
  }

  void shutdownHook(boolean enabled) {
    this.shutdownHook = enabled;
  }

  void deliveryListener(DeliveryListener listener) {
    this.deliveryListener = Checks.notNull("listener", listener);
  }

  /** Refuses the common pool, which the exporter would starve of a thread for the client's whole life. */
  void executor(Executor executor) {
    Checks.notNull("executor", executor);
    if (executor == ForkJoinPool.commonPool()) {
      throw new IllegalArgumentException(
          "executor must not be ForkJoinPool.commonPool(): the exporter holds one of its threads until close()");
    }
    this.executor = executor;
  }

  void clock(Clock clock) {
    this.clock = Checks.notNull("clock", clock);
  }

  void sleeper(Sleeper sleeper) {
    this.sleeper = Checks.notNull("sleeper", sleeper);
  }

  /**
   * Checks what no single option can: that a key is set when the client is enabled, that a spool comes with the
   * batched mode, and that a full batch fits in the queue.
   *
   * @throws IllegalStateException naming the options in conflict
   */
  void checkBuildable() {
    if (enabled && apiKey == null) {
      throw new IllegalStateException(
          "no HoneyHive API key: call apiKey(...) or set HH_API_KEY; or disable the client with enabled(false)");
    }
    if (enabled && spoolDirectory != null && deliveryMode != DeliveryMode.BATCHED) {
      throw new IllegalStateException("spoolDirectory needs the batched delivery mode: in the synchronous mode each"
          + " write is sent before it returns, and nothing is queued to spool");
    }
    if (deliveryMode == DeliveryMode.BATCHED) {
      if (maxBatchSize > maxQueueSize) {
        throw new IllegalStateException("maxBatchSize (" + maxBatchSize + ") must not exceed maxQueueSize ("
            + maxQueueSize + "): a full batch could never be queued");
      }
      if (maxBatchBytes > maxQueueBytes) {
        throw new IllegalStateException("maxBatchBytes (" + maxBatchBytes + ") must not exceed maxQueueBytes ("
            + maxQueueBytes + "): a full batch could never be queued");
      }
    }
  }

  /** Returns the options as they are now, as the internals read them. */
  ClientOptions options() {
    HttpOptions http = new HttpOptions(apiKey, baseUrl, connectTimeout, readTimeout, callTimeout, maxRetries,
        initialRetryDelay, maxRetryDelay, maxRetryAfter, proxy, proxyUsername, proxyPassword, verifyTls,
        caCertificates == null ? null : List.copyOf(caCertificates), Collections.unmodifiableMap(
            new LinkedHashMap<>(headers)), connectionPool, okHttpClient, routeFamily, clock, sleeper);
    DeliveryOptions delivery = new DeliveryOptions(deliveryMode, maxQueueSize, maxQueueBytes, maxEventBytes,
        queueFullPolicy, blockTimeout, maxBatchSize, maxBatchBytes, maxBatchDelay,
        maxConcurrentExports != null ? maxConcurrentExports : executor != null ? 1 : DEFAULT_CONCURRENT_EXPORTS,
        closeTimeout, shutdownHook, deliveryListener, executor, spoolDirectory, maxSpoolBytes, spoolSyncInterval,
        spoolSegmentBytes);
    return new ClientOptions(enabled, source, clock, http, delivery);
  }

  /** Names the options that identify a client; never a secret (the key, a proxy password, header values). */
  @Override
  public String toString() {
    return "baseUrl=" + baseUrl + ", routeFamily=" + routeFamily + ", enabled=" + enabled + ", deliveryMode="
        + deliveryMode;
  }

  private static long atLeastOne(String option, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, but was " + value);
    }
    return value;
  }
}
