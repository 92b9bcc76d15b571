package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 13, item 2: end-to-end throughput into a third-party server, nginx ({@link NginxSink}), which reads each body
 * to its end before answering and leaves the kernel's delayed ACKs on, unlike {@link LoopbackSink}. Ten-field events,
 * events per second, for three strategies in the same run:
 *
 * <ul>
 *   <li>{@code honeyhiveBatched}: this client, batched, defaults except the batch size and a queue that holds a whole
 *       invocation ({@value #QUEUE_SIZE} writes, 128 MiB), so nothing is dropped;
 *   <li>{@code openTelemetrySdk}: {@code BatchSpanProcessor} with {@code OtlpHttpSpanExporter}, configured alike;
 *   <li>{@code rawLimit}: the same number of pre-serialized batch bodies (the exact bytes this client sends for
 *       {@code batchSize} ten-field events, captured once at setup) POSTed with a plain OkHttp client from
 *       {@value #RAW_THREADS} threads (this client's default {@code maxConcurrentExports}) over keep-alive
 *       connections, as fast as nginx takes them: the most any client could deliver here.
 * </ul>
 *
 * <p>{@code noDelay=false} turns {@code TCP_NODELAY} off for this client and for the raw POSTs (through a caller's
 * {@code OkHttpClient} with a socket factory of its own, which the client keeps): the behaviour before issue 13.
 * OpenTelemetry's exporter never sets it, whatever the parameter. One invocation logs {@value #EVENTS} events
 * (a multiple of both batch sizes) and waits until every one has been answered.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class NginxSinkBenchmark {
  static final int EVENTS = 25_600;
  static final int QUEUE_SIZE = 32_768;
  static final int RAW_THREADS = 4;

  /** Events per request, on every side. */
  @Param({"100", "512"})
  public int batchSize;

  /** {@code TCP_NODELAY} on this client's (and the raw client's) sockets: true since issue 13. */
  @Param({"true", "false"})
  public boolean noDelay;

  /**
   * This client's disk spool ({@code off}, {@code on}, {@code fsync}; see {@link CallerCostBenchmark#spool}); only
   * {@code honeyhiveBatched} uses it. Run with {@code -p spool=off,on} to compare.
   */
  @Param({"off"})
  public String spool;

  /** This client, batched. */
  @State(Scope.Benchmark)
  public static class HoneyHiveBatched {
    NginxSink sink;
    OkHttpClient http;
    HoneyHive hh;
    Path spoolDirectory;

    @Setup(Level.Trial)
    public void start(NginxSinkBenchmark params) throws Exception {
      sink = new NginxSink();
      spoolDirectory = SpoolSetting.directory(params.spool);
      HoneyHive.Builder builder = SpoolSetting.apply(params.spool, spoolDirectory, HoneyHive.builder())
          .apiKey("benchmark-key")
          .baseUrl(sink.baseUrl())
          .source("benchmark")
          .deliveryMode(DeliveryMode.BATCHED)
          .maxBatchSize(params.batchSize)
          .maxQueueSize(QUEUE_SIZE)
          .maxQueueBytes(128L << 20)
          .maxBatchDelay(Duration.ofSeconds(1))
          .shutdownHook(false);
      if (!params.noDelay) {
        http = new OkHttpClient.Builder().socketFactory(new NagleSocketFactory()).build();
        builder.okHttpClient(http);
      }
      hh = builder.build();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      hh.close();
      if (http != null) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
      sink.close();
      SpoolSetting.delete(spoolDirectory);
    }
  }

  /** The OpenTelemetry SDK: BatchSpanProcessor and the OTLP/HTTP exporter, configured alike. */
  @State(Scope.Benchmark)
  public static class OpenTelemetrySdk {
    NginxSink sink;
    CountingSpanExporter exporter;
    SdkTracerProvider provider;
    Tracer tracer;

    @Setup(Level.Trial)
    public void start(NginxSinkBenchmark params) throws Exception {
      sink = new NginxSink();
      exporter = new CountingSpanExporter(OtlpHttpSpanExporter.builder()
          .setEndpoint(sink.baseUrl() + "v1/traces")
          .build());
      provider = SdkTracerProvider.builder()
          .addSpanProcessor(BatchSpanProcessor.builder(exporter)
              .setMaxExportBatchSize(params.batchSize)
              .setMaxQueueSize(QUEUE_SIZE)
              .setScheduleDelay(Duration.ofSeconds(1))
              .build())
          .build();
      tracer = provider.get("ai.honeyhive.benchmarks");
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      provider.shutdown().join(10, TimeUnit.SECONDS);
      sink.close();
    }
  }

  /** Pre-serialized batch bodies POSTed by a plain OkHttp client. */
  @State(Scope.Benchmark)
  public static class Raw {
    NginxSink sink;
    OkHttpClient http;
    ExecutorService threads;
    Request request;

    @Setup(Level.Trial)
    public void start(NginxSinkBenchmark params) throws Exception {
      sink = new NginxSink();
      Captured batch = captureBatch(params.batchSize);
      HttpUrl url = HttpUrl.get(sink.baseUrl()).newBuilder().encodedPath(batch.url.encodedPath()).build();
      OkHttpClient.Builder builder = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(RAW_THREADS, 5, TimeUnit.MINUTES));
      builder.socketFactory(params.noDelay ? new NoDelay() : new NagleSocketFactory());
      http = builder.build();
      request = new Request.Builder()
          .url(url)
          .header("Authorization", "Bearer benchmark-key")
          .post(RequestBody.create(batch.body, MediaType.get("application/json; charset=utf-8")))
          .build();
      threads = Executors.newFixedThreadPool(RAW_THREADS);
      System.out.printf("%nraw body: %d events, %d bytes, POST %s%n", params.batchSize, batch.body.length,
          url.encodedPath());
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
      threads.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      sink.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void honeyhiveBatched(HoneyHiveBatched state) {
    DeliveryReport before = state.hh.flush(Duration.ZERO);
    Session session = state.hh.attachSession(UUID.randomUUID().toString());
    for (int i = 0; i < EVENTS; i++) {
      Workload.logTenField(session);
    }
    DeliveryReport after = state.hh.flush(Duration.ofMinutes(2));
    if (after.pending() != 0 || after.sent() - before.sent() != EVENTS) {
      throw new IllegalStateException("not every event was delivered: before " + before + ", after " + after);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void openTelemetrySdk(OpenTelemetrySdk state) {
    long exported = state.exporter.exported.sum();
    long failed = state.exporter.failed.sum();
    String sessionId = UUID.randomUUID().toString();
    for (int i = 0; i < EVENTS; i++) {
      Workload.spanTenField(state.tracer, sessionId);
    }
    // As in BatchThroughputBenchmark: forceFlush() can return a stale result, so flush until every span is counted.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (state.exporter.exported.sum() - exported < EVENTS) {
      if (state.exporter.failed.sum() != failed || System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("not every span was delivered: " + (state.exporter.exported.sum() - exported)
            + " of " + EVENTS + " exported, " + (state.exporter.failed.sum() - failed) + " failed");
      }
      state.provider.forceFlush().join(2, TimeUnit.MINUTES);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void rawLimit(Raw state, NginxSinkBenchmark params) throws Exception {
    AtomicInteger left = new AtomicInteger(EVENTS / params.batchSize);
    List<Future<?>> done = new ArrayList<>(RAW_THREADS);
    for (int t = 0; t < RAW_THREADS; t++) {
      done.add(state.threads.submit(() -> {
        while (left.getAndDecrement() > 0) {
          try (Response response = state.http.newCall(state.request).execute()) {
            response.body().bytes();
            if (response.code() != 200) {
              throw new IllegalStateException("nginx answered " + response.code());
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
  }

  private record Captured(HttpUrl url, byte[] body) {}

  /** The largest {@code events/batch} body this client sends for {@code batchSize} ten-field events. */
  static Captured captureBatch(int batchSize) {
    AtomicReference<Captured> largest = new AtomicReference<>();
    OkHttpClient capturing = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          Request request = chain.request();
          Buffer body = new Buffer();
          request.body().writeTo(body);
          byte[] bytes = body.readByteArray();
          if (request.url().encodedPath().endsWith("events/batch")) {
            largest.accumulateAndGet(new Captured(request.url(), bytes),
                (a, b) -> a == null || b.body.length > a.body.length ? b : a);
          }
          return new Response.Builder()
              .request(request)
              .protocol(Protocol.HTTP_1_1)
              .code(200)
              .message("OK")
              .body(ResponseBody.create("{\"success\":true}", MediaType.get("application/json")))
              .build();
        })
        .build();
    try (HoneyHive hh = HoneyHive.builder()
        .apiKey("benchmark-key")
        .baseUrl("http://127.0.0.1:9/")
        .okHttpClient(capturing)
        .deliveryMode(DeliveryMode.BATCHED)
        .maxBatchSize(batchSize)
        .maxBatchDelay(Duration.ofMinutes(1))
        .shutdownHook(false)
        .build()) {
      Session session = hh.attachSession(UUID.randomUUID().toString());
      for (int i = 0; i < batchSize; i++) {
        Workload.logTenField(session);
      }
      hh.flush(Duration.ofSeconds(30));
    }
    capturing.dispatcher().executorService().shutdown();
    if (largest.get() == null) {
      throw new IllegalStateException("the client sent no batch");
    }
    return largest.get();
  }

  /** Plain sockets, Nagle's algorithm left on: what OkHttp does by default. */
  static class NagleSocketFactory extends SocketFactory {
    Socket configure(Socket socket) throws IOException {
      return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
      return configure(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return configure(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return configure(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return configure(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return configure(new Socket(address, port, localAddress, localPort));
    }
  }

  /** Plain sockets with {@code TCP_NODELAY}, as this client now makes them. */
  static final class NoDelay extends NagleSocketFactory {
    @Override
    Socket configure(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
