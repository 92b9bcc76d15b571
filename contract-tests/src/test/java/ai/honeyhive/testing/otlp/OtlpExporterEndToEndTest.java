package ai.honeyhive.testing.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.StoredEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real OpenTelemetry SDK exporting to the test server: spans from an {@code SdkTracerProvider} with a
 * {@code SimpleSpanProcessor} arrive as events, in protobuf ({@link OtlpHttpSpanExporter}) and in OTLP/JSON.
 *
 * <p>OpenTelemetry Java 1.68's public {@code OtlpHttpSpanExporterBuilder} has no JSON option; only its internal
 * {@code HttpExporterBuilder.exportAsJson()} has. The JSON test uses that internal builder with the SDK's own span
 * marshaler, so the body is byte for byte what OpenTelemetry Java writes as OTLP/JSON.
 */
class OtlpExporterEndToEndTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void spansExportedInProtobufByOtlpHttpSpanExporterArriveAsEvents() {
    SpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(server.url(OtlpPost.PATH).toString())
        .addHeader("Authorization", "Bearer " + server.apiKey())
        .build();

    String traceId = traceTwoSpans(exporter);

    assertStored(traceId);
    assertThat(server.exchanges()).extracting(exchange -> exchange.requestHeader("Content-Type"))
        .allSatisfy(type -> assertThat(type).startsWith("application/x-protobuf"));
  }

  @Test
  void spansExportedInOtlpJsonByOpenTelemetrysJsonEncoderArriveAsEvents() {
    HttpExporter exporter = new HttpExporterBuilder(StandardComponentId.ExporterType.OTLP_HTTP_SPAN_EXPORTER,
        server.url(OtlpPost.PATH).toString())
        .addConstantHeaders("Authorization", "Bearer " + server.apiKey())
        .exportAsJson()
        .build();

    String traceId = traceTwoSpans(new JsonSpanExporter(exporter));

    assertStored(traceId);
    assertThat(server.exchanges()).allSatisfy(exchange -> {
      assertThat(exchange.requestHeader("Content-Type")).startsWith("application/json");
      assertThat(exchange.requestBody()).contains("\"traceId\":\"" + traceId + "\"");
    });
  }

  /** Runs a root span "chat-turn" with a child "chat gpt-4o" through a provider exporting to {@code exporter}. */
  private static String traceTwoSpans(SpanExporter exporter) {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.builder().put("service.name", "support-bot").build()))
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build();
    try {
      Tracer tracer = provider.get("support-bot");
      Span root = tracer.spanBuilder("chat-turn").setAttribute("honeyhive_event_type", "chain").startSpan();
      Scope scope = root.makeCurrent();
      try {
        tracer.spanBuilder("chat gpt-4o")
            .setAttribute("gen_ai.operation.name", "chat")
            .setAttribute("gen_ai.request.model", "gpt-4o")
            .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 35L)
            .startSpan().end();
      } finally {
        scope.close();
        root.end();
      }
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      return root.getSpanContext().getTraceId();
    } finally {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private void assertStored(String traceId) {
    String sessionId = OtelIds.sessionOfTrace(traceId).toString();
    assertThat(server.exchanges()).extracting(RecordedExchange::status).containsOnly(200);
    assertThat(server.validationErrors()).isEmpty();
    // A SimpleSpanProcessor exports each span as it ends, and the exporter sends asynchronously: the child's export
    // and the root's race, and the session is named after the spans of whichever arrives first (SessionStarts: "a
    // trace whose first spans are exported before its root is named after one of those spans"). Later exports find
    // the session started and do not rename it.
    assertThat(server.event(sessionId).orElseThrow().eventName()).isIn("chat-turn", "chat gpt-4o");
    assertThat(server.sessionTree(sessionId).outline()).endsWith("""
        └── chain "chat-turn"
            └── model "chat gpt-4o"
        """);
    StoredEvent model = server.eventsOfType("model").get(0);
    assertThat(UUID.fromString(model.eventId()))
        .isEqualTo(OtelIds.eventOfSpan(UUID.fromString(sessionId), model.metadata().get("span_id").toString()));
    assertThat(model.config()).containsEntry("model", "gpt-4o");
    assertThat(model.metadata()).containsEntry("input_tokens", 35L).containsEntry("service_name", "support-bot");
    assertThat(server.deliveryCount(sessionId)).isEqualTo(1);
  }

  /** A {@link SpanExporter} over OpenTelemetry's internal JSON-capable HTTP exporter, as OtlpHttpSpanExporter does. */
  private static final class JsonSpanExporter implements SpanExporter {
    private final HttpExporter delegate;

    JsonSpanExporter(HttpExporter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return delegate.export(TraceRequestMarshaler.create(spans), spans.size());
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }
}
