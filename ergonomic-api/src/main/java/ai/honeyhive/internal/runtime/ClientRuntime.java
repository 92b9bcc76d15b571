package ai.honeyhive.internal.runtime;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.RouteFamily;
import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.internal.config.ClientOptions;
import ai.honeyhive.internal.config.DeliveryOptions;
import ai.honeyhive.internal.config.HttpOptions;
import ai.honeyhive.internal.delivery.BatchDelivery;
import ai.honeyhive.internal.delivery.BatchSender;
import ai.honeyhive.internal.delivery.DaemonThreads;
import ai.honeyhive.internal.delivery.Delivery;
import ai.honeyhive.internal.delivery.DeliveryCounters;
import ai.honeyhive.internal.delivery.Spool;
import ai.honeyhive.internal.delivery.SyncDelivery;
import ai.honeyhive.internal.http.Calls;
import ai.honeyhive.internal.http.DecodeFailureMarkingFactory;
import ai.honeyhive.internal.http.DatasetsGateway;
import ai.honeyhive.internal.http.DisabledGateway;
import ai.honeyhive.internal.http.ErrorMapper;
import ai.honeyhive.internal.http.Gateway;
import ai.honeyhive.internal.http.HttpClientFactory;
import ai.honeyhive.internal.http.HttpGateway;
import ai.honeyhive.internal.http.LegacyGateway;
import ai.honeyhive.internal.http.MetricsGateway;
import ai.honeyhive.internal.http.RunsGateway;
import ai.honeyhive.internal.http.RetryPolicy;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The machinery of one client, wired from its {@link ClientOptions}: the HTTP client and Retrofit, the gateway reads
 * and writes go through, the delivery (batched or synchronous, with its spool), the executor of asynchronous calls,
 * and the shutdown hook. Owns every thread and socket it starts, and releases them in {@link #close()}: not those of
 * a caller-supplied executor or {@code OkHttpClient}.
 */
public final class ClientRuntime implements AutoCloseable {
  /** How many threads run asynchronous reads and updates when no executor is given. */
  private static final int ASYNC_THREADS = 4;

  private final OkHttpClient http;
  private final boolean ownsHttpClient;
  private final Retrofit retrofit;
  private final Gateway gateway;
  private final RunsGateway runs;
  private final DatasetsGateway datasets;
  private final MetricsGateway metrics;
  private final Delivery delivery;
  private final Executor async;
  private final ThreadPoolExecutor ownExecutor;
  private final Thread shutdownHook;

  /**
   * Wires and starts the machinery for {@code options}.
   *
   * @throws IllegalStateException if the spool directory is in use by another live client, or cannot be used
   * @throws IllegalArgumentException if the executor rejects the exporter's task
   */
  public ClientRuntime(ClientOptions options) {
    HttpOptions httpOptions = options.http();
    DeliveryOptions deliveryOptions = options.delivery();
    DeliveryCounters counters = new DeliveryCounters(deliveryOptions.listener());
    RetryPolicy retryPolicy = new RetryPolicy(httpOptions.maxRetries(), httpOptions.initialRetryDelay(),
        httpOptions.maxRetryDelay(), httpOptions.maxRetryAfter(), httpOptions.clock());
    this.http = HttpClientFactory.create(httpOptions, retryPolicy, counters.retried);
    this.ownsHttpClient = httpOptions.okHttpClient() == null;
    this.retrofit = new Retrofit.Builder()
        .baseUrl(httpOptions.baseUrl())
        .client(http)
        .addConverterFactory(new DecodeFailureMarkingFactory(MoshiConverterFactory.create(HoneyHiveJson.moshi())))
        .build();
    Calls calls = null;
    if (!options.enabled()) {
      gateway = new DisabledGateway();
      runs = RunsGateway.disabled();
      datasets = DatasetsGateway.disabled();
      metrics = MetricsGateway.disabled();
    } else {
      calls = new Calls(new ErrorMapper(retryPolicy));
      Gateway current = new HttpGateway(retrofit, calls);
      gateway = httpOptions.routeFamily() == RouteFamily.LEGACY ? new LegacyGateway(retrofit, calls, current) : current;
      runs = RunsGateway.of(retrofit, calls);
      datasets = DatasetsGateway.of(retrofit, calls);
      metrics = MetricsGateway.of(retrofit, calls);
    }
    if (deliveryOptions.executor() != null) {
      async = deliveryOptions.executor();
      ownExecutor = null;
    } else {
      // Created without threads; they start with the first asynchronous call and end after 30 idle seconds.
      ownExecutor = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), new DaemonThreads("honeyhive-async"));
      ownExecutor.allowCoreThreadTimeOut(true);
      async = ownExecutor;
    }
    if (options.enabled() && deliveryOptions.mode() == DeliveryMode.BATCHED) {
      BatchSender sender = new BatchSender(gateway, counters, retryPolicy, httpOptions.sleeper());
      Spool spool = deliveryOptions.spoolDirectory() == null ? null : Spool.open(new Spool.Options(
          deliveryOptions.spoolDirectory(), deliveryOptions.maxSpoolBytes(), deliveryOptions.spoolSyncInterval(),
          deliveryOptions.spoolSegmentBytes()));
      try {
        delivery = new BatchDelivery(deliveryOptions, sender, counters, calls, deliveryOptions.executor(), spool);
      } catch (RuntimeException e) {
        if (spool != null) {
          spool.close();
        }
        throw e;
      }
      shutdownHook = deliveryOptions.shutdownHook() ? registerShutdownHook(delivery) : null;
    } else {
      delivery = new SyncDelivery(gateway, counters, async);
      shutdownHook = null;
    }
  }

  private static Thread registerShutdownHook(Delivery delivery) {
    Thread hook = new Thread(delivery::close, "honeyhive-shutdown-hook");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      return null; // The JVM is already shutting down.
    }
    return hook;
  }

  /** Where reads and writes go. */
  public Gateway gateway() {
    return gateway;
  }

  /** Where server-side metrics are defined, versioned, deployed and tried. */
  public MetricsGateway metrics() {
    return metrics;
  }

  /** Where datasets and their datapoints are read and written. */
  public DatasetsGateway datasets() {
    return datasets;
  }

  /** Where experiments create and finish their runs. */
  public RunsGateway runs() {
    return runs;
  }

  /** Where writes are handed over. */
  public Delivery delivery() {
    return delivery;
  }

  /** Runs the asynchronous calls. */
  public Executor async() {
    return async;
  }

  /** The Retrofit instance of the raw API, sharing the HTTP client. */
  public Retrofit retrofit() {
    return retrofit;
  }

  /**
   * Closes the delivery (flushing within the close timeout), removes the shutdown hook, and releases the client's
   * own threads and idle connections. Idempotent.
   */
  @Override
  public void close() {
    delivery.close();
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down; the hook is running or has run.
      }
    }
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
    if (ownsHttpClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
