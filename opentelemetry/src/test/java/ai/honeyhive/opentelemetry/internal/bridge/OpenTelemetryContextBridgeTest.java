package ai.honeyhive.opentelemetry.internal.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.internal.bridge.ContextBridge;
import ai.honeyhive.internal.bridge.ContextBridge.Detach;
import ai.honeyhive.internal.bridge.ContextBridges;
import ai.honeyhive.internal.bridge.ForeignSpan;
import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryContextBridgeTest {
  private static final UUID SESSION = UUID.fromString("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");
  private static final UUID EVENT = new UUID(SESSION.getMostSignificantBits(), 0x9a3f5c7e1b2d4f60L);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  private final Tracer tracer = provider.get("test");
  private final ContextBridge bridge = ContextBridges.get();
  private boolean started;

  @AfterEach
  void stop() {
    if (started) {
      OpenTelemetryContextBridge.exporterStopped();
    }
    provider.close();
  }

  private void exporterLive() {
    OpenTelemetryContextBridge.exporterStarted();
    started = true;
  }

  @Test
  void theClientFindsTheBridgeOnTheClassPath() {
    assertThat(bridge).isInstanceOf(OpenTelemetryContextBridge.class);
  }

  @Test
  void withoutALiveExporterNothingIsBridged() {
    Span span = tracer.spanBuilder("outer").startSpan();
    try (Scope ignored = span.makeCurrent(); Detach detach = attachScope()) {
      assertThat(bridge.current()).isNull();
      assertThat(Span.current()).isSameAs(span); // OpenTelemetry's context left alone
    } finally {
      span.end();
    }
  }

  @Test
  void anAttachedScopeIsTheParentOfOpenTelemetrySpansStartedInside() {
    exporterLive();
    Object scope = new Object();
    try (Detach detach = bridge.attach(SESSION, EVENT, scope)) {
      assertThat(bridge.current()).isNull(); // the current span is the scope itself, not a foreign one
      Span inner = tracer.spanBuilder("GET /inventory").startSpan();
      try (Scope ignored = inner.makeCurrent()) {
        ForeignSpan foreign = bridge.current();
        assertThat(foreign.traceSession()).isEqualTo(SESSION);
        assertThat(foreign.honeyHiveScope()).isSameAs(scope);
        assertThat(foreign.eventIn(SESSION).getMostSignificantBits()).isEqualTo(SESSION.getMostSignificantBits());
      } finally {
        inner.end();
      }
    }
    SpanData data = spans.getFinishedSpanItems().get(0);
    assertThat(data.getTraceId()).isEqualTo(OtelIds.traceOfSession(SESSION));
    assertThat(data.getParentSpanId()).isEqualTo(OtelIds.spanOfEvent(EVENT));
    assertThat(OtelIds.eventOfSpan(SESSION, data.getParentSpanId())).isEqualTo(EVENT);
    assertThat(Span.current().getSpanContext().isValid()).isFalse(); // detached
  }

  @Test
  void aForeignSpanOutsideAnyScopeOffersItsTraceAsTheSession() {
    exporterLive();
    Span server = tracer.spanBuilder("POST /chat").startSpan();
    try (Scope ignored = server.makeCurrent()) {
      ForeignSpan foreign = bridge.current();
      assertThat(OtelIds.traceOfSession(foreign.traceSession())).isEqualTo(server.getSpanContext().getTraceId());
      assertThat(foreign.honeyHiveScope()).isNull();
      assertThat(foreign.sessionsJoinTrace()).isTrue();
      assertThat(Long.toHexString(foreign.spanId())).isEqualTo(server.getSpanContext().getSpanId().replaceFirst("^0+", ""));
    } finally {
      server.end();
    }
  }

  private Detach attachScope() {
    return bridge.attach(SESSION, EVENT, new Object());
  }
}
