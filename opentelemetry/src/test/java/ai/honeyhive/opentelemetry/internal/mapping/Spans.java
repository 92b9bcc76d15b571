package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link SpanRecord}s for the mapping tests. */
final class Spans {
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String ROOT = "00f067aa0ba902b7";
  static final String CHILD = "b7ad6b7169203331";
  static final long START = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
  static final long END = START + 1_500_000_000L;

  private String traceId = TRACE;
  private String spanId = CHILD;
  private String parentSpanId = ROOT;
  private boolean parentRemote;
  private String name = "span";
  private String kind = "INTERNAL";
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final List<SpanEventRecord> events = new ArrayList<>();
  private String status = "UNSET";
  private String description;

  static Spans span(String name) {
    Spans spans = new Spans();
    spans.name = name;
    return spans;
  }

  Spans ids(String spanId, String parentSpanId) {
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    return this;
  }

  Spans trace(String traceId) {
    this.traceId = traceId;
    return this;
  }

  Spans remoteParent() {
    this.parentRemote = true;
    return this;
  }

  Spans kind(String kind) {
    this.kind = kind;
    return this;
  }

  Spans attr(String key, Object value) {
    attributes.put(key, value);
    return this;
  }

  Spans event(String name, Map<String, Object> attributes) {
    events.add(new SpanEventRecord(name, START + 1_000_000L, attributes));
    return this;
  }

  Spans status(String status, String description) {
    this.status = status;
    this.description = description;
    return this;
  }

  SpanRecord record() {
    return new SpanRecord(traceId, spanId, parentSpanId, parentRemote, name, kind, START, END, attributes, events,
        status, description, "test-scope", Map.of("service.name", "checkout"));
  }

  MappedEvent map() {
    return SpanMapper.map(record());
  }
}
