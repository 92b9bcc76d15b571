package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.Locale;
import java.util.Map;

/**
 * Chooses a span's HoneyHive event type in the order HoneyHive's own span processor uses: an explicit
 * {@code honeyhive_event_type}, then {@code gen_ai.operation.name}, then {@code openinference.span.kind}, then
 * {@code traceloop.span.kind} (which HoneyHive's Python SDK does not read; added here); failing those, {@code model} when
 * the span names a model and {@code tool} for anything else, HoneyHive's own default.
 */
final class EventTypes {
  private EventTypes() {}

  static String of(Map<String, Object> attributes) {
    String explicit = lower(attributes.get("honeyhive_event_type"));
    if ("model".equals(explicit) || "tool".equals(explicit) || "chain".equals(explicit)) {
      return explicit;
    }
    String byOperation = switch (lower(attributes.get("gen_ai.operation.name"))) {
      case "chat", "text_completion", "generate_content" -> "model";
      case "invoke_agent", "create_agent", "invoke_workflow" -> "chain";
      case "execute_tool", "embeddings", "retrieval" -> "tool";
      default -> null;
    };
    if (byOperation != null) {
      return byOperation;
    }
    String byOpenInference = switch (lower(attributes.get("openinference.span.kind"))) {
      case "llm" -> "model";
      case "chain", "agent" -> "chain";
      case "tool", "retriever", "embedding", "reranker", "guardrail", "evaluator" -> "tool";
      default -> null;
    };
    if (byOpenInference != null) {
      return byOpenInference;
    }
    String byTraceloop = switch (lower(attributes.get("traceloop.span.kind"))) {
      case "llm" -> "model";
      case "workflow", "task", "agent" -> "chain";
      case "tool" -> "tool";
      default -> null;
    };
    if (byTraceloop != null) {
      return byTraceloop;
    }
    if (attributes.containsKey("gen_ai.request.model") || attributes.containsKey("llm.model_name")) {
      return "model";
    }
    return "tool";
  }

  private static String lower(Object value) {
    return value instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : "";
  }
}
