package ai.honeyhive.opentelemetry;

import ai.honeyhive.DeliveryReport;
import ai.honeyhive.DeliveryStats;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.opentelemetry.internal.bridge.OpenTelemetryContextBridge;
import ai.honeyhive.opentelemetry.internal.export.EventWriter;
import ai.honeyhive.opentelemetry.internal.export.SpanBatch;
import ai.honeyhive.opentelemetry.internal.export.StartedSessions;
import ai.honeyhive.opentelemetry.internal.export.Warnings;
import ai.honeyhive.opentelemetry.internal.mapping.MappedEvent;
import ai.honeyhive.opentelemetry.internal.mapping.SpanMapper;
import ai.honeyhive.opentelemetry.internal.mapping.SpanRecord;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenTelemetry {@link SpanExporter} that turns finished spans into HoneyHive events and hands them to a
 * {@link HoneyHive} client, whose delivery (batching, retries, bounded queue, {@link ai.honeyhive.DeliveryListener})
 * sends them over HoneyHive's REST API. Register it with a {@code BatchSpanProcessor}:
 *
 * <pre>{@code
 * HoneyHive hh = HoneyHive.fromEnv();
 * SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
 *     .addSpanProcessor(BatchSpanProcessor.builder(HoneyHiveSpanExporter.create(hh)).build())
 *     .build();
 * }</pre>
 *
 * or name it in the SDK's autoconfiguration: {@code otel.traces.exporter=honeyhive} (see
 * {@link HoneyHiveSpanExporterProvider}).
 *
 * <h2>Ids and sessions</h2>
 * A trace is a session: the trace id read as a UUID is the session id, unless a span carries a UUID in
 * {@code honeyhive.session_id}. A span's event id is the session id's first 64 bits followed by the span id, so a
 * parent span's event id is known before the parent ends, and children nest under it. The first time a batch holds a
 * span of a session, the exporter starts that session (queued ahead of its events), named after a
 * {@code honeyhive.session_name} attribute, else the trace's root span, else the first span of this process in the
 * trace, else the earliest span of the batch. It remembers the last {@link Builder#maxRememberedSessions} session ids
 * it started; one forgotten and seen again is started again, which HoneyHive merges (a session start is idempotent on
 * its id). The session is never ended by the exporter: later batches of the trace still add to it.
 *
 * <h2>Events</h2>
 * A span becomes a {@code model}, {@code tool} or {@code chain} event (from {@code honeyhive_event_type},
 * {@code gen_ai.operation.name}, {@code openinference.span.kind}, ...; {@code tool} when nothing says otherwise) with
 * the span's times, explicit event id, source ({@code honeyhive.source}, else the client's), the seven field buckets
 * and the error (from an {@code exception} event or the span's status). A {@code model} event takes the span's name
 * and then the mapped {@code config}, so a model the span names ({@code gen_ai.request.model}, ...) is
 * {@code config.model}; a model span without any model attribute gets {@code config.model} = the span's name.
 *
 * <h2>HoneyHive's own spans</h2>
 * While an exporter is live (built and not shut down), the client's scopes and OpenTelemetry's context meet: a HoneyHive
 * span made current ({@code makeCurrent()}, a builder's {@code call}/{@code run}) is OpenTelemetry's current span too,
 * so spans of OpenTelemetry-instrumented calls made inside nest under it; an event started while such a span is
 * current nests under that span; and a session started inside an OpenTelemetry span (with no HoneyHive scope around)
 * takes the trace's session id. System property {@code honeyhive.otel.bridge=false} (or {@code HH_OTEL_BRIDGE=false})
 * turns this off.
 *
 * <h2>Failures</h2>
 * Nothing here throws into the caller. One span that cannot be mapped, or whose values the client refuses (a
 * {@code NaN} attribute, a string holding a lone UTF-16 surrogate), is skipped and counted
 * ({@link #refusedSpans()}); a warning is logged once per distinct reason (SLF4J logger
 * {@code ai.honeyhive.opentelemetry.HoneyHiveSpanExporter}); the other spans of the batch go on. Delivery failures
 * after a span was queued are the client's to report ({@link HoneyHive#stats()}, its listener).
 *
 * <p>Thread-safe. The per-span work (conversion, mapping, queueing) runs on the calling thread (the span processor's
 * export thread); a batch of 64 spans or more is split with a second thread of the exporter's own, so the export keeps
 * up with the span processor. {@link #flush()} and {@link #shutdown()} wait on a background thread of their own.
 */
public final class HoneyHiveSpanExporter implements SpanExporter {
  private static final Logger log = LoggerFactory.getLogger(HoneyHiveSpanExporter.class);

  private final HoneyHive client;
  private final boolean closesClient;
  private final Duration flushTimeout;
  private final StartedSessions started;
  private final SpanBatch batch;
  private final ThreadPoolExecutor helper;
  private final Warnings warnings = new Warnings(log);
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicBoolean shutdown = new AtomicBoolean();
  private final CompletableResultCode shutdownResult = new CompletableResultCode();
  private final ThreadPoolExecutor background;

  HoneyHiveSpanExporter(Builder builder, Function<SpanRecord, MappedEvent> mapper) {
    this.client = builder.client;
    this.closesClient = builder.closeClientOnShutdown;
    this.flushTimeout = builder.flushTimeout;
    this.started = new StartedSessions(builder.maxRememberedSessions);
    this.background = daemonPool("honeyhive-otel-flush");
    this.helper = daemonPool("honeyhive-otel-export");
    this.batch = new SpanBatch(mapper, new EventWriter(client), started, warnings, helper);
    OpenTelemetryContextBridge.exporterStarted(); // HoneyHive scopes and OTel's context meet while this is live
  }

  /**
   * Returns an exporter writing through {@code client}, with every option at its default. The caller keeps ownership
   * of the client: {@link #shutdown()} flushes it but does not close it.
   *
   * @param client the client to write through
   * @return the new exporter
   * @throws NullPointerException if {@code client} is null
   */
  public static HoneyHiveSpanExporter create(HoneyHive client) {
    return builder(client).build();
  }

  /**
   * Returns a builder for an exporter writing through {@code client}.
   *
   * @param client the client to write through
   * @return a new builder
   * @throws NullPointerException if {@code client} is null
   */
  public static Builder builder(HoneyHive client) {
    if (client == null) {
      throw new NullPointerException("client == null");
    }
    return new Builder(client);
  }

  /**
   * Maps {@code spans} to HoneyHive events and queues them, with the starts of the sessions they open, in the
   * client's delivery. Never throws.
   *
   * @param spans the finished spans
   * @return success when the client accepted every span (queued; its batched delivery then owns them); failure when
   *     a span was refused (see {@link #refusedSpans()}), a session start was refused, the client dropped a write at
   *     once (queue full, client closed; with a client shared with other code, a drop by another thread at the same
   *     moment counts too), or this exporter was shut down
   */
  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown.get()) {
      return CompletableResultCode.ofFailure();
    }
    try {
      return exportAll(spans) ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
    } catch (RuntimeException e) { // a bug, or a client that broke: never into the span processor
      warnings.warn("a batch of spans could not be exported", e);
      return CompletableResultCode.ofFailure();
    }
  }

  private boolean exportAll(Collection<SpanData> spans) {
    long droppedBefore = client.stats().dropped();
    SpanBatch.Outcome outcome = batch.export(spans);
    exported.addAndGet(outcome.logged());
    refused.addAndGet(outcome.refused());
    return outcome.refused() == 0 && outcome.sessionsStarted() && client.stats().dropped() == droppedBefore;
  }

  /** One thread at most, started when needed and gone after 10 idle seconds; daemon, so it never holds the JVM. */
  private static ThreadPoolExecutor daemonPool(String name) {
    return new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Flushes the client ({@link HoneyHive#flush}, for up to {@link Builder#flushTimeout}) on a background thread; the
   * calling thread does not wait. After {@link #shutdown()}, returns the shutdown's result.
   *
   * @return completed with success when every write made before the flush ended and none failed or was dropped while
   *     it waited; with failure otherwise (the timeout passed first, a write failed or was dropped)
   */
  @Override
  public CompletableResultCode flush() {
    if (shutdown.get()) {
      return shutdownResult;
    }
    CompletableResultCode result = new CompletableResultCode();
    inBackground(this::flushClient, result);
    return result;
  }

  /**
   * Flushes the client as {@link #flush()} does, then closes it if this exporter owns it
   * ({@link Builder#closeClientOnShutdown}); later exports fail at once. Idempotent: every call returns the first
   * call's result.
   *
   * @return completed when done: with success when the flush succeeded, with failure otherwise
   */
  @Override
  public CompletableResultCode shutdown() {
    if (!shutdown.compareAndSet(false, true)) {
      return shutdownResult;
    }
    OpenTelemetryContextBridge.exporterStopped();
    inBackground(() -> {
      boolean flushed = flushClient();
      if (closesClient) {
        client.close();
      }
      return flushed;
    }, shutdownResult);
    background.shutdown(); // the task just queued still runs
    helper.shutdown();
    return shutdownResult;
  }

  private boolean flushClient() {
    DeliveryStats before = client.stats();
    DeliveryReport report = client.flush(flushTimeout);
    boolean ok = report.isComplete() && report.failed() == before.failed() && report.dropped() == before.dropped();
    if (!ok) {
      log.debug("flush did not deliver everything: {}", report);
    }
    return ok;
  }

  private void inBackground(BooleanSupplier task, CompletableResultCode result) {
    try {
      background.execute(() -> {
        try {
          if (task.getAsBoolean()) {
            result.succeed();
          } else {
            result.fail();
          }
        } catch (RuntimeException e) {
          warnings.warn("flushing the HoneyHive client failed", e);
          result.fail();
        }
      });
    } catch (RejectedExecutionException e) { // shut down meanwhile
      result.fail();
    }
  }

  /**
   * Returns how many spans were handed to the client as events (queued in the batched mode) since this exporter was
   * built. Whether they were then sent is the client's to count ({@link HoneyHive#stats()}).
   *
   * @return the number of spans exported
   */
  public long exportedSpans() {
    return exported.get();
  }

  /**
   * Returns how many spans were skipped since this exporter was built: the mapping failed, or the client refused a
   * value of the event. Each distinct reason was logged once.
   *
   * @return the number of spans refused
   */
  public long refusedSpans() {
    return refused.get();
  }

  /**
   * Describes this exporter: the client (its base URL, never its API key), ownership and the counters.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "HoneyHiveSpanExporter{client=" + client + ", closesClient=" + closesClient + ", exportedSpans="
        + exported.get() + ", refusedSpans=" + refused.get() + ", rememberedSessions=" + started.size()
        + ", shutdown=" + shutdown.get() + "}";
  }

  /**
   * Configures a {@link HoneyHiveSpanExporter}. Not thread-safe; the built exporter's options never change.
   */
  public static final class Builder {
    private final HoneyHive client;
    private boolean closeClientOnShutdown;
    private int maxRememberedSessions = 10_000;
    private Duration flushTimeout = Duration.ofSeconds(10);

    Builder(HoneyHive client) {
      this.client = client;
    }

    /**
     * Whether {@link HoneyHiveSpanExporter#shutdown()} closes the client after flushing it. Default value is false
     * (the caller owns the client); the exporter {@link HoneyHiveSpanExporterProvider} builds owns its client.
     *
     * @param close true for the exporter to close the client
     * @return this builder
     */
    public Builder closeClientOnShutdown(boolean close) {
      this.closeClientOnShutdown = close;
      return this;
    }

    /**
     * How many started session ids the exporter remembers, the least recently seen forgotten first. Default value is
     * 10000. A forgotten session seen again is started again, which HoneyHive merges.
     *
     * @param maxRememberedSessions the number of ids; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRememberedSessions} is below 1
     */
    public Builder maxRememberedSessions(int maxRememberedSessions) {
      if (maxRememberedSessions < 1) {
        throw new IllegalArgumentException("maxRememberedSessions must be at least 1, but was "
            + maxRememberedSessions);
      }
      this.maxRememberedSessions = maxRememberedSessions;
      return this;
    }

    /**
     * How long {@link HoneyHiveSpanExporter#flush()} and {@link HoneyHiveSpanExporter#shutdown()} wait for the
     * client's delivery at most. Default value is 10 seconds.
     *
     * @param flushTimeout the longest wait; zero only reports
     * @return this builder
     * @throws NullPointerException if {@code flushTimeout} is null
     * @throws IllegalArgumentException if {@code flushTimeout} is negative
     */
    public Builder flushTimeout(Duration flushTimeout) {
      if (flushTimeout == null) {
        throw new NullPointerException("flushTimeout == null");
      }
      if (flushTimeout.isNegative()) {
        throw new IllegalArgumentException("flushTimeout must not be negative, but was " + flushTimeout);
      }
      this.flushTimeout = flushTimeout;
      return this;
    }

    /**
     * Builds the exporter.
     *
     * @return the new exporter
     */
    public HoneyHiveSpanExporter build() {
      return new HoneyHiveSpanExporter(this, SpanMapper::map);
    }

    /**
     * Builds the exporter with another mapping: for tests.
     */
    HoneyHiveSpanExporter build(Function<SpanRecord, MappedEvent> mapper) {
      return new HoneyHiveSpanExporter(this, mapper);
    }

    @Override
    public String toString() {
      return "HoneyHiveSpanExporter.Builder{client=" + client + ", closeClientOnShutdown=" + closeClientOnShutdown
          + ", maxRememberedSessions=" + maxRememberedSessions + ", flushTimeout=" + flushTimeout + "}";
    }
  }
}
