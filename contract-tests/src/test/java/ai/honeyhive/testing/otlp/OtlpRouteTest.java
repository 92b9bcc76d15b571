package ai.honeyhive.testing.otlp;

import static ai.honeyhive.testing.otlp.Spans.CHILD_SPAN_ID;
import static ai.honeyhive.testing.otlp.Spans.ROOT_SPAN_ID;
import static ai.honeyhive.testing.otlp.Spans.T0;
import static ai.honeyhive.testing.otlp.Spans.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /opentelemetry/v1/traces} stores spans as events, with the ids and nesting the exporter's mapping gives. */
class OtlpRouteTest {
  static final String SESSION = OtelIds.sessionOfTrace(TRACE_ID).toString();
  static final String ROOT_EVENT = OtelIds.eventOfSpan(UUID.fromString(SESSION), ROOT_SPAN_ID).toString();
  static final String CHILD_EVENT = OtelIds.eventOfSpan(UUID.fromString(SESSION), CHILD_SPAN_ID).toString();

  /** The two spans of {@link Spans} in OTLP/JSON as OpenTelemetry's exporters write it: hex ids, int64 as strings. */
  static final String JSON_BODY = """
      {"resourceSpans":[{
        "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"support-bot"}}]},
        "scopeSpans":[{
          "scope":{"name":"support-bot","version":"1.0"},
          "spans":[
            {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","name":"answer","kind":1,
             "startTimeUnixNano":"1767225600000000000","endTimeUnixNano":"1767225600030000000",
             "attributes":[{"key":"honeyhive_event_type","value":{"stringValue":"chain"}}],
             "status":{},"someFieldFromTheFuture":{"x":1}},
            {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"b7ad6b7169203331",
             "parentSpanId":"00f067aa0ba902b7","name":"chat gpt-4o","kind":"SPAN_KIND_CLIENT",
             "startTimeUnixNano":1767225600010000000,"endTimeUnixNano":"1767225600025000000",
             "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                           {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
                           {"key":"gen_ai.usage.input_tokens","value":{"intValue":"35"}}],
             "links":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b9c7c989f97918e1"}],
             "status":{"code":2,"message":"rate limited"}}
          ]}]}]}
      """;

  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void aProtobufExportIsStoredAsOneSessionWithNestedEvents() {
    OtlpPost.Answer answer = OtlpPost.protobuf(server, Spans.request(Spans.root(), Spans.child()).toByteArray());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/x-protobuf");
    assertThat(answer.body()).isEmpty();
    assertTraceStored();
  }

  @Test
  void anOtlpJsonExportWithHexIdsIsStoredTheSameWay() {
    OtlpPost.Answer answer = OtlpPost.json(server, JSON_BODY);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(answer.body()).isEqualTo("{}");
    assertTraceStored();
    StoredEvent child = server.event(CHILD_EVENT).orElseThrow();
    assertThat(child.metadata()).containsEntry("input_tokens", 35L).containsEntry("otel_span_kind", "CLIENT");
    assertThat(child.error()).isEqualTo("rate limited");
  }

  @Test
  void aGzippedExportIsStoredInEitherEncoding() {
    byte[] protobuf = Spans.request(Spans.root()).toByteArray();
    OtlpPost.Answer first = OtlpPost.send(server, "POST", OtlpPost.gzip(protobuf), OtlpPost.PROTOBUF, "gzip",
        "Bearer key");
    OtlpPost.Answer second = OtlpPost.send(server, "POST", OtlpPost.gzip(JSON_BODY.getBytes(StandardCharsets.UTF_8)),
        OtlpPost.JSON, "gzip", "Bearer key");

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(server.event(ROOT_EVENT)).isPresent();
    assertThat(server.event(CHILD_EVENT)).isPresent();
  }

  @Test
  void theSessionIsStartedOnceAndAResentSpanIsADuplicateDelivery() {
    OtlpPost.protobuf(server, Spans.request(Spans.root(), Spans.child()).toByteArray());
    OtlpPost.protobuf(server, Spans.request(Spans.child().setName("renamed on resend")).toByteArray());

    assertThat(server.deliveryCount(SESSION)).isEqualTo(1);
    assertThat(server.eventsInSession(SESSION)).hasSize(3);
    assertThat(server.duplicateDeliveries()).containsExactly(java.util.Map.entry(CHILD_EVENT, 2));
    assertThat(server.event(CHILD_EVENT).orElseThrow().eventName()).isEqualTo("chat gpt-4o");
  }

  @Test
  void aSessionWithoutItsRootInTheBatchIsNamedAfterTheSpanWithARemoteParent() {
    // flags 0x300: HAS_IS_REMOTE and IS_REMOTE, the first span of this process in a distributed trace.
    OtlpPost.protobuf(server, Spans.request(
        Spans.child().setName("db query").setStartTimeUnixNano(T0),
        Spans.root().setName("handle request").setParentSpanId(Spans.id("1111111111111111")).setFlags(0x300)
            .setStartTimeUnixNano(T0 + 1)).toByteArray());

    assertThat(server.event(SESSION).orElseThrow().eventName()).isEqualTo("handle request");
  }

  @Test
  void withoutTheIsRemoteBitTheParentIsLocalAndTheEarliestSpanNamesTheSession() {
    OtlpPost.protobuf(server, Spans.request(
        Spans.child().setName("db query").setStartTimeUnixNano(T0),
        Spans.root().setName("handle request").setParentSpanId(Spans.id("1111111111111111")).setFlags(0x100)
            .setStartTimeUnixNano(T0 + 1)).toByteArray());

    assertThat(server.event(SESSION).orElseThrow().eventName()).isEqualTo("db query");
  }

  @Test
  void theExchangeIsRecordedUnderItsOperationIdWithoutSpecFindings() {
    OtlpPost.protobuf(server, Spans.request(Spans.root()).toByteArray());

    RecordedExchange exchange = server.exchanges().get(0);
    assertThat(exchange.operationId()).isEqualTo("otlpExportTraces");
    assertThat(exchange.succeeded()).isTrue();
    assertThat(server.validationErrors()).isEmpty();
    assertThat(server.exercisedOperationIds()).containsExactly("otlpExportTraces");
  }

  private void assertTraceStored() {
    assertThat(server.sessionIds()).containsExactly(SESSION);
    StoredEvent session = server.event(SESSION).orElseThrow();
    assertThat(session.isSession()).isTrue();
    assertThat(session.eventName()).isEqualTo("answer");
    assertThat(session.startTime()).isEqualTo(T0 / 1_000_000);
    assertThat(server.deliveryCount(SESSION)).isEqualTo(1);

    StoredEvent root = server.event(ROOT_EVENT).orElseThrow();
    assertThat(root.parentId()).isEqualTo(SESSION);
    assertThat(root.source()).isEqualTo("unknown");
    assertThat(root.startTime()).isEqualTo(T0 / 1_000_000);
    assertThat(root.endTime()).isEqualTo(T0 / 1_000_000 + 30);
    assertThat(root.durationMillis()).isEqualTo(30.0);
    assertThat(root.metadata()).containsEntry("trace_id", TRACE_ID).containsEntry("span_id", ROOT_SPAN_ID)
        .containsEntry("service_name", "support-bot").containsEntry("instrumentation_scope", "support-bot");

    StoredEvent child = server.event(CHILD_EVENT).orElseThrow();
    assertThat(child.parentId()).isEqualTo(ROOT_EVENT);
    assertThat(child.config()).containsEntry("model", "gpt-4o");

    assertThat(server.sessionTree(SESSION).outline()).isEqualTo("""
        session "answer"
        └── chain "answer"
            └── model "chat gpt-4o"
        """);
    assertThat(server.validationErrors()).isEmpty();
  }
}
