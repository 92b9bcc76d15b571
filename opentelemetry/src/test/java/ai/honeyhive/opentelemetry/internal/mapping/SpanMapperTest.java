package ai.honeyhive.opentelemetry.internal.mapping;

import static ai.honeyhive.opentelemetry.internal.mapping.Spans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Golden mapping tests, one convention at a time: each span goes in with its attributes and the whole event that comes
 * out is compared, so a renamed key or a lost attribute fails. The table in the module's README lists the same rules.
 */
class SpanMapperTest {
  private static final UUID SESSION = UUID.fromString("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");

  @Test
  void genAiCurrentNamesFillModelFields() {
    MappedEvent event = span("chat gpt-4o").kind("CLIENT")
        .attr("gen_ai.operation.name", "chat")
        .attr("gen_ai.provider.name", "openai")
        .attr("gen_ai.request.model", "gpt-4o")
        .attr("gen_ai.request.temperature", 0.2)
        .attr("gen_ai.request.max_tokens", 100L)
        .attr("gen_ai.response.model", "gpt-4o-2024-08-06")
        .attr("gen_ai.response.id", "chatcmpl-1")
        .attr("gen_ai.response.finish_reasons", List.of("stop"))
        .attr("gen_ai.usage.input_tokens", 12L)
        .attr("gen_ai.usage.output_tokens", 5L)
        .attr("gen_ai.usage.cache_read.input_tokens", 4L)
        .attr("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi\"}]}]")
        .attr("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hello\"}]}]")
        .map();

    assertThat(event.eventType()).isEqualTo("model");
    assertThat(event.eventName()).isEqualTo("chat gpt-4o");
    assertThat(event.config()).containsOnly(entry("model", "gpt-4o"), entry("provider", "openai"),
        entry("temperature", 0.2), entry("max_tokens", 100L));
    assertThat(event.metadata()).containsAllEntriesOf(Map.of("response_model", "gpt-4o-2024-08-06",
        "response_id", "chatcmpl-1", "finish_reasons", List.of("stop"), "finish_reason", "stop",
        "input_tokens", 12L, "output_tokens", 5L, "total_tokens", 17L, "cache_read_input_tokens", 4L,
        "provider", "openai", "operation_name", "chat"));
    assertThat(event.inputs()).isEqualTo(Map.of("chat_history",
        List.of(Map.of("role", "user", "parts", List.of(Map.of("type", "text", "content", "Hi"))))));
    assertThat(event.outputs()).isEqualTo(Map.of("messages",
        List.of(Map.of("role", "assistant", "parts", List.of(Map.of("type", "text", "content", "Hello"))))));
    assertThat(event.metadata()).doesNotContainKeys("gen_ai.request.model", "gen_ai.usage.input_tokens",
        "gen_ai.input.messages");
  }

  @Test
  void genAiDeprecatedNamesStillMap() {
    MappedEvent event = span("openai.chat")
        .attr("gen_ai.system", "openai")
        .attr("gen_ai.request.model", "gpt-4o-mini")
        .attr("gen_ai.usage.prompt_tokens", 7L)
        .attr("gen_ai.usage.completion_tokens", 3L)
        .attr("gen_ai.prompt.0.role", "system")
        .attr("gen_ai.prompt.0.content", "Be brief.")
        .attr("gen_ai.prompt.1.role", "user")
        .attr("gen_ai.prompt.1.content", "Capital of France?")
        .attr("gen_ai.completion.0.role", "assistant")
        .attr("gen_ai.completion.0.content", "Paris")
        .attr("gen_ai.completion.0.finish_reason", "stop")
        .map();

    assertThat(event.eventType()).isEqualTo("model"); // no operation name: the model attribute decides
    assertThat(event.config()).containsOnly(entry("model", "gpt-4o-mini"), entry("provider", "openai"));
    assertThat(event.metadata()).containsAllEntriesOf(Map.of("system", "openai", "prompt_tokens", 7L,
        "completion_tokens", 3L, "total_tokens", 10L));
    assertThat(event.inputs()).isEqualTo(Map.of("chat_history", List.of(
        Map.of("role", "system", "content", "Be brief."), Map.of("role", "user", "content", "Capital of France?"))));
    assertThat(event.outputs()).isEqualTo(Map.of("role", "assistant", "content", "Paris", "finish_reason", "stop"));
  }

  @Test
  void genAiToolCall() {
    MappedEvent event = span("execute_tool get_weather")
        .attr("gen_ai.operation.name", "execute_tool")
        .attr("gen_ai.tool.name", "get_weather")
        .attr("gen_ai.tool.call.id", "call_1")
        .attr("gen_ai.tool.call.arguments", "{\"city\":\"Paris\"}")
        .attr("gen_ai.tool.call.result", "{\"celsius\":21}")
        .map();

    assertThat(event.eventType()).isEqualTo("tool");
    assertThat(event.inputs()).isEqualTo(Map.of("city", "Paris"));
    assertThat(event.outputs()).isEqualTo(Map.of("result", Map.of("celsius", 21.0)));
    assertThat(event.config()).isEqualTo(Map.of("tool_name", "get_weather"));
    assertThat(event.metadata()).containsAllEntriesOf(Map.of("tool_name", "get_weather", "tool_call_id", "call_1"));
  }

  @Test
  void openInference() {
    MappedEvent event = span("ChatCompletion")
        .attr("openinference.span.kind", "LLM")
        .attr("llm.model_name", "claude-sonnet-4")
        .attr("llm.provider", "anthropic")
        .attr("llm.invocation_parameters", "{\"temperature\": 0.5, \"max_tokens\": 256}")
        .attr("llm.token_count.prompt", 30L)
        .attr("llm.token_count.completion", 10L)
        .attr("llm.token_count.total", 40L)
        .attr("llm.input_messages.0.message.role", "user")
        .attr("llm.input_messages.0.message.content", "Hi")
        .attr("llm.output_messages.0.message.role", "assistant")
        .attr("llm.output_messages.0.message.content", "Hello")
        .attr("input.value", "{\"question\": \"Hi\"}")
        .attr("input.mime_type", "application/json")
        .attr("output.value", "Hello")
        .map();

    assertThat(event.eventType()).isEqualTo("model");
    assertThat(event.config()).containsOnly(entry("model", "claude-sonnet-4"), entry("provider", "anthropic"),
        entry("temperature", 0.5), entry("max_tokens", 256.0));
    assertThat(event.metadata()).containsAllEntriesOf(Map.of("prompt_tokens", 30L, "completion_tokens", 10L,
        "total_tokens", 40L, "model_name", "claude-sonnet-4", "span_kind", "llm"));
    assertThat(event.inputs()).isEqualTo(Map.of("chat_history", List.of(Map.of("role", "user", "content", "Hi")),
        "input", Map.of("question", "Hi")));
    assertThat(event.outputs()).isEqualTo(Map.of("role", "assistant", "content", "Hello", "output", "Hello"));
  }

  @Test
  void openInferenceKindsAndTraceloopKinds() {
    assertThat(span("a").attr("openinference.span.kind", "AGENT").map().eventType()).isEqualTo("chain");
    assertThat(span("r").attr("openinference.span.kind", "RETRIEVER").map().eventType()).isEqualTo("tool");
    assertThat(span("w").attr("traceloop.span.kind", "workflow").map().eventType()).isEqualTo("chain");
    assertThat(span("GET /").kind("SERVER").map().eventType()).isEqualTo("tool"); // HoneyHive's own default
    assertThat(span("x").attr("honeyhive_event_type", "chain").attr("gen_ai.operation.name", "chat").map().eventType())
        .isEqualTo("chain");
    assertThat(span("x").attr("gen_ai.operation.name", "invoke_agent").attr("openinference.span.kind", "LLM")
        .map().eventType()).isEqualTo("chain");
  }

  @Test
  void honeyHiveAttributesAsPythonWritesThem() {
    UUID session = UUID.fromString("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");
    MappedEvent event = span("py-span")
        .attr("honeyhive.session_id", session.toString())
        .attr("honeyhive.project", "ignored")
        .attr("honeyhive.source", "staging")
        .attr("honeyhive_event_type", "chain")
        .attr("honeyhive_event_name", "answer")
        .attr("honeyhive_inputs.question", "why?")
        .attr("honeyhive_inputs.context.doc", "d1")
        .attr("honeyhive_outputs", "{\"answer\": \"because\"}")
        .attr("honeyhive_config.prompt_version", 3L)
        .attr("honeyhive_metadata.team", "search")
        .attr("honeyhive_metrics.score", 0.9)
        .attr("honeyhive_feedback.rating", 5L)
        .attr("honeyhive_user_properties.user_id", "u-1")
        .attr("honeyhive_error", "ValueError: no")
        .map();

    assertThat(event.sessionId()).isEqualTo(session);
    assertThat(event.sessionFromTrace()).isFalse();
    assertThat(event.startsSession()).isFalse();
    assertThat(event.source()).isEqualTo("staging");
    assertThat(event.eventType()).isEqualTo("chain");
    assertThat(event.eventName()).isEqualTo("answer");
    assertThat(event.inputs()).isEqualTo(Map.of("question", "why?", "context", Map.of("doc", "d1")));
    assertThat(event.outputs()).isEqualTo(Map.of("answer", "because"));
    assertThat(event.config()).isEqualTo(Map.of("prompt_version", 3L));
    assertThat(event.metrics()).isEqualTo(Map.of("score", 0.9));
    assertThat(event.feedback()).isEqualTo(Map.of("rating", 5L));
    assertThat(event.userProperties()).isEqualTo(Map.of("user_id", "u-1"));
    assertThat(event.metadata()).containsEntry("team", "search").doesNotContainKeys("honeyhive.project",
        "honeyhive.session_id", "honeyhive_event_type");
    assertThat(event.error()).isEqualTo("ValueError: no");
    assertThat(event.eventId()).isEqualTo(new UUID(session.getMostSignificantBits(), 0xb7ad6b7169203331L));
  }

  @Test
  void traceloopAssociationAliasAndAutoCreate() {
    UUID session = UUID.fromString("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");
    MappedEvent event = span("s").attr("traceloop.association.properties.session_id", session.toString())
        .attr("honeyhive.session_auto_create", true).attr("honeyhive.session_name", "chat").map();
    assertThat(event.sessionId()).isEqualTo(session);
    assertThat(event.startsSession()).isTrue();
    assertThat(event.sessionName()).isEqualTo("chat");
    assertThat(span("s").attr("honeyhive.session_id", session.toString()).attr("honeyhive.session_auto_create", "true")
        .map().startsSession()).as("as text, the way Python and OTLP/JSON senders write it").isTrue();
    MappedEvent notUuid = span("s").attr("honeyhive.session_id", "not-a-uuid").map();
    assertThat(notUuid.sessionId()).isEqualTo(SESSION);
    assertThat(notUuid.metadata()).containsEntry("honeyhive.session_id", "not-a-uuid");
  }

  @Test
  void idsFollowOneRule() {
    MappedEvent root = span("root").ids(Spans.ROOT, null).map();
    MappedEvent child = span("child").map();
    assertThat(root.sessionId()).isEqualTo(SESSION);
    assertThat(root.eventId()).isEqualTo(UUID.fromString("4bf92f35-77b3-4da6-00f0-67aa0ba902b7"));
    assertThat(root.parentId()).isNull();
    assertThat(root.traceRoot()).isTrue();
    assertThat(child.parentId()).isEqualTo(root.eventId());
    assertThat(child.eventId()).isEqualTo(UUID.fromString("4bf92f35-77b3-4da6-b7ad-6b7169203331"));
    assertThat(span("child").map()).isEqualTo(child); // the same span twice is the same event
    assertThat(OtelIds.traceOfSession(SESSION)).isEqualTo(Spans.TRACE);
    assertThat(OtelIds.spanOfEvent(child.eventId())).isEqualTo(Spans.CHILD);
  }

  @Test
  void remoteParentPrefersThePropagatedParentId() {
    UUID pythonParent = UUID.fromString("11111111-2222-4333-8444-555555555555");
    MappedEvent withBaggage = span("handler").remoteParent().attr("honeyhive.parent_id", pythonParent.toString()).map();
    assertThat(withBaggage.parentId()).isEqualTo(pythonParent);
    assertThat(withBaggage.localRoot()).isTrue();
    assertThat(span("handler").remoteParent().map().parentId())
        .isEqualTo(OtelIds.eventOfSpan(SESSION, Spans.ROOT));
    // a local parent wins over an attribute: the attribute is copied to every span of a process
    assertThat(span("inner").attr("honeyhive.parent_id", pythonParent.toString()).map().parentId())
        .isEqualTo(OtelIds.eventOfSpan(SESSION, Spans.ROOT));
    // the session's own span id as parent: a top-level event
    String sessionSpan = OtelIds.spanOfEvent(SESSION);
    assertThat(span("top").ids(Spans.CHILD, sessionSpan).map().parentId()).isNull();
  }

  @Test
  void errorsFromStatusAndExceptionEvents() {
    MappedEvent thrown = span("call").status("ERROR", "boom")
        .event("exception", Map.of("exception.type", "java.io.IOException", "exception.message", "boom",
            "exception.stacktrace", "at x"))
        .map();
    assertThat(thrown.error()).isEqualTo("java.io.IOException: boom");
    assertThat(thrown.metadata()).containsKey("span_events");
    assertThat(span("call").status("ERROR", "deadline exceeded").map().error()).isEqualTo("deadline exceeded");
    assertThat(span("call").status("ERROR", null).map().error()).isEqualTo("ERROR");
    assertThat(span("call").status("OK", null).map().error()).isNull();
    assertThat(span("call").event("exception", Map.of("exception.type", "X")).map().error()).isNull();
  }

  @Test
  void everythingElseIsKeptUnderMetadataWithTheSpanIds() {
    MappedEvent event = span("GET /orders").kind("SERVER")
        .attr("http.request.method", "GET").attr("url.path", "/orders").attr("http.response.status_code", 200L)
        .attr("tags", List.of("a", "b"))
        .map();
    assertThat(event.metadata()).containsAllEntriesOf(Map.of("http.request.method", "GET", "url.path", "/orders",
        "http.response.status_code", 200L, "tags", List.of("a", "b"), "trace_id", Spans.TRACE, "span_id", Spans.CHILD,
        "parent_span_id", Spans.ROOT, "otel_span_kind", "SERVER", "instrumentation_scope", "test-scope",
        "service_name", "checkout"));
    assertThat(event.inputs()).isEmpty();
    assertThat(event.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(event.end()).isEqualTo(Instant.parse("2026-01-01T00:00:01.500Z"));
  }

  @Test
  void latestConventionsDetailsEventCountsAsAttributes() {
    MappedEvent event = span("chat").attr("gen_ai.operation.name", "chat")
        .event("gen_ai.client.inference.operation.details",
            Map.of("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[]}]"))
        .map();
    assertThat(event.inputs()).containsKey("chat_history");
    assertThat(event.metadata()).doesNotContainKey("span_events");
  }

  @Test
  void badIdsAreRefusedByName() {
    assertThatThrownBy(() -> span("x").trace("abc").map()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("traceId must be 32 hex digits, but was 'abc'");
    assertThatThrownBy(() -> span("x").ids("zzzzzzzzzzzzzzzz", null).map())
        .hasMessageContaining("spanId must be 16 hex digits");
  }

  @Test
  void sessionStartsOncePerSessionNamedAfterTheRoot() {
    MappedEvent child = span("child").map();
    MappedEvent root = span("GET /chat").ids(Spans.ROOT, null).map();
    List<SessionStarts.Start> starts = SessionStarts.plan(List.of(child, root), id -> false);
    assertThat(starts).containsExactly(new SessionStarts.Start(SESSION, "GET /chat", child.start(), null));
    assertThat(SessionStarts.plan(List.of(child, root), SESSION::equals)).isEmpty();
    // no root in the batch: the local root of a remote call, else the earliest span
    MappedEvent handler = span("handler").ids("1111111111111111", Spans.ROOT).remoteParent().map();
    assertThat(SessionStarts.plan(List.of(child, handler), id -> false).get(0).name()).isEqualTo("handler");
    assertThat(SessionStarts.plan(List.of(child), id -> false).get(0).name()).isEqualTo("child");
    // an explicit session is the application's: not started unless it asks to be
    MappedEvent explicit = span("x").attr("honeyhive.session_id", "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").map();
    assertThat(SessionStarts.plan(List.of(explicit), id -> false)).isEmpty();
  }
}
