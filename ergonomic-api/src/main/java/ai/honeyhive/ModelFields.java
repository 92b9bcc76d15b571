package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields the model helpers write, shared by {@link ModelEventBuilder} (before the event starts) and
 * {@link ModelSpan} (while it runs), so both write the same keys with the same checks. Callers hold whatever lock
 * guards {@code draft}.
 */
final class ModelFields {
  private ModelFields() {}

  static void provider(EventDraft draft, String provider) {
    draft.put(Field.CONFIG, "provider", Checks.name("provider", provider));
  }

  static void parameter(EventDraft draft, String name, Object value) {
    draft.put(Field.CONFIG, Checks.name("name", name), value);
  }

  @SuppressWarnings("unchecked")
  static void message(EventDraft draft, String role, String content) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", Checks.name("role", role));
    message.put("content", Checks.notNull("content", content));
    Object existing = draft.get(Field.INPUTS, "messages");
    List<Object> messages = existing instanceof List ? new ArrayList<>((List<Object>) existing) : new ArrayList<>();
    messages.add(message);
    draft.put(Field.INPUTS, "messages", messages);
  }

  static void completion(EventDraft draft, String content) {
    Checks.notNull("content", content);
    draft.put(Field.OUTPUTS, "role", "assistant");
    draft.put(Field.OUTPUTS, "content", content);
  }

  static void usage(EventDraft draft, long promptTokens, long completionTokens) {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0, but were promptTokens=" + promptTokens
          + ", completionTokens=" + completionTokens);
    }
    draft.put(Field.METADATA, "prompt_tokens", promptTokens);
    draft.put(Field.METADATA, "completion_tokens", completionTokens);
    draft.put(Field.METADATA, "total_tokens", promptTokens + completionTokens);
  }

  static void cost(EventDraft draft, double usd) {
    if (!(usd >= 0) || Double.isInfinite(usd)) {
      throw new IllegalArgumentException("cost must be a finite number >= 0, but was " + usd);
    }
    draft.put(Field.METADATA, "cost", usd);
  }
}
