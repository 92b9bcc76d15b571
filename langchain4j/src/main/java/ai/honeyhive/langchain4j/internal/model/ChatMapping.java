package ai.honeyhive.langchain4j.internal.model;

import ai.honeyhive.langchain4j.internal.support.Capture;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** LangChain4j's request and response objects as the maps and values a HoneyHive model event holds. */
public final class ChatMapping {
  private static final ClassValue<Method> INPUT_TOKENS_DETAILS = publicMethod("inputTokensDetails");
  private static final ClassValue<Method> CACHED_TOKENS = publicMethod("cachedTokens");

  private ChatMapping() {}

  /** HoneyHive's provider name for LangChain4j's {@code ModelProvider}; null for null. */
  public static String provider(ModelProvider provider) {
    if (provider == null) {
      return null;
    }
    switch (provider.name()) {
      case "OPEN_AI":
        return "openai";
      case "AZURE_OPEN_AI":
        return "azure_openai";
      default:
        return provider.name().toLowerCase(Locale.ROOT);
    }
  }

  /** The request parameters that are set, under OpenAI-style names; tools and their choice included. */
  public static Map<String, Object> parameters(ChatRequestParameters p) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (p == null) {
      return out;
    }
    putIfSet(out, "temperature", p.temperature());
    putIfSet(out, "max_tokens", p.maxOutputTokens());
    putIfSet(out, "top_p", p.topP());
    putIfSet(out, "top_k", p.topK());
    putIfSet(out, "frequency_penalty", p.frequencyPenalty());
    putIfSet(out, "presence_penalty", p.presencePenalty());
    if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
      out.put("stop", new ArrayList<>(p.stopSequences()));
    }
    if (p.toolSpecifications() != null && !p.toolSpecifications().isEmpty()) {
      List<Object> tools = new ArrayList<>();
      for (ToolSpecification tool : p.toolSpecifications()) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", tool.name());
        putIfSet(t, "description", tool.description());
        tools.add(t);
      }
      out.put("tools", tools);
    }
    if (p.toolChoice() != null) {
      out.put("tool_choice", p.toolChoice().name().toLowerCase(Locale.ROOT));
    }
    if (p.responseFormat() != null && p.responseFormat().type() != null) {
      out.put("response_format", p.responseFormat().type().name().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The messages of a request: role, and with content capture the (redacted) content and tool-call details. */
  public static List<Object> messages(List<ChatMessage> messages, Capture capture) {
    List<Object> out = new ArrayList<>();
    if (messages == null) {
      return out;
    }
    for (ChatMessage message : messages) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (message instanceof SystemMessage) {
        m.put("role", "system");
        putIfSet(m, "content", capture.text(((SystemMessage) message).text()));
      } else if (message instanceof UserMessage) {
        m.put("role", "user");
        putIfSet(m, "content", capture.text(userText((UserMessage) message)));
      } else if (message instanceof AiMessage) {
        AiMessage ai = (AiMessage) message;
        m.put("role", "assistant");
        putIfSet(m, "content", capture.text(ai.text()));
        if (ai.hasToolExecutionRequests()) {
          m.put("tool_calls", toolCalls(ai.toolExecutionRequests(), capture));
        }
      } else if (message instanceof ToolExecutionResultMessage) {
        ToolExecutionResultMessage tool = (ToolExecutionResultMessage) message;
        m.put("role", "tool");
        putIfSet(m, "tool_call_id", tool.id());
        putIfSet(m, "name", tool.toolName());
        putIfSet(m, "content", capture.text(tool.text()));
      } else if (message instanceof CustomMessage) {
        m.put("role", "custom");
      } else {
        m.put("role", message == null ? "unknown" : message.type().name().toLowerCase(Locale.ROOT));
      }
      out.add(m);
    }
    return out;
  }

  /** Tool calls requested by the model: id and name always, arguments (redacted) with content capture. */
  public static List<Object> toolCalls(List<ToolExecutionRequest> requests, Capture capture) {
    List<Object> out = new ArrayList<>();
    for (ToolExecutionRequest request : requests) {
      Map<String, Object> call = new LinkedHashMap<>();
      putIfSet(call, "id", request.id());
      putIfSet(call, "name", request.name());
      putIfSet(call, "arguments", capture.text(request.arguments()));
      out.add(call);
    }
    return out;
  }

  /**
   * Cached input tokens when the provider's token usage reports them (OpenAI's {@code OpenAiTokenUsage}:
   * {@code inputTokensDetails().cachedTokens()}); read by reflection, as this module does not depend on any provider.
   * Null when absent.
   */
  public static Integer cachedTokens(Object tokenUsage) {
    if (tokenUsage == null) {
      return null;
    }
    try {
      Method details = INPUT_TOKENS_DETAILS.get(tokenUsage.getClass());
      Object d = details == null ? null : details.invoke(tokenUsage);
      Method cachedTokens = d == null ? null : CACHED_TOKENS.get(d.getClass());
      Object cached = cachedTokens == null ? null : cachedTokens.invoke(d);
      return cached instanceof Integer ? (Integer) cached : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // nothing cached to report
    }
  }

  /** A public no-argument method by name, looked up once per class (null when the class has none). */
  private static ClassValue<Method> publicMethod(String name) {
    return new ClassValue<>() {
      @Override
      protected Method computeValue(Class<?> type) {
        try {
          return type.getMethod(name);
        } catch (NoSuchMethodException | SecurityException e) {
          return null; // another provider's usage type
        }
      }
    };
  }

  private static String userText(UserMessage message) {
    if (message.hasSingleText()) {
      return message.singleText();
    }
    StringBuilder text = new StringBuilder();
    for (Content content : message.contents()) {
      if (content instanceof TextContent) {
        text.append(text.length() == 0 ? "" : "\n").append(((TextContent) content).text());
      } else {
        text.append(text.length() == 0 ? "" : "\n").append('[').append(content.type()).append(']');
      }
    }
    return text.toString();
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
