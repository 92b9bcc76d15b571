package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import java.util.UUID;

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
 *
 * <p>{@link #start()} opens a {@link ModelSpan}, which keeps these helpers until it ends.
 */
public final class ModelEventBuilder extends BaseEventBuilder<ModelEventBuilder> {
  ModelEventBuilder(Client client, EventScope parent, String model) {
    super(client, parent, EventType.MODEL, model);
    draft.put(Field.CONFIG, "model", model);
  }

  /**
   * Sets {@code config.provider}, such as {@code "openai"}.
   *
   * @param provider the provider's name; must not be blank
   * @return this builder
   */
  public ModelEventBuilder provider(String provider) {
    ModelFields.provider(draft, provider);
    return this;
  }

  /**
   * Sets one model parameter in {@code config}, such as {@code top_p}.
   *
   * @param name the parameter's name, as the provider spells it; must not be blank
   * @param value the value
   * @return this builder
   * @throws IllegalArgumentException if {@code value} cannot be written as JSON
   */
  public ModelEventBuilder parameter(String name, Object value) {
    ModelFields.parameter(draft, name, value);
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
  public ModelEventBuilder message(String role, String content) {
    ModelFields.message(draft, role, content);
    return this;
  }

  /**
   * Records the model's answer as {@code outputs.role = "assistant"} and {@code outputs.content}.
   *
   * @param content the answer's text
   * @return this builder
   */
  public ModelEventBuilder completion(String content) {
    ModelFields.completion(draft, content);
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
    ModelFields.usage(draft, promptTokens, completionTokens);
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
    ModelFields.cost(draft, usd);
    return this;
  }

  /**
   * Opens the event as a {@link ModelSpan}, timed from now until {@link Span#close()}; see
   * {@link BaseEventBuilder#start()}. The span keeps this builder's helpers ({@link ModelSpan#completion},
   * {@link ModelSpan#usage}, {@link ModelSpan#cost}, ...) for what is known only once the model answered.
   *
   * @return the open span; closing it sends (or, in the batched mode, queues) the event
   * @throws IllegalStateException in a {@link SessionImport}, whose events take the times they are given: use
   *     {@link #log()}
   */
  @Override
  public ModelSpan start() {
    return (ModelSpan) super.start();
  }

  @Override
  ModelSpan newSpan(UUID eventId, EventDraft spanDraft, long startNanos) {
    return new ModelSpan(client, parent, name, eventId, spanDraft, startNanos);
  }
}
