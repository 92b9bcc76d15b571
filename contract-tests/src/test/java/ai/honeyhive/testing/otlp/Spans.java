package ai.honeyhive.testing.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;

/** OTLP protobuf spans for the tests: one trace, a root chain and a child model call. */
final class Spans {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String ROOT_SPAN_ID = "00f067aa0ba902b7";
  static final String CHILD_SPAN_ID = "b7ad6b7169203331";
  /** 2026-01-01T00:00:00Z in nanoseconds. */
  static final long T0 = 1_767_225_600_000_000_000L;

  private Spans() {}

  static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  /** The root span "answer", a chain, 0 to 30 ms. */
  static Span.Builder root() {
    return Span.newBuilder().setTraceId(id(TRACE_ID)).setSpanId(id(ROOT_SPAN_ID)).setName("answer")
        .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
        .setStartTimeUnixNano(T0).setEndTimeUnixNano(T0 + 30_000_000L)
        .addAttributes(attribute("honeyhive_event_type", "chain"));
  }

  /** The child span "chat gpt-4o", a GenAI chat call under the root, 10 to 25 ms. */
  static Span.Builder child() {
    return Span.newBuilder().setTraceId(id(TRACE_ID)).setSpanId(id(CHILD_SPAN_ID)).setParentSpanId(id(ROOT_SPAN_ID))
        .setName("chat gpt-4o").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(T0 + 10_000_000L).setEndTimeUnixNano(T0 + 25_000_000L)
        .addAttributes(attribute("gen_ai.operation.name", "chat"))
        .addAttributes(attribute("gen_ai.request.model", "gpt-4o"));
  }

  /** One request with {@code spans} under one resource and scope, as the SDK's exporter groups them. */
  static ExportTraceServiceRequest request(Span.Builder... spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder()
        .setScope(InstrumentationScope.newBuilder().setName("support-bot").setVersion("1.0"));
    for (Span.Builder span : spans) {
      scope.addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "support-bot")))
        .addScopeSpans(scope)).build();
  }
}
