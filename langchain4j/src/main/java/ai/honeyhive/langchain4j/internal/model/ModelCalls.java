package ai.honeyhive.langchain4j.internal.model;

import ai.honeyhive.EventScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.ModelSpan;
import ai.honeyhive.Session;
import ai.honeyhive.langchain4j.internal.service.Invocations;
import ai.honeyhive.langchain4j.internal.support.Capture;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One chat-model call as a HoneyHive model event: started on the request, finished on the response or the error.
 * The state travels in the listener's attributes map (under a key private to this class), so a streamed response
 * finishing on another thread closes the span its request opened.
 */
public final class ModelCalls {
  /** The attributes key; an object of its own so no other listener's key can collide with it. */
  private static final Object KEY = new Object() {
    @Override
    public String toString() {
      return "honeyhive.model-call";
    }
  };
  private static final String DEFAULT_NAME = "chat-model";

  private final HoneyHive hh;
  private final Capture capture;

  public ModelCalls(HoneyHive hh, Capture capture) {
    this.hh = hh;
    this.capture = capture;
  }

  /** The span of one call, and the session started for it when no scope was current (ended with the span). */
  private static final class Call {
    final ModelSpan span;
    final Session ownSession;

    Call(ModelSpan span, Session ownSession) {
      this.span = span;
      this.ownSession = ownSession;
    }
  }

  /** Opens the model span of a request, nested where the call began, and keeps it in {@code attributes}. */
  public void request(ChatRequest request, ModelProvider provider, Map<Object, Object> attributes) {
    String model = request.parameters() != null ? request.parameters().modelName() : null;
    String name = model == null || model.isBlank() ? DEFAULT_NAME : model;
    EventScope parent = Invocations.parentOfModelCall();
    Session ownSession = null;
    if (parent == null) {
      ownSession = hh.session(name).start();
      parent = ownSession;
    }
    ModelSpan span = parent.model(name).start();
    attributes.put(KEY, new Call(span, ownSession));
    String providerName = ChatMapping.provider(provider);
    if (providerName != null) {
      span.provider(providerName);
    }
    Map<String, Object> config = ChatMapping.parameters(request.parameters());
    if (!config.isEmpty()) {
      span.config(config);
    }
    span.inputs(Map.of("messages", ChatMapping.messages(request.messages(), capture)));
  }

  /** Records the response on the request's span and closes it. */
  public void response(ChatResponse response, Map<Object, Object> attributes) {
    Call call = take(attributes);
    if (call == null) {
      return;
    }
    try {
      record(call.span, response);
    } finally {
      close(call);
    }
  }

  /** Records the error on the request's span and closes it. */
  public void error(Throwable error, Map<Object, Object> attributes) {
    Call call = take(attributes);
    if (call == null) {
      return;
    }
    try {
      call.span.error(capture.describe(error));
    } finally {
      close(call);
    }
  }

  private void record(ModelSpan span, ChatResponse response) {
    if (response == null) {
      return;
    }
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("role", "assistant");
    AiMessage message = response.aiMessage();
    if (message != null) {
      String text = capture.text(message.text());
      if (text != null) {
        outputs.put("content", text);
      }
      if (message.hasToolExecutionRequests()) {
        List<Object> calls = ChatMapping.toolCalls(message.toolExecutionRequests(), capture);
        outputs.put("tool_calls", calls);
      }
    }
    span.outputs(outputs);
    Map<String, Object> metadata = new LinkedHashMap<>();
    TokenUsage usage = response.tokenUsage();
    if (usage != null) {
      Integer in = usage.inputTokenCount();
      Integer out = usage.outputTokenCount();
      if (in != null && out != null) {
        span.usage(in, out);
      } else {
        putIfSet(metadata, "prompt_tokens", in);
        putIfSet(metadata, "completion_tokens", out);
      }
      putIfSet(metadata, "total_tokens", usage.totalTokenCount());
      putIfSet(metadata, "cached_tokens", ChatMapping.cachedTokens(usage));
    }
    if (response.finishReason() != null) {
      metadata.put("finish_reason", response.finishReason().name().toLowerCase(Locale.ROOT));
    }
    putIfSet(metadata, "response_id", response.id());
    putIfSet(metadata, "response_model", response.modelName());
    if (!metadata.isEmpty()) {
      span.metadata(metadata);
    }
  }

  private static Call take(Map<Object, Object> attributes) {
    Object call = attributes == null ? null : attributes.remove(KEY);
    return call instanceof Call ? (Call) call : null;
  }

  private static void close(Call call) {
    call.span.close();
    if (call.ownSession != null) {
      call.ownSession.end();
    }
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
