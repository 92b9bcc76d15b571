package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves the attributes of the OpenTelemetry GenAI conventions (current names and the deprecated ones instrumentations
 * still send) and of OpenInference and Traceloop into HoneyHive's buckets. Each method removes the attributes it
 * consumed from {@code rest}; what is left ends up in {@code metadata} under its own name. The first convention to fill
 * a key wins, in the order current GenAI, deprecated GenAI, OpenInference, Traceloop. The table is in the module's
 * README.
 */
final class GenAiConventions {
  private GenAiConventions() {}

  static void apply(Map<String, Object> rest, Buckets b) {
    AttributeGroups groups = AttributeGroups.take(rest);
    if (groups.genAi) {
      genAi(rest, b, groups);
    }
    if (groups.openInference) {
      openInference(rest, b, groups);
    }
    if (groups.traceloop) {
      traceloop(rest, b);
    }
    spanKind(rest, b);
    totalTokens(b);
  }

  private static void genAi(Map<String, Object> rest, Buckets b, AttributeGroups groups) {
    Buckets.putIfAbsent(b.config, "model", rest.remove("gen_ai.request.model"));
    Object responseModel = rest.remove("gen_ai.response.model");
    Buckets.putIfAbsent(b.metadata, "response_model", responseModel);
    Buckets.putIfAbsent(b.config, "model", responseModel);
    Object provider = rest.remove("gen_ai.provider.name");
    Buckets.putIfAbsent(b.config, "provider", provider);
    Buckets.putIfAbsent(b.metadata, "provider", provider);
    Object system = rest.remove("gen_ai.system"); // deprecated for gen_ai.provider.name
    Buckets.putIfAbsent(b.metadata, "system", system);
    Buckets.putIfAbsent(b.config, "provider", system);
    for (Map.Entry<String, Object> entry : groups.request) {
      Buckets.putIfAbsent(b.config, entry.getKey().substring("gen_ai.request.".length()).replace('.', '_'),
          entry.getValue());
    }
    usage(rest, b, "gen_ai.usage.input_tokens", "input_tokens");
    usage(rest, b, "gen_ai.usage.output_tokens", "output_tokens");
    usage(rest, b, "gen_ai.usage.prompt_tokens", "prompt_tokens");
    usage(rest, b, "gen_ai.usage.completion_tokens", "completion_tokens");
    usage(rest, b, "gen_ai.usage.total_tokens", "total_tokens");
    usage(rest, b, "gen_ai.usage.cache_read.input_tokens", "cache_read_input_tokens");
    usage(rest, b, "gen_ai.usage.cache_read_input_tokens", "cache_read_input_tokens");
    usage(rest, b, "gen_ai.usage.cache_creation.input_tokens", "cache_write_input_tokens");
    usage(rest, b, "gen_ai.usage.cache_creation_input_tokens", "cache_write_input_tokens");
    usage(rest, b, "gen_ai.usage.reasoning.output_tokens", "reasoning_tokens");
    usage(rest, b, "gen_ai.usage.reasoning_tokens", "reasoning_tokens");
    Object reasons = rest.remove("gen_ai.response.finish_reasons");
    Buckets.putIfAbsent(b.metadata, "finish_reasons", reasons);
    Buckets.putIfAbsent(b.metadata, "finish_reason", reasons instanceof List<?> list && !list.isEmpty()
        ? list.get(0) : reasons);
    Buckets.putIfAbsent(b.metadata, "operation_name", rest.remove("gen_ai.operation.name"));
    Buckets.putIfAbsent(b.metadata, "response_id", rest.remove("gen_ai.response.id"));
    Buckets.putIfAbsent(b.metadata, "conversation_id", rest.remove("gen_ai.conversation.id"));
    Buckets.putIfAbsent(b.metadata, "agent_name", rest.remove("gen_ai.agent.name"));
    Buckets.putIfAbsent(b.inputs, "chat_history", JsonText.parseStructured(rest.remove("gen_ai.input.messages")));
    Buckets.putIfAbsent(b.inputs, "system_instructions",
        JsonText.parseStructured(rest.remove("gen_ai.system_instructions")));
    Buckets.putIfAbsent(b.outputs, "messages", JsonText.parseStructured(rest.remove("gen_ai.output.messages")));
    Buckets.putIfAbsent(b.inputs, "chat_history", groups.prompt.list());
    choices(b, groups.completion.list());
    Buckets.putIfAbsent(b.inputs, "chat_history", JsonText.parseStructured(rest.remove("gen_ai.prompt")));
    Buckets.putIfAbsent(b.outputs, "choices", JsonText.parseStructured(rest.remove("gen_ai.completion")));
    Object toolName = rest.remove("gen_ai.tool.name");
    Buckets.putIfAbsent(b.metadata, "tool_name", toolName);
    Buckets.putIfAbsent(b.config, "tool_name", toolName);
    Buckets.putIfAbsent(b.config, "tool_description", rest.remove("gen_ai.tool.description"));
    Buckets.putIfAbsent(b.metadata, "tool_call_id", rest.remove("gen_ai.tool.call.id"));
    Buckets.putIfAbsent(b.metadata, "tool_type", rest.remove("gen_ai.tool.type"));
    spread(b.inputs, "arguments", rest.remove("gen_ai.tool.call.arguments"));
    Buckets.putIfAbsent(b.outputs, "result", JsonText.parseStructured(rest.remove("gen_ai.tool.call.result")));
  }

  private static void openInference(Map<String, Object> rest, Buckets b, AttributeGroups groups) {
    Buckets.putIfAbsent(b.config, "model", rest.get("llm.model_name"));
    Buckets.putIfAbsent(b.metadata, "model_name", rest.remove("llm.model_name"));
    Object llmProvider = rest.remove("llm.provider");
    Buckets.putIfAbsent(b.config, "provider", llmProvider);
    Buckets.putIfAbsent(b.metadata, "provider", llmProvider);
    Buckets.putIfAbsent(b.metadata, "system", rest.get("llm.system"));
    Buckets.putIfAbsent(b.config, "provider", rest.remove("llm.system"));
    spread(b.config, "invocation_parameters", rest.remove("llm.invocation_parameters"));
    usage(rest, b, "llm.token_count.prompt", "prompt_tokens");
    usage(rest, b, "llm.token_count.completion", "completion_tokens");
    usage(rest, b, "llm.token_count.total", "total_tokens");
    usage(rest, b, "llm.token_count.prompt_details.cache_read", "cache_read_input_tokens");
    Buckets.putIfAbsent(b.inputs, "chat_history", messages(groups.llmInput.list()));
    choices(b, messages(groups.llmOutput.list()));
    Object input = JsonText.parseStructured(rest.remove("input.value"));
    rest.remove("input.mime_type");
    Buckets.putIfAbsent(b.inputs, "input", input);
    Object output = JsonText.parseStructured(rest.remove("output.value"));
    rest.remove("output.mime_type");
    Buckets.putIfAbsent(b.outputs, "output", output);
    Object tool = rest.remove("tool.name");
    Buckets.putIfAbsent(b.metadata, "tool_name", tool);
    Buckets.putIfAbsent(b.config, "tool_name", tool);
    Buckets.putIfAbsent(b.config, "tool_description", rest.remove("tool.description"));
    Buckets.putIfAbsent(b.config, "tool_parameters", JsonText.parseStructured(rest.remove("tool.parameters")));
    Buckets.putIfAbsent(b.metadata, "tool_call_id", rest.remove("tool_call.id"));
  }

  /**
   * The first choice's fields ({@code role}, {@code content}, {@code finish_reason}, {@code tool_calls}) become the
   * outputs, as HoneyHive shows a model's answer; all of them also go into {@code outputs.choices} when there are
   * several.
   */
  private static void choices(Buckets b, List<Object> choices) {
    if (choices == null || choices.isEmpty()) {
      return;
    }
    if (choices.get(0) instanceof Map<?, ?> first) {
      first.forEach((k, v) -> Buckets.putIfAbsent(b.outputs, String.valueOf(k), v));
    }
    if (choices.size() > 1 || !(choices.get(0) instanceof Map)) {
      Buckets.putIfAbsent(b.outputs, "choices", choices);
    }
  }

  /** Fills {@code metadata.total_tokens} from its parts when no attribute gave it. */
  private static void totalTokens(Buckets b) {
    if (b.metadata.containsKey("total_tokens")) {
      return;
    }
    Object in = b.metadata.containsKey("input_tokens") ? b.metadata.get("input_tokens") : b.metadata.get("prompt_tokens");
    Object out = b.metadata.containsKey("output_tokens") ? b.metadata.get("output_tokens")
        : b.metadata.get("completion_tokens");
    if (in instanceof Long a && out instanceof Long c) {
      b.metadata.put("total_tokens", a + c);
    }
  }

  private static void spanKind(Map<String, Object> rest, Buckets b) {
    for (String key : new String[] {"openinference.span.kind", "traceloop.span.kind", "gen_ai.agent.type"}) {
      Object kind = rest.remove(key);
      if (kind != null) {
        Buckets.putIfAbsent(b.metadata, "span_kind", kind.toString().toLowerCase(java.util.Locale.ROOT));
        b.metadata.putIfAbsent(key, kind);
      }
    }
  }

  private static void traceloop(Map<String, Object> rest, Buckets b) {
    Buckets.putIfAbsent(b.inputs, "input", JsonText.parseStructured(rest.remove("traceloop.entity.input")));
    Buckets.putIfAbsent(b.outputs, "output", JsonText.parseStructured(rest.remove("traceloop.entity.output")));
  }

  /**
   * Puts the members of the JSON object {@code value} holds into {@code bucket}; a value that holds no object goes in
   * whole under {@code key}.
   */
  private static void spread(Map<String, Object> bucket, String key, Object value) {
    Object parsed = JsonText.parseStructured(value);
    if (parsed instanceof Map<?, ?> map) {
      map.forEach((k, v) -> Buckets.putIfAbsent(bucket, String.valueOf(k), v));
    } else {
      Buckets.putIfAbsent(bucket, key, parsed);
    }
  }

  private static void usage(Map<String, Object> rest, Buckets b, String attribute, String key) {
    Buckets.putIfAbsent(b.metadata, key, rest.remove(attribute));
  }

  /** Unwraps OpenInference's {@code {message: {role, content}}} items into {@code {role, content}}. */
  private static List<Object> messages(List<Object> items) {
    if (items == null) {
      return null;
    }
    List<Object> messages = new ArrayList<>(items.size());
    for (Object item : items) {
      messages.add(item instanceof Map<?, ?> map && map.size() == 1 && map.get("message") != null
          ? map.get("message") : item);
    }
    return messages;
  }
}
