package ai.honeyhive.opentelemetry.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanDataRecordsTest {
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  static final String SPAN = "b7ad6b7169203331";
  static final String PARENT = "00f067aa0ba902b7";

  static TestSpanData.Builder span() {
    return TestSpanData.builder()
        .setSpanContext(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()))
        .setName("chat gpt-4o")
        .setKind(SpanKind.CLIENT)
        .setStartEpochNanos(1_000_000_000L)
        .setEndEpochNanos(3_000_000_000L)
        .setHasEnded(true)
        .setStatus(StatusData.unset())
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setTotalAttributeCount(0);
  }

  @Test
  void copiesIdsNameKindTimesScopeAndResource() {
    SpanRecord record = SpanDataRecords.of(span()
        .setInstrumentationScopeInfo(InstrumentationScopeInfo.create("io.opentelemetry.openai-java-1.1"))
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout")))
        .build());

    assertThat(record.traceId()).isEqualTo(TRACE);
    assertThat(record.spanId()).isEqualTo(SPAN);
    assertThat(record.parentSpanId()).isNull();
    assertThat(record.parentRemote()).isFalse();
    assertThat(record.isLocalRoot()).isTrue();
    assertThat(record.name()).isEqualTo("chat gpt-4o");
    assertThat(record.kind()).isEqualTo("CLIENT");
    assertThat(record.startEpochNanos()).isEqualTo(1_000_000_000L);
    assertThat(record.endEpochNanos()).isEqualTo(3_000_000_000L);
    assertThat(record.scopeName()).isEqualTo("io.opentelemetry.openai-java-1.1");
    assertThat(record.resource()).containsEntry("service.name", "checkout");
  }

  @Test
  void keepsEveryAttributeTypeArraysAsLists() {
    Attributes attributes = Attributes.builder()
        .put("s", "text")
        .put("b", true)
        .put("l", 42L)
        .put("d", 0.5)
        .put(AttributeKey.stringArrayKey("sa"), List.of("a", "b"))
        .put(AttributeKey.booleanArrayKey("ba"), List.of(true, false))
        .put(AttributeKey.longArrayKey("la"), List.of(1L, 2L))
        .put(AttributeKey.doubleArrayKey("da"), List.of(1.5, 2.5))
        .build();

    SpanRecord record = SpanDataRecords.of(span().setAttributes(attributes).build());

    assertThat(record.attributes()).containsOnly(
        java.util.Map.entry("s", "text"), java.util.Map.entry("b", true), java.util.Map.entry("l", 42L),
        java.util.Map.entry("d", 0.5), java.util.Map.entry("sa", List.of("a", "b")),
        java.util.Map.entry("ba", List.of(true, false)), java.util.Map.entry("la", List.of(1L, 2L)),
        java.util.Map.entry("da", List.of(1.5, 2.5)));
  }

  @Test
  void readsTheParentAndWhetherItIsRemote() {
    SpanContext local = SpanContext.create(TRACE, PARENT, TraceFlags.getSampled(), TraceState.getDefault());
    SpanContext remote = SpanContext.createFromRemoteParent(TRACE, PARENT, TraceFlags.getSampled(),
        TraceState.getDefault());

    SpanRecord child = SpanDataRecords.of(span().setParentSpanContext(local).build());
    SpanRecord fromElsewhere = SpanDataRecords.of(span().setParentSpanContext(remote).build());

    assertThat(child.parentSpanId()).isEqualTo(PARENT);
    assertThat(child.parentRemote()).isFalse();
    assertThat(child.isLocalRoot()).isFalse();
    assertThat(fromElsewhere.parentSpanId()).isEqualTo(PARENT);
    assertThat(fromElsewhere.parentRemote()).isTrue();
    assertThat(fromElsewhere.isLocalRoot()).isTrue();
  }

  @Test
  void copiesEventsInOrderWithTheirAttributes() {
    SpanRecord record = SpanDataRecords.of(span()
        .setEvents(List.of(
            EventData.create(2_000_000_000L, "gen_ai.choice", Attributes.of(AttributeKey.longKey("index"), 0L)),
            EventData.create(2_500_000_000L, "exception", Attributes.of(
                AttributeKey.stringKey("exception.type"), "java.io.IOException",
                AttributeKey.stringKey("exception.message"), "reset"))))
        .setTotalRecordedEvents(2)
        .build());

    assertThat(record.events()).extracting(SpanEventRecord::name).containsExactly("gen_ai.choice", "exception");
    assertThat(record.events().get(0).epochNanos()).isEqualTo(2_000_000_000L);
    assertThat(record.events().get(0).attributes()).containsEntry("index", 0L);
    assertThat(record.events().get(1).attributes()).containsEntry("exception.message", "reset");
  }

  @Test
  void copiesTheStatusAndLeavesAnEmptyDescriptionOut() {
    SpanRecord failed = SpanDataRecords.of(span().setStatus(StatusData.create(StatusCode.ERROR, "boom")).build());
    SpanRecord ok = SpanDataRecords.of(span().setStatus(StatusData.ok()).build());

    assertThat(failed.statusCode()).isEqualTo("ERROR");
    assertThat(failed.statusDescription()).isEqualTo("boom");
    assertThat(ok.statusCode()).isEqualTo("OK");
    assertThat(ok.statusDescription()).isNull();
  }

  @Test
  void aConvertedSpanMapsToTheEventOfItsIds() {
    MappedEvent event = SpanMapper.map(SpanDataRecords.of(span().build()));

    assertThat(event.sessionId()).isEqualTo(OtelIds.sessionOfTrace(TRACE));
    assertThat(event.eventId()).isEqualTo(OtelIds.eventOfSpan(OtelIds.sessionOfTrace(TRACE), SPAN));
  }
}
