package ai.honeyhive.opentelemetry.internal.bridge;

import ai.honeyhive.internal.bridge.ContextBridge;
import ai.honeyhive.internal.bridge.ForeignSpan;
import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HoneyHive's scopes in OpenTelemetry's {@link Context}, both ways, found by the client with
 * {@link java.util.ServiceLoader}. It acts only while a {@code HoneyHiveSpanExporter} is live in the JVM (the spans
 * OpenTelemetry records then reach HoneyHive by the same id rule, {@link OtelIds}); otherwise every hook does nothing,
 * so an application that uses only the OTLP helper, or exports its spans elsewhere, is left alone. The system property
 * {@code honeyhive.otel.bridge=false} (or {@code HH_OTEL_BRIDGE=false}) turns it off;
 * {@code honeyhive.otel.session-from-trace=false} ({@code HH_OTEL_SESSION_FROM_TRACE=false}) keeps sessions started
 * inside an OpenTelemetry span on fresh ids.
 *
 * <ul>
 *   <li>{@link #current()}: OpenTelemetry's current span, unless it is one this bridge put there, with the HoneyHive
 *       scope that was attached when it started;
 *   <li>{@link #attach}: a non-recording span whose trace id is the session id and whose span id is the scope's event
 *       id's last 64 bits, made current with the scope, so OpenTelemetry's spans started inside name it as their
 *       parent (and W3C propagation writes the same {@code traceparent} as the client).
 * </ul>
 */
public final class OpenTelemetryContextBridge implements ContextBridge {
  private static final AtomicInteger LIVE_EXPORTERS = new AtomicInteger();
  private static final ClientSessions CLIENT_SESSIONS = new ClientSessions();
  private static final ContextKey<Attached> SCOPE = ContextKey.named("honeyhive-scope");
  private static final boolean ENABLED = setting("honeyhive.otel.bridge", "HH_OTEL_BRIDGE");
  private static final boolean SESSIONS_JOIN_TRACE =
      setting("honeyhive.otel.session-from-trace", "HH_OTEL_SESSION_FROM_TRACE");

  /** The ServiceLoader's constructor. */
  public OpenTelemetryContextBridge() {}

  /** Counts a live HoneyHive span exporter: the bridge acts while at least one is. */
  public static void exporterStarted() {
    LIVE_EXPORTERS.incrementAndGet();
  }

  /** Uncounts an exporter that shut down. */
  public static void exporterStopped() {
    LIVE_EXPORTERS.decrementAndGet();
  }

  private static boolean active() {
    return ENABLED && LIVE_EXPORTERS.get() > 0;
  }

  @Override
  public ForeignSpan current() {
    if (!active()) {
      return null;
    }
    Context context = Context.current();
    Span span = Span.fromContext(context);
    SpanContext spanContext = span.getSpanContext();
    if (!spanContext.isValid()) {
      return null;
    }
    Attached attached = context.get(SCOPE);
    if (attached != null && attached.span() == span) {
      return null; // ours: the HoneyHive scope itself
    }
    return new ForeignSpan(OtelIds.sessionOfTrace(spanContext.getTraceId()),
        Long.parseUnsignedLong(spanContext.getSpanId(), 16), attached == null ? null : attached.scope(),
        SESSIONS_JOIN_TRACE);
  }

  @Override
  public Detach attach(UUID sessionId, UUID eventId, Object scope) {
    if (!active()) {
      return Detach.NOTHING;
    }
    Span span = Span.wrap(SpanContext.create(OtelIds.traceOfSession(sessionId), OtelIds.spanOfEvent(eventId),
        TraceFlags.getSampled(), TraceState.getDefault()));
    Scope otelScope = Context.current().with(span).with(SCOPE, new Attached(span, scope)).makeCurrent();
    return otelScope::close;
  }

  @Override
  public void sessionStarted(UUID sessionId) {
    CLIENT_SESSIONS.add(sessionId);
  }

  /**
   * Whether the client started {@code sessionId} itself, joining a trace (and it was among the last
   * {@link ClientSessions#CAPACITY} such sessions): the exporter does not start it again.
   */
  public static boolean startedByClient(UUID sessionId) {
    return CLIENT_SESSIONS.contains(sessionId);
  }

  /** A HoneyHive scope and the span that stands for it in OpenTelemetry's context. */
  private record Attached(Span span, Object scope) {}

  private static boolean setting(String property, String variable) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(variable);
    }
    return value == null || !value.strip().equalsIgnoreCase("false");
  }
}
