package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a model (LLM) event; see {@link BaseEventBuilder}. Created by {@link EventScope#model}, which puts the model
 * name in {@code config.model}. The helpers write HoneyHive's usual fields and leave the raw maps open for anything
 * else:
 * <ul>
 *   <li>{@link #provider}, {@link #parameter}, {@link #temperature}, {@link #maxTokens}: {@code config}</li>
 *   <li>{@link #message}: appended to {@code inputs.messages} as {@code {role, content}}</li>
 *   <li>{@link #completion}: {@code outputs.role = "assistant"} and {@code outputs.content}</li>
 *   <li>{@link #usage}: {@code metadata.prompt_tokens}, {@code completion_tokens}, {@code total_tokens}</li>
 *   <li>{@link #cost}: {@code metadata.cost}</li>
 * </ul>
 */
public final class ModelEventBuilder extends BaseEventBuilder<ModelEventBuilder> {
  ModelEventBuilder(Client client, EventScope parent, String model) {
    super(client, parent, EventType.MODEL, model);
    draft.put(Field.CONFIG, "model", model);
  }

  /**
   * Sets {@code config.provider}, such as {@code "openai"}.
   *
   * @param provider the provider's name; must not be blank or hold a lone UTF-16 surrogate
   * @return this builder
   */
  public ModelEventBuilder provider(String provider) {
    draft.put(Field.CONFIG, "provider", Checks.name("provider", provider));
    return this;
  }

  /**
   * Sets one model parameter in {@code config}, such as {@code top_p}.
   *
   * @param name the parameter's name, as the provider spells it; must not be blank or hold a lone UTF-16 surrogate
   * @param value the value
   * @return this builder
   * @throws IllegalArgumentException if {@code value} cannot be written as JSON
   */
  public ModelEventBuilder parameter(String name, Object value) {
    draft.put(Field.CONFIG, Checks.name("name", name), value);
    return this;
  }

  /**
   * Sets {@code config.temperature}.
   *
   * @param temperature the sampling temperature; finite
   * @return this builder
   */
  public ModelEventBuilder temperature(double temperature) {
    return parameter("temperature", temperature);
  }

  /**
   * Sets {@code config.max_tokens}.
   *
   * @param maxTokens the limit on generated tokens
   * @return this builder
   */
  public ModelEventBuilder maxTokens(int maxTokens) {
    return parameter("max_tokens", maxTokens);
  }

  /**
   * Appends one chat message to {@code inputs.messages}.
   *
   * @param role such as {@code "system"}, {@code "user"} or {@code "assistant"}
   * @param content the message text
   * @return this builder
   */
  @SuppressWarnings("unchecked")
  public ModelEventBuilder message(String role, String content) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", Checks.name("role", role));
    message.put("content", Checks.notNull("content", content));
    Object existing = draft.get(Field.INPUTS, "messages");
    List<Object> messages = existing instanceof List ? new ArrayList<>((List<Object>) existing) : new ArrayList<>();
    messages.add(message);
    draft.put(Field.INPUTS, "messages", messages);
    return this;
  }

  /**
   * Records the model's answer as {@code outputs.role = "assistant"} and {@code outputs.content}.
   *
   * @param content the answer's text
   * @return this builder
   */
  public ModelEventBuilder completion(String content) {
    draft.put(Field.OUTPUTS, "role", "assistant");
    draft.put(Field.OUTPUTS, "content", Checks.notNull("content", content));
    return this;
  }

  /**
   * Records token usage in {@code metadata}: {@code prompt_tokens}, {@code completion_tokens} and their sum
   * {@code total_tokens}.
   *
   * @param promptTokens tokens in the prompt
   * @param completionTokens tokens in the completion
   * @return this builder
   * @throws IllegalArgumentException if a count is negative
   */
  public ModelEventBuilder usage(long promptTokens, long completionTokens) {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0, but were promptTokens=" + promptTokens
          + ", completionTokens=" + completionTokens);
    }
    draft.put(Field.METADATA, "prompt_tokens", promptTokens);
    draft.put(Field.METADATA, "completion_tokens", completionTokens);
    draft.put(Field.METADATA, "total_tokens", promptTokens + completionTokens);
    return this;
  }

  /**
   * Records what the call cost, in US dollars, in {@code metadata.cost}.
   *
   * @param usd the cost in US dollars
   * @return this builder
   * @throws IllegalArgumentException if {@code usd} is negative or not finite
   */
  public ModelEventBuilder cost(double usd) {
    if (!(usd >= 0) || Double.isInfinite(usd)) {
      throw new IllegalArgumentException("cost must be a finite number >= 0, but was " + usd);
    }
    draft.put(Field.METADATA, "cost", usd);
    return this;
  }
}
