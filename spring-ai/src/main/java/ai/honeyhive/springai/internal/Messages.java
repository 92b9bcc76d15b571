package ai.honeyhive.springai.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/** Spring AI messages as HoneyHive's {@code {role, content}} maps (plus tool calls and tool results). */
final class Messages {
  private Messages() {
  }

  /** The prompt's messages, each text through {@code capture}; empty when capture is off. */
  static List<Map<String, Object>> of(Prompt prompt, Capture capture) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (prompt == null || !capture.enabled() || prompt.getInstructions() == null) {
      return out;
    }
    for (Message message : prompt.getInstructions()) {
      if (message instanceof ToolResponseMessage tool) {
        for (ToolResponseMessage.ToolResponse response : tool.getResponses()) {
          Map<String, Object> map = message("tool", capture.text(response.responseData()));
          putIfNotNull(map, "tool_call_id", response.id());
          putIfNotNull(map, "name", response.name());
          out.add(map);
        }
        continue;
      }
      String role = message.getMessageType() == null ? "user" : message.getMessageType().getValue();
      Map<String, Object> map = message(role, capture.text(message.getText()));
      if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
        map.put("tool_calls", toolCalls(assistant.getToolCalls(), capture));
      }
      out.add(map);
    }
    return out;
  }

  /** The tool calls the model asked for, as {@code {id, type, name, arguments}} maps. */
  static List<Map<String, Object>> toolCalls(List<AssistantMessage.ToolCall> calls, Capture capture) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AssistantMessage.ToolCall call : calls) {
      Map<String, Object> map = new LinkedHashMap<>();
      putIfNotNull(map, "id", call.id());
      putIfNotNull(map, "type", call.type());
      putIfNotNull(map, "name", call.name());
      putIfNotNull(map, "arguments", capture.text(call.arguments()));
      out.add(map);
    }
    return out;
  }

  /** The first generation's answer, or null. */
  static Generation firstGeneration(ChatResponse response) {
    if (response == null || response.getResults() == null || response.getResults().isEmpty()) {
      return null;
    }
    return response.getResults().get(0);
  }

  /** The text of the first generation's answer, or null. */
  static String answer(ChatResponse response) {
    Generation generation = firstGeneration(response);
    return generation == null || generation.getOutput() == null ? null : generation.getOutput().getText();
  }

  static Map<String, Object> message(String role, String content) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("role", role);
    map.put("content", content == null ? "" : content);
    return map;
  }

  static void putIfNotNull(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
