package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
   * @param provider the provider's name; must not be blank or hold a lone UTF-16 surrogate
   * @return this builder
   */
  public ModelEventBuilder provider(String provider) {
    ModelFields.provider(draft, provider);
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

  /**
   * Runs {@code body} inside a {@link ModelSpan}, handing it the span, and returns its result; otherwise like
   * {@link #call(SpanCallable)}: an exception is recorded and rethrown, the span is sent when the body ends, and it
   * is the thread's current scope while the body runs. The body records what the model answered on the span:
   * <pre>{@code
   * Reply reply = session.model("gpt-4o").message("user", q).call(llm -> {
   *   Reply r = openai.chat(q);
   *   llm.completion(r.text()).usage(r.promptTokens(), r.completionTokens());
   *   return r;
   * });
   * }</pre>
   *
   * @param <T> the body's result type
   * @param <E> the exception the body may throw
   * @param body the code to time, given the open span
   * @return what {@code body} returned
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public <T, E extends Throwable> T call(SpanFunction<? super ModelSpan, T, E> body) throws E {
    Checks.notNull("body", body);
    return runIn(start(), body, null);
  }

  /**
   * Like {@link #call(SpanFunction)}, and records what {@code outputs} makes of the result in the event's
   * {@code outputs}; see {@link #call(SpanCallable, Function)} for when it is called and what happens if it fails.
   *
   * @param <T> the body's result type
   * @param <E> the exception the body may throw
   * @param body the code to time, given the open span
   * @param outputs makes the entries to record from the result, such as {@code r -> Map.of("content", r.text())}
   * @return what {@code body} returned
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} or {@code outputs} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public <T, E extends Throwable> T call(SpanFunction<? super ModelSpan, T, E> body,
      Function<? super T, ? extends Map<String, ?>> outputs) throws E {
    Checks.notNull("body", body);
    Checks.notNull("outputs", outputs);
    return runIn(start(), body, outputs);
  }

  /**
   * Like {@link #call(SpanFunction)}, for a block without a result.
   *
   * @param <E> the exception the body may throw
   * @param body the code to time, given the open span
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public <E extends Throwable> void run(SpanConsumer<? super ModelSpan, E> body) throws E {
    Checks.notNull("body", body);
    runIn(start(), span -> {
      body.accept(span);
      return null;
    }, null);
  }

  @Override
  ModelSpan newSpan(UUID eventId, EventDraft spanDraft, long startNanos) {
    return new ModelSpan(client, parent, name, eventId, spanDraft, startNanos);
  }
}
