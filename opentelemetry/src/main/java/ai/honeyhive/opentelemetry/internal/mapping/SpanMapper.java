package ai.honeyhive.opentelemetry.internal.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps one finished span to the HoneyHive event it becomes: the one mapping shared by the exporter and the test
 * server's OTLP route, so both store the same event for the same span. Pure and thread-safe; never throws on odd
 * attribute values (a value of the wrong type is kept under {@code metadata} instead of being used).
 */
public final class SpanMapper {
  private SpanMapper() {}

  /**
   * Returns the event {@code span} becomes.
   *
   * @throws IllegalArgumentException if the trace or span id is not hex of the right length
   */
  public static MappedEvent map(SpanRecord span) {
    checkHex("traceId", span.traceId(), 32);
    checkHex("spanId", span.spanId(), 16);
    if (span.parentSpanId() != null) {
      checkHex("parentSpanId", span.parentSpanId(), 16);
    }
    Map<String, Object> rest = new HashMap<>(span.attributes()); // taken apart by removal: no order to keep
    mergeDetailsEvent(span, rest);

    UUID explicitSession = firstUuid(rest, "honeyhive.session_id", "traceloop.association.properties.session_id");
    if (explicitSession == null) {
      explicitSession = firstUuid(rest, "session.id", "session.id");
    }
    UUID sessionId = explicitSession != null ? explicitSession : OtelIds.sessionOfTrace(span.traceId());
    Object autoCreateValue = rest.remove("honeyhive.session_auto_create");
    boolean autoCreate = Boolean.TRUE.equals(autoCreateValue) || "true".equals(autoCreateValue);
    String sessionName = text(first(rest, "honeyhive.session_name", "traceloop.association.properties.session_name"));
    UUID explicitParent = firstUuid(rest, "honeyhive.parent_id", "traceloop.association.properties.parent_id");
    String source = text(first(rest, "honeyhive.source", "traceloop.association.properties.source"));
    first(rest, "honeyhive.project", "traceloop.association.properties.project"); // the server ignores the project

    UUID eventId = OtelIds.eventOfSpan(sessionId, span.spanId());
    UUID parentId;
    if (span.parentSpanId() != null && !span.parentRemote()) {
      parentId = OtelIds.eventOfSpan(sessionId, span.parentSpanId());
    } else if (explicitParent != null) {
      parentId = explicitParent;
    } else if (span.parentSpanId() != null) {
      parentId = OtelIds.eventOfSpan(sessionId, span.parentSpanId());
    } else {
      parentId = null;
    }
    if (sessionId.equals(parentId)) {
      parentId = null; // the parent is the session itself: a top-level event
    }

    String eventType = EventTypes.of(rest);
    rest.remove("honeyhive_event_type");
    String eventName = text(rest.remove("honeyhive_event_name"));
    rest.remove("honeyhive_event_id"); // ids come from span ids, so that children find their parent
    Buckets buckets = new Buckets();
    boolean nested = honeyHiveFields(rest, buckets);
    String error = text(rest.remove("honeyhive_error"));
    GenAiConventions.apply(rest, buckets);
    if (nested) {
      buckets.listifyAll();
    }

    error = error != null ? error : errorOf(span);
    Map<String, Object> metadata = buckets.metadata;
    rest.forEach((key, value) -> Buckets.putIfAbsent(metadata, key, value));
    otherEvents(span, metadata);
    metadata.put("trace_id", span.traceId());
    metadata.put("span_id", span.spanId());
    if (span.parentSpanId() != null) {
      metadata.put("parent_span_id", span.parentSpanId());
    }
    metadata.put("otel_span_kind", span.kind());
    if (span.scopeName() != null && !span.scopeName().isEmpty()) {
      metadata.put("instrumentation_scope", span.scopeName());
    }
    Object service = span.resource().get("service.name");
    if (service != null) {
      metadata.putIfAbsent("service_name", service);
    }
    long end = Math.max(span.startEpochNanos(), span.endEpochNanos());
    return new MappedEvent(sessionId, explicitSession == null, autoCreate, sessionName, span.isLocalRoot(),
        span.parentSpanId() == null, eventId, parentId, eventType,
        eventName != null && !eventName.isBlank() ? eventName : nameOr(span.name()), source,
        instant(span.startEpochNanos()), instant(end), buckets.inputs, buckets.outputs, buckets.config,
        metadata, buckets.metrics, buckets.feedback, buckets.userProperties, error);
  }

  /**
   * {@code honeyhive_inputs.a.b = v} and its six siblings, as HoneyHive's Python SDK writes them; returns whether a
   * dotted path was put (numbered segments then become arrays).
   */
  private static boolean honeyHiveFields(Map<String, Object> rest, Buckets buckets) {
    boolean nested = false;
    for (Iterator<Map.Entry<String, Object>> it = rest.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Object> entry = it.next();
      String key = entry.getKey();
      if (!key.startsWith("honeyhive_")) {
        continue;
      }
      int dot = key.indexOf('.');
      Map<String, Object> bucket = buckets.named(dot < 0 ? key.substring(10) : key.substring(10, dot));
      if (bucket == null) {
        continue;
      }
      Object value = JsonText.parseStructured(entry.getValue());
      if (dot < 0) {
        if (value instanceof Map<?, ?> map) { // the whole bucket as one JSON attribute
          map.forEach((k, v) -> bucket.put(String.valueOf(k), v));
        } else {
          continue; // not a map: left under metadata
        }
      } else if (dot < key.length() - 1) {
        Buckets.putPath(bucket, key.substring(dot + 1), value);
        nested = true;
      } else {
        continue;
      }
      it.remove();
    }
    return nested;
  }

  /** The error text: the first exception event's type and message, else the status description, else the status. */
  private static String errorOf(SpanRecord span) {
    if (!"ERROR".equals(span.statusCode())) {
      return null;
    }
    for (SpanEventRecord event : span.events()) {
      if ("exception".equals(event.name())) {
        String type = text(event.attributes().get("exception.type"));
        String message = text(event.attributes().get("exception.message"));
        if (type != null || message != null) {
          return type == null ? message : message == null ? type : type + ": " + message;
        }
      }
    }
    String description = span.statusDescription();
    return description != null && !description.isEmpty() ? description : "ERROR";
  }

  /**
   * The newest GenAI conventions put a call's content on an event, {@code gen_ai.client.inference.operation.details};
   * its attributes count as the span's where the span has none of the same name.
   */
  private static void mergeDetailsEvent(SpanRecord span, Map<String, Object> rest) {
    for (SpanEventRecord event : span.events()) {
      if ("gen_ai.client.inference.operation.details".equals(event.name())) {
        event.attributes().forEach(rest::putIfAbsent);
      }
    }
  }

  /**
   * Span events other than the details event (exceptions, the older GenAI content events, anything else) are kept
   * under {@code metadata.span_events}: name, time in epoch milliseconds, attributes.
   */
  private static void otherEvents(SpanRecord span, Map<String, Object> metadata) {
    List<Object> kept = new ArrayList<>();
    for (SpanEventRecord event : span.events()) {
      if (!"gen_ai.client.inference.operation.details".equals(event.name())) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", event.name());
        item.put("time", event.epochNanos() / 1_000_000.0);
        if (!event.attributes().isEmpty()) {
          item.put("attributes", new LinkedHashMap<>(event.attributes()));
        }
        kept.add(item);
      }
    }
    if (!kept.isEmpty()) {
      metadata.putIfAbsent("span_events", kept);
    }
  }

  private static Object first(Map<String, Object> rest, String name, String alias) {
    Object value = rest.remove(name);
    Object aliased = rest.remove(alias);
    return value != null ? value : aliased;
  }

  /** Removes both names and returns the first UUID among them; a value that is no UUID stays under metadata. */
  private static UUID firstUuid(Map<String, Object> rest, String name, String alias) {
    for (String key : new String[] {name, alias}) {
      UUID id = OtelIds.uuidOrNull(rest.get(key));
      if (id != null) {
        rest.remove(name);
        rest.remove(alias);
        return id;
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String nameOr(String name) {
    return name == null || name.isBlank() ? "span" : name;
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos);
  }

  private static void checkHex(String field, String value, int length) {
    if (value == null || value.length() != length) {
      throw new IllegalArgumentException(field + " must be " + length + " hex digits, but was '" + value + "'");
    }
    for (int i = 0; i < length; i++) {
      if (Character.digit(value.charAt(i), 16) < 0) {
        throw new IllegalArgumentException(field + " must be " + length + " hex digits, but was '" + value + "'");
      }
    }
  }
}
