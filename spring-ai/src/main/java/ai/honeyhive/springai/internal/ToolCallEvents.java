package ai.honeyhive.springai.internal;

import ai.honeyhive.EventScope;
import ai.honeyhive.Span;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/** A {@link ToolCallingObservationContext} ({@code spring.ai.tool}) as a HoneyHive tool event. */
public final class ToolCallEvents {
  /** The event name when the tool has no definition. */
  static final String UNKNOWN_TOOL = "tool";

  private ToolCallEvents() {
  }

  /** Opens the tool event under {@code parent}: the tool's name and description, the call id and arguments. */
  public static Span start(EventScope parent, ToolCallingObservationContext context, Capture capture) {
    ToolDefinition definition = context.getToolDefinition();
    String name = definition != null && ChatModelEvents.notBlank(definition.name()) ? definition.name() : UNKNOWN_TOOL;
    var builder = parent.tool(name);
    String arguments = capture.text(context.getToolCallArguments());
    if (arguments != null) {
      builder.inputs(Map.of("arguments", arguments));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    // Spring AI 1.1 has neither on the context.
    if (SpringAiApi.TOOL_CALL_ID) {
      Messages.putIfNotNull(metadata, "tool_call_id", ChatModelEvents.blankToNull(context.getToolCallId()));
    }
    if (SpringAiApi.TOOL_TYPE) {
      Messages.putIfNotNull(metadata, "tool_type", ChatModelEvents.blankToNull(context.getToolType()));
    }
    if (!metadata.isEmpty()) {
      builder.metadata(metadata);
    }
    if (definition != null && ChatModelEvents.notBlank(definition.description())) {
      builder.config(Map.of("description", definition.description()));
    }
    return builder.start();
  }

  /** Records the tool's result and the error if it failed. */
  public static void stop(Span span, ToolCallingObservationContext context, Capture capture) {
    String result = capture.text(context.getToolCallResult());
    if (result != null) {
      span.outputs(Map.of("result", result));
    }
    if (context.getError() != null) {
      span.error(capture.describe(context.getError()));
    }
  }
}
