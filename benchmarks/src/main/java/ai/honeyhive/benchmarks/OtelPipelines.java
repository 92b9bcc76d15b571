package ai.honeyhive.benchmarks;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.opentelemetry.HoneyHiveSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Collection;

/**
 * Issue 15: the OpenTelemetry pipelines {@link OtelExporterBenchmark} and {@link OtelCallerCostBenchmark} compare.
 * Every one is an {@link SdkTracerProvider} with one {@link BatchSpanProcessor}, configured alike on every side
 * (export batch {@value #BSP_BATCH}, queue {@value #BSP_QUEUE}, schedule delay 1 s, exporter timeout 30 s), whose
 * exporter, wrapped in a {@link CountingSpanExporter}, is one of:
 *
 * <ul>
 *   <li>{@code honeyhive}: {@link HoneyHiveSpanExporter#create} on a batched client pointed at the sink, batch size
 *       {@value #BSP_BATCH} (one BatchSpanProcessor export becomes one {@code events/batch} request of the same number
 *       of events, so both sides send requests of the same span count), queue {@value #BSP_QUEUE} (what the span
 *       processor may hand over at once), maximum delay 1 s, its other settings at their defaults (four concurrent
 *       exports, {@code TCP_NODELAY});
 *   <li>{@code otlpProtobuf}: OpenTelemetry's own {@link OtlpHttpSpanExporter}, protobuf, timeout 30 s, to
 *       {@code /v1/traces} of the same sink;
 *   <li>{@code otlpJson}: the same exporter sending OTLP/JSON. The 1.68 builder has no public switch for it: its
 *       internal {@code HttpExporterBuilder.exportAsJson()} is called through reflection;
 *   <li>{@code none} (caller cost only): an exporter that does nothing, the floor of the span processor alone.
 * </ul>
 */
final class OtelPipelines {
  static final int BSP_BATCH = 512;
  static final int BSP_QUEUE = 8192;

  private OtelPipelines() {}

  /** One pipeline: the provider, the counting wrapper, and the HoneyHive client when there is one. */
  static final class Pipeline implements AutoCloseable {
    final SdkTracerProvider provider;
    final CountingSpanExporter counting;
    final HoneyHive hh; // null unless honeyhive
    final HoneyHiveSpanExporter honeyhive; // null unless honeyhive

    Pipeline(SpanExporter exporter, HoneyHive hh, HoneyHiveSpanExporter honeyhive) {
      this.counting = new CountingSpanExporter(exporter);
      this.hh = hh;
      this.honeyhive = honeyhive;
      this.provider = SdkTracerProvider.builder()
          .addSpanProcessor(BatchSpanProcessor.builder(counting)
              .setMaxExportBatchSize(BSP_BATCH)
              .setMaxQueueSize(BSP_QUEUE)
              .setScheduleDelay(Duration.ofSeconds(1))
              .setExporterTimeout(Duration.ofSeconds(30))
              .build())
          .build();
    }

    @Override
    public void close() {
      provider.shutdown().join(30, java.util.concurrent.TimeUnit.SECONDS);
      if (hh != null) {
        hh.close();
      }
    }
  }

  /** The pipeline named {@code exporter} sending to {@code baseUrl} (ending with a slash). */
  static Pipeline create(String exporter, String baseUrl) {
    switch (exporter) {
      case "honeyhive": {
        HoneyHive hh = HoneyHive.builder()
            .apiKey("benchmark-key")
            .baseUrl(baseUrl)
            .source("benchmark")
            .deliveryMode(DeliveryMode.BATCHED)
            .maxBatchSize(BSP_BATCH)
            .maxQueueSize(BSP_QUEUE)
            .maxBatchDelay(Duration.ofSeconds(1))
            .shutdownHook(false)
            .build();
        HoneyHiveSpanExporter honeyhive = HoneyHiveSpanExporter.create(hh);
        return new Pipeline(honeyhive, hh, honeyhive);
      }
      case "otlpProtobuf":
        return new Pipeline(otlp(baseUrl, false), null, null);
      case "otlpJson":
        return new Pipeline(otlp(baseUrl, true), null, null);
      case "none":
        return new Pipeline(new NoopExporter(), null, null);
      default:
        throw new IllegalArgumentException("unknown exporter " + exporter);
    }
  }

  static OtlpHttpSpanExporter otlp(String baseUrl, boolean json) {
    OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
        .setEndpoint(baseUrl + "v1/traces")
        .setTimeout(Duration.ofSeconds(30));
    if (json) {
      try {
        Field delegate = OtlpHttpSpanExporterBuilder.class.getDeclaredField("delegate");
        delegate.setAccessible(true);
        Object internal = delegate.get(builder);
        internal.getClass().getMethod("exportAsJson").invoke(internal);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("this OpenTelemetry version has no internal exportAsJson()", e);
      }
    }
    return builder.build();
  }

  /** Exports nothing, succeeds at once. */
  static final class NoopExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
