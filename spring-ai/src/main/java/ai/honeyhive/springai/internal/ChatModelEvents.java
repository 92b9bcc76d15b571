package ai.honeyhive.springai.internal;

import ai.honeyhive.EventScope;
import ai.honeyhive.ModelEventBuilder;
import ai.honeyhive.ModelSpan;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** A {@link ChatModelObservationContext} ({@code gen_ai.client.operation}) as a HoneyHive model event. */
public final class ChatModelEvents {
  /** The event name when neither the request options nor the observation name a model. */
  static final String UNKNOWN_MODEL = "chat";

  private ChatModelEvents() {
  }

  /** Opens the model event under {@code parent}: model, provider, request options and the prompt's messages. */
  public static ModelSpan start(EventScope parent, ChatModelObservationContext context, Capture capture) {
    Prompt prompt = context.getRequest();
    ChatOptions options = prompt == null ? null : prompt.getOptions();
    ModelEventBuilder builder = parent.model(modelName(context, options));
    if (context.getOperationMetadata() != null && notBlank(context.getOperationMetadata().provider())) {
      builder.provider(context.getOperationMetadata().provider());
    }
    if (options != null) {
      parameter(builder, "temperature", options.getTemperature());
      parameter(builder, "max_tokens", options.getMaxTokens());
      parameter(builder, "top_p", options.getTopP());
      parameter(builder, "top_k", options.getTopK());
      parameter(builder, "frequency_penalty", options.getFrequencyPenalty());
      parameter(builder, "presence_penalty", options.getPresencePenalty());
      List<String> stop = options.getStopSequences();
      if (stop != null && !stop.isEmpty()) {
        builder.parameter("stop", stop);
      }
    }
    if (streaming(context)) {
      builder.parameter("stream", true);
    }
    List<Map<String, Object>> messages = Messages.of(prompt, capture);
    if (!messages.isEmpty()) {
      builder.inputs(Map.of("messages", messages));
    }
    if (context.getOperationMetadata() != null && notBlank(context.getOperationMetadata().operationType())) {
      builder.metadata(Map.of("operation", context.getOperationMetadata().operationType()));
    }
    return builder.start();
  }

  /**
   * Records the response (for a streamed call, the response Spring AI aggregated from its chunks): the completion,
   * the tool calls requested, token usage, finish reason, response id and model, and the error if the call failed.
   */
  public static void stop(ModelSpan span, ChatModelObservationContext context, Capture capture) {
    ChatResponse response = context.getResponse();
    if (response != null) {
      Generation generation = Messages.firstGeneration(response);
      String answer = capture.text(Messages.answer(response));
      if (answer != null) {
        span.completion(answer);
      }
      if (generation != null && generation.getOutput() != null && generation.getOutput().hasToolCalls()) {
        span.outputs(Map.of("tool_calls", Messages.toolCalls(generation.getOutput().getToolCalls(), capture)));
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      if (generation != null && generation.getMetadata() != null) {
        Messages.putIfNotNull(metadata, "finish_reason", blankToNull(generation.getMetadata().getFinishReason()));
      }
      usage(span, response.getMetadata(), metadata);
      if (!metadata.isEmpty()) {
        span.metadata(metadata);
      }
    }
    if (context.getError() != null) {
      span.error(capture.describe(context.getError()));
    }
  }

  private static void usage(ModelSpan span, ChatResponseMetadata responseMetadata, Map<String, Object> metadata) {
    if (responseMetadata == null) {
      return;
    }
    Messages.putIfNotNull(metadata, "response_id", blankToNull(responseMetadata.getId()));
    Messages.putIfNotNull(metadata, "response_model", blankToNull(responseMetadata.getModel()));
    Usage usage = responseMetadata.getUsage();
    if (usage == null) {
      return;
    }
    Integer prompt = usage.getPromptTokens();
    Integer completion = usage.getCompletionTokens();
    if ((prompt != null && prompt > 0) || (completion != null && completion > 0)) {
      span.usage(prompt == null ? 0 : Math.max(0, prompt), completion == null ? 0 : Math.max(0, completion));
    }
    if (SpringAiApi.USAGE_CACHE_READ) {
      Messages.putIfNotNull(metadata, "cache_read_input_tokens", usage.getCacheReadInputTokens());
    }
    if (SpringAiApi.USAGE_CACHE_WRITE) {
      Messages.putIfNotNull(metadata, "cache_write_input_tokens", usage.getCacheWriteInputTokens());
    }
  }

  /**
   * Whether the model call streams. Spring AI 2.0 says so on the context; Spring AI 1.1 does not, and there a model
   * call streams when the nearest chat-client observation above it does (a direct {@code ChatModel.stream} outside a
   * {@code ChatClient} is then not marked).
   */
  static boolean streaming(ChatModelObservationContext context) {
    if (SpringAiApi.MODEL_IS_STREAMING) {
      return context.isStreaming();
    }
    ObservationView ancestor = context.getParentObservation();
    for (int depth = 0; ancestor != null && depth < 64; depth++) {
      Observation.ContextView view = ancestor.getContextView();
      if (view instanceof ChatClientObservationContext chat) {
        return chat.isStream();
      }
      if (view == null) {
        return false;
      }
      ancestor = view.getParentObservation();
    }
    return false;
  }

  private static String modelName(ChatModelObservationContext context, ChatOptions options) {
    if (options != null && notBlank(options.getModel())) {
      return options.getModel();
    }
    var requested = context.getLowCardinalityKeyValue("gen_ai.request.model");
    if (requested != null && notBlank(requested.getValue()) && !"none".equals(requested.getValue())) {
      return requested.getValue();
    }
    return UNKNOWN_MODEL;
  }

  private static void parameter(ModelEventBuilder builder, String name, Object value) {
    if (value != null) {
      builder.parameter(name, value);
    }
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  static String blankToNull(String s) {
    return notBlank(s) ? s : null;
  }
}
