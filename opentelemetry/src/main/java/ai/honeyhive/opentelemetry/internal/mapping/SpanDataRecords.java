package ai.honeyhive.opentelemetry.internal.mapping;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the SDK's {@link SpanData} into the neutral {@link SpanRecord} the mapping reads. Runs on the span
 * processor's export thread for every span, so it does no reflection and no pattern matching: one pass over the
 * attributes, switching on their declared {@link io.opentelemetry.api.common.AttributeType}.
 *
 * <p>Values: strings, booleans, longs and doubles as themselves; arrays as the (immutable) {@link List} the SDK holds;
 * a value of a type this code does not know (the incubating {@code VALUE} type, or one added later) as its
 * {@link String#valueOf string form}, so nothing is lost and nothing throws.
 */
public final class SpanDataRecords {
  /**
   * The last resource converted and its map: a tracer provider has one resource, shared by all its spans, so this
   * converts it once rather than once per span.
   */
  private static volatile Converted lastResource = new Converted(null, Map.of());

  private SpanDataRecords() {}

  private record Converted(Resource resource, Map<String, Object> attributes) {}

  private static Map<String, Object> resource(Resource resource) {
    if (resource == null) {
      return Map.of();
    }
    Converted last = lastResource;
    if (last.resource() != resource) {
      last = new Converted(resource, Collections.unmodifiableMap(attributes(resource.getAttributes())));
      lastResource = last;
    }
    return last.attributes();
  }

  /**
   * Returns the record for {@code span}.
   *
   * @throws NullPointerException if {@code span} is null
   */
  public static SpanRecord of(SpanData span) {
    SpanContext parent = span.getParentSpanContext();
    boolean hasParent = parent != null && parent.isValid();
    StatusData status = span.getStatus();
    String description = status == null ? null : status.getDescription();
    return new SpanRecord(
        span.getTraceId(),
        span.getSpanId(),
        hasParent ? parent.getSpanId() : null,
        hasParent && parent.isRemote(),
        span.getName(),
        span.getKind() == null ? "INTERNAL" : span.getKind().name(),
        span.getStartEpochNanos(),
        span.getEndEpochNanos(),
        attributes(span.getAttributes()),
        events(span.getEvents()),
        status == null ? "UNSET" : status.getStatusCode().name(),
        description == null || description.isEmpty() ? null : description,
        span.getInstrumentationScopeInfo() == null ? null : span.getInstrumentationScopeInfo().getName(),
        resource(span.getResource()));
  }

  /** Returns {@code attributes} as a mutable map of plain Java values. */
  public static Map<String, Object> attributes(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return new HashMap<>();
    }
    Map<String, Object> values = new HashMap<>(attributes.size() * 4 / 3 + 1);
    attributes.forEach((key, value) -> {
      if (value != null) {
        values.put(key.getKey(), value(key, value));
      }
    });
    return values;
  }

  private static Object value(AttributeKey<?> key, Object value) {
    switch (key.getType()) {
      case STRING:
      case BOOLEAN:
      case LONG:
      case DOUBLE:
        return value;
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        return value instanceof List<?> list ? list : List.of(String.valueOf(value));
      default:
        return String.valueOf(value);
    }
  }

  private static List<SpanEventRecord> events(List<EventData> events) {
    if (events == null || events.isEmpty()) {
      return Collections.emptyList();
    }
    List<SpanEventRecord> records = new ArrayList<>(events.size());
    for (EventData event : events) {
      records.add(new SpanEventRecord(event.getName(), event.getEpochNanos(), attributes(event.getAttributes())));
    }
    return records;
  }
}
