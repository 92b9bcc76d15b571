package ai.honeyhive.testing;

import ai.honeyhive.opentelemetry.internal.mapping.SpanEventRecord;
import ai.honeyhive.opentelemetry.internal.mapping.SpanRecord;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the spans of an OTLP export and turns each, with its resource and instrumentation scope, into the
 * {@link SpanRecord} the OpenTelemetry module's mapping reads: the same record the exporter builds from an SDK span.
 *
 * <p>A span is refused when its trace id is not 16 bytes or is all zero, its span id is not 8 bytes or is all zero,
 * its parent span id is neither empty nor 8 non-zero bytes, or it ends before it starts. Every problem of the request
 * is named, with its place in the request ({@code resourceSpans[0].scopeSpans[0].spans[2].traceId: must be 16 bytes,
 * was 3}), and nothing is stored.
 */
final class OtlpSpans {
  /** {@code SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK}: whether the next bit is known. */
  static final int HAS_IS_REMOTE = 0x100;
  /** {@code SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK}: whether the parent span came from another process. */
  static final int IS_REMOTE = 0x200;

  private static final String[] KINDS = {"INTERNAL", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
  private static final String[] STATUSES = {"UNSET", "OK", "ERROR"};

  private OtlpSpans() {}

  /**
   * Returns the request's spans as records, in the order sent.
   *
   * @throws OtlpRefusal 400 naming every span field that breaks OTLP's rules
   */
  static List<SpanRecord> records(ExportTraceServiceRequest request) throws OtlpRefusal {
    List<String> problems = new ArrayList<>();
    List<SpanRecord> records = new ArrayList<>();
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans resourceSpans = request.getResourceSpans(r);
      Map<String, Object> resource = resource(resourceSpans.getResource());
      for (int s = 0; s < resourceSpans.getScopeSpansCount(); s++) {
        ScopeSpans scopeSpans = resourceSpans.getScopeSpans(s);
        String scopeName = scopeSpans.getScope().getName();
        for (int i = 0; i < scopeSpans.getSpansCount(); i++) {
          Span span = scopeSpans.getSpans(i);
          int before = problems.size();
          check(span, "resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "]", problems);
          if (problems.size() == before) {
            records.add(record(span, scopeName.isEmpty() ? null : scopeName, resource));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw OtlpRefusal.invalid(String.join("; ", problems));
    }
    return records;
  }

  private static void check(Span span, String where, List<String> problems) {
    checkId(span.getTraceId(), 16, where + ".traceId", problems);
    checkId(span.getSpanId(), 8, where + ".spanId", problems);
    if (!span.getParentSpanId().isEmpty()) {
      checkId(span.getParentSpanId(), 8, where + ".parentSpanId", problems);
    }
    if (Long.compareUnsigned(span.getEndTimeUnixNano(), span.getStartTimeUnixNano()) < 0) {
      problems.add(where + ".endTimeUnixNano: must not be before startTimeUnixNano, was "
          + Long.toUnsignedString(span.getEndTimeUnixNano()) + " < "
          + Long.toUnsignedString(span.getStartTimeUnixNano()));
    }
  }

  private static void checkId(ByteString id, int bytes, String where, List<String> problems) {
    if (id.size() != bytes) {
      problems.add(where + ": must be " + bytes + " bytes, was " + id.size());
    } else if (isAllZero(id)) {
      problems.add(where + ": must not be all zero");
    }
  }

  private static boolean isAllZero(ByteString id) {
    for (int i = 0; i < id.size(); i++) {
      if (id.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The record of a checked span. */
  static SpanRecord record(Span span, String scopeName, Map<String, Object> resource) {
    int flags = span.getFlags();
    boolean parentRemote = (flags & HAS_IS_REMOTE) != 0 && (flags & IS_REMOTE) != 0;
    String parentSpanId = span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId());
    String statusMessage = span.getStatus().getMessage();
    List<SpanEventRecord> events = new ArrayList<>(span.getEventsCount());
    for (Span.Event event : span.getEventsList()) {
      events.add(new SpanEventRecord(event.getName(), event.getTimeUnixNano(), attributes(event.getAttributesList())));
    }
    return new SpanRecord(hex(span.getTraceId()), hex(span.getSpanId()), parentSpanId, parentRemote, span.getName(),
        kind(span.getKindValue()), span.getStartTimeUnixNano(), span.getEndTimeUnixNano(),
        attributes(span.getAttributesList()), events, status(span.getStatus().getCodeValue()),
        statusMessage.isEmpty() ? null : statusMessage, scopeName, resource);
  }

  /** {@code SPAN_KIND_UNSPECIFIED} (and any kind this server does not know) reads as {@code INTERNAL}. */
  static String kind(int value) {
    return value >= 0 && value < KINDS.length ? KINDS[value] : "INTERNAL";
  }

  /** A status code this server does not know reads as {@code UNSET}. */
  static String status(int value) {
    return value >= 0 && value < STATUSES.length ? STATUSES[value] : "UNSET";
  }

  private static Map<String, Object> resource(Resource resource) {
    return attributes(resource.getAttributesList());
  }

  /** Attributes by key; a key sent twice keeps its last value, a key without a value is left out. */
  static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      Object value = value(keyValue.getValue());
      if (value != null) {
        attributes.put(keyValue.getKey(), value);
      }
    }
    return attributes;
  }

  /**
   * An attribute value as the mapping takes it: {@link String}, {@link Boolean}, {@link Long}, {@link Double}, a
   * {@link List} of values, a {@link Map} for a key-value list, a base64 string for bytes; null when it has none.
   */
  static Object value(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case INT_VALUE:
        return value.getIntValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      case ARRAY_VALUE:
        List<Object> list = new ArrayList<>(value.getArrayValue().getValuesCount());
        value.getArrayValue().getValuesList().forEach(element -> list.add(value(element)));
        return list;
      case KVLIST_VALUE:
        return attributes(value.getKvlistValue().getValuesList());
      case BYTES_VALUE:
        return Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
      default:
        return null;
    }
  }

  /** Lowercase hex, as {@link SpanRecord} and {@code OtelIds} spell ids. */
  static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }
}
