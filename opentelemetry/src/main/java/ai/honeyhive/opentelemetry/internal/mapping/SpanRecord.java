package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.List;
import java.util.Map;

/**
 * A finished span as the mapping reads it, whatever it came from: an SDK {@code SpanData} (the exporter) or an OTLP
 * {@code Span} (the test server's OTLP route). Attribute values are {@link String}, {@link Boolean}, {@link Long},
 * {@link Double} or a {@link List} of those.
 *
 * @param traceId the trace id, 32 lowercase hex digits
 * @param spanId the span id, 16 lowercase hex digits
 * @param parentSpanId the parent's span id, or null for a root span
 * @param parentRemote whether the parent came from another process (propagated context)
 * @param name the span's name
 * @param kind the span kind: INTERNAL, SERVER, CLIENT, PRODUCER or CONSUMER
 * @param startEpochNanos when the span started
 * @param endEpochNanos when it ended
 * @param attributes its attributes
 * @param events its span events, in order
 * @param statusCode UNSET, OK or ERROR
 * @param statusDescription the status description, or null
 * @param scopeName the instrumentation scope's name, or null
 * @param resource the resource's attributes
 */
public record SpanRecord(String traceId, String spanId, String parentSpanId, boolean parentRemote, String name,
    String kind, long startEpochNanos, long endEpochNanos, Map<String, Object> attributes, List<SpanEventRecord> events,
    String statusCode, String statusDescription, String scopeName, Map<String, Object> resource) {

  /** Whether the span has no parent in this process: a trace's root, or the first span of a remote call. */
  public boolean isLocalRoot() {
    return parentSpanId == null || parentRemote;
  }
}
