package ai.honeyhive.opentelemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/** Finished spans for tests. */
final class Spans {
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String OTHER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String ROOT = "b7ad6b7169203331";
  static final String CHILD = "00f067aa0ba902b7";

  private Spans() {}

  static SpanData span(String trace, String spanId, String parentId, String name, Attributes attributes) {
    TestSpanData.Builder builder = TestSpanData.builder()
        .setSpanContext(SpanContext.create(trace, spanId, TraceFlags.getSampled(), TraceState.getDefault()))
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setStartEpochNanos(1_700_000_000_000_000_000L)
        .setEndEpochNanos(1_700_000_001_000_000_000L)
        .setHasEnded(true)
        .setStatus(StatusData.unset())
        .setAttributes(attributes)
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setTotalAttributeCount(attributes.size());
    if (parentId != null) {
      builder.setParentSpanContext(
          SpanContext.create(trace, parentId, TraceFlags.getSampled(), TraceState.getDefault()));
    }
    return builder.build();
  }

  static SpanData root(String name) {
    return span(TRACE, ROOT, null, name, Attributes.empty());
  }

  static SpanData child(String name, Attributes attributes) {
    return span(TRACE, CHILD, ROOT, name, attributes);
  }
}
