package ai.honeyhive;

import java.util.Map;
import java.util.UUID;

/**
 * An open model (LLM) event: a {@link Span} that keeps the helpers of {@link ModelEventBuilder} until it ends, so
 * what is known only once the model answered (the completion, the token usage, the cost) is recorded where it is
 * learned. Returned by {@link ModelEventBuilder#start()} and handed to the body of
 * {@link ModelEventBuilder#call(SpanFunction)}:
 *
 * <pre>{@code
 * try (ModelSpan llm = chain.model("gpt-4o").message("user", question).start()) {
 *   Reply reply = openai.chat(question);
 *   llm.completion(reply.text()).usage(reply.promptTokens(), reply.completionTokens()).cost(reply.cost());
 * }
 * }</pre>
 *
 * <p>The helpers write the same keys as the builder's: {@link #provider}, {@link #parameter}, {@link #temperature} and
 * {@link #maxTokens} in {@code config}; {@link #message} appended to {@code inputs.messages}; {@link #completion} in
 * {@code outputs.role} and {@code outputs.content}; {@link #usage} and {@link #cost} in {@code metadata}. Like every
 * map setter of this client they add to what is set (later values win); see {@link Span}. Every setter returns this
 * {@code ModelSpan}, so helpers and raw maps chain in any order. Thread-safe, as a {@link Span} is; fields set after
 * {@link #close()} are not sent.
 */
public final class ModelSpan extends Span {
  ModelSpan(Client client, EventScope parent, String model, UUID eventId, EventDraft draft, long startNanos) {
    super(client, parent, EventType.MODEL, model, eventId, draft, startNanos);
  }

  /**
   * Sets {@code config.provider}, such as {@code "openai"}.
   *
   * @param provider the provider's name; must not be blank
   * @return this span
   * @throws IllegalArgumentException if {@code provider} is blank
   */
  public ModelSpan provider(String provider) {
    change(draft -> ModelFields.provider(draft, provider));
    return this;
  }

  /**
   * Sets one model parameter in {@code config}, such as {@code top_p}.
   *
   * @param name the parameter's name, as the provider spells it; must not be blank
   * @param value the value; must be writable as JSON
   * @return this span
   * @throws IllegalArgumentException if {@code name} is blank or {@code value} cannot be written as JSON
   */
  public ModelSpan parameter(String name, Object value) {
    change(draft -> ModelFields.parameter(draft, name, value));
    return this;
  }

  /**
   * Sets {@code config.temperature}.
   *
   * @param temperature the sampling temperature
   * @return this span
   * @throws IllegalArgumentException if {@code temperature} is not finite
   */
  public ModelSpan temperature(double temperature) {
    return parameter("temperature", temperature);
  }

  /**
   * Sets {@code config.max_tokens}.
   *
   * @param maxTokens the limit on generated tokens
   * @return this span
   */
  public ModelSpan maxTokens(int maxTokens) {
    return parameter("max_tokens", maxTokens);
  }

  /**
   * Appends one chat message to {@code inputs.messages}, after those given to the builder.
   *
   * @param role such as {@code "system"}, {@code "user"} or {@code "assistant"}; must not be blank
   * @param content the message text
   * @return this span
   * @throws IllegalArgumentException if {@code role} is blank
   * @throws NullPointerException if {@code content} is null
   */
  public ModelSpan message(String role, String content) {
    change(draft -> ModelFields.message(draft, role, content));
    return this;
  }

  /**
   * Records the model's answer as {@code outputs.role = "assistant"} and {@code outputs.content}.
   *
   * @param content the answer's text
   * @return this span
   * @throws NullPointerException if {@code content} is null
   */
  public ModelSpan completion(String content) {
    change(draft -> ModelFields.completion(draft, content));
    return this;
  }

  /**
   * Records token usage in {@code metadata}: {@code prompt_tokens}, {@code completion_tokens} and their sum
   * {@code total_tokens}.
   *
   * @param promptTokens tokens in the prompt
   * @param completionTokens tokens in the completion
   * @return this span
   * @throws IllegalArgumentException if a count is negative
   */
  public ModelSpan usage(long promptTokens, long completionTokens) {
    change(draft -> ModelFields.usage(draft, promptTokens, completionTokens));
    return this;
  }

  /**
   * Records what the call cost, in US dollars, in {@code metadata.cost}.
   *
   * @param usd the cost in US dollars
   * @return this span
   * @throws IllegalArgumentException if {@code usd} is negative or not finite
   */
  public ModelSpan cost(double usd) {
    change(draft -> ModelFields.cost(draft, usd));
    return this;
  }

  /**
   * Adds input data; see {@link Span#inputs}.
   *
   * @param inputs the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code inputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  @Override
  public ModelSpan inputs(Map<String, ?> inputs) {
    super.inputs(inputs);
    return this;
  }

  /**
   * Adds output data; see {@link Span#outputs}.
   *
   * @param outputs the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code outputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  @Override
  public ModelSpan outputs(Map<String, ?> outputs) {
    super.outputs(outputs);
    return this;
  }

  /**
   * Adds configuration; see {@link Span#config}.
   *
   * @param config the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code config} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  @Override
  public ModelSpan config(Map<String, ?> config) {
    super.config(config);
    return this;
  }

  /**
   * Adds metadata; see {@link Span#metadata}.
   *
   * @param metadata the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code metadata} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  @Override
  public ModelSpan metadata(Map<String, ?> metadata) {
    super.metadata(metadata);
    return this;
  }

  /**
   * Adds metric values; see {@link Span#metrics}.
   *
   * @param metrics the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code metrics} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  @Override
  public ModelSpan metrics(Map<String, ?> metrics) {
    super.metrics(metrics);
    return this;
  }

  /**
   * Adds feedback; see {@link Span#feedback}.
   *
   * @param feedback the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code feedback} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  @Override
  public ModelSpan feedback(Map<String, ?> feedback) {
    super.feedback(feedback);
    return this;
  }

  /**
   * Adds end-user properties; see {@link Span#userProperties}.
   *
   * @param userProperties the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code userProperties} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  @Override
  public ModelSpan userProperties(Map<String, ?> userProperties) {
    super.userProperties(userProperties);
    return this;
  }

  /**
   * Marks the span failed with {@code message}; see {@link Span#error(String)}.
   *
   * @param message a description of the failure
   * @return this span
   * @throws NullPointerException if {@code message} is null
   */
  @Override
  public ModelSpan error(String message) {
    super.error(message);
    return this;
  }

  /**
   * Marks the span failed with {@code error}'s class and message; see {@link Span#error(Throwable)}.
   *
   * @param error the failure; its stack trace is not recorded
   * @return this span
   * @throws NullPointerException if {@code error} is null
   */
  @Override
  public ModelSpan error(Throwable error) {
    super.error(error);
    return this;
  }
}
