package ai.honeyhive.springai.internal;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Which Spring AI 2.0 methods the running Spring AI has. This jar is compiled against Spring AI 2.0 and also runs on
 * Spring AI 1.1, which lacks the methods below: each is looked up once here, by name, and the handler calls it
 * (directly, never reflectively) only when present, instead of failing with {@link NoSuchMethodError}.
 */
final class SpringAiApi {
  /** {@code ChatModelObservationContext.isStreaming()}: Spring AI 2.0. */
  static final boolean MODEL_IS_STREAMING = has(ChatModelObservationContext.class, "isStreaming");
  /** {@code Usage.getCacheReadInputTokens()}: Spring AI 2.0. */
  static final boolean USAGE_CACHE_READ = has(Usage.class, "getCacheReadInputTokens");
  /** {@code Usage.getCacheWriteInputTokens()}: Spring AI 2.0. */
  static final boolean USAGE_CACHE_WRITE = has(Usage.class, "getCacheWriteInputTokens");
  /** {@code ToolCallingObservationContext.getToolCallId()}: Spring AI 2.0. */
  static final boolean TOOL_CALL_ID = has(ToolCallingObservationContext.class, "getToolCallId");
  /** {@code ToolCallingObservationContext.getToolType()}: Spring AI 2.0. */
  static final boolean TOOL_TYPE = has(ToolCallingObservationContext.class, "getToolType");

  private SpringAiApi() {
  }

  /** Whether {@code type} has a public method {@code name} without parameters. */
  static boolean has(Class<?> type, String name) {
    try {
      type.getMethod(name);
      return true;
    } catch (NoSuchMethodException | SecurityException | LinkageError e) {
      return false;
    }
  }
}
