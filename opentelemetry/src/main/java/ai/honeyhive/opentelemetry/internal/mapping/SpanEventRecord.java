package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.Map;

/**
 * An event recorded on a span, such as {@code exception} or {@code gen_ai.choice}.
 *
 * @param name the event's name
 * @param epochNanos when it happened
 * @param attributes its attributes, valued as in {@link SpanRecord}
 */
public record SpanEventRecord(String name, long epochNanos, Map<String, Object> attributes) {}
