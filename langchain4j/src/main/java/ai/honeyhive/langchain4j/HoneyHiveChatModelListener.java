package ai.honeyhive.langchain4j;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.langchain4j.internal.support.Capture;
import ai.honeyhive.langchain4j.internal.model.ModelCalls;
import ai.honeyhive.langchain4j.internal.support.Safely;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A LangChain4j {@link ChatModelListener} that records every call of a {@code ChatModel} or
 * {@code StreamingChatModel} as a HoneyHive model event: model name, provider, request parameters, tools offered,
 * the request messages, the completion, tool calls requested, token usage, finish reason, response id and model,
 * timing and errors. Register it on the model's builder:
 *
 * <pre>{@code
 * HoneyHive hh = HoneyHive.fromEnv();
 * ChatModel model = OpenAiChatModel.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .modelName("gpt-4o-mini")
 *     .listeners(List.of(HoneyHiveChatModelListener.create(hh)))
 *     .build();
 * }</pre>
 *
 * <p><b>Nesting.</b> The event nests under the scope current on the thread that made the call: the chain of an
 * AI-service invocation recorded by {@link HoneyHiveAiServiceListener}, else the client's current scope
 * ({@code EventScope.current()}, such as the span of {@code session.chain("answer").run(...)}). When there is none,
 * the call gets a session of its own, named after the model, ended with the call.
 *
 * <p><b>Streaming.</b> The listener keeps its state in the call's listener attributes, so a streamed response that
 * completes on another thread closes the event its request opened.
 *
 * <p><b>Failures.</b> Nothing the listener does throws into the model call: a failure is logged at WARN with its
 * exception type only, never with content. Thread-safe; one instance may serve any number of models.
 */
public final class HoneyHiveChatModelListener implements ChatModelListener {
  private final ModelCalls calls;

  private HoneyHiveChatModelListener(Builder builder) {
    this.calls = new ModelCalls(builder.hh, new Capture(builder.captureContent, builder.redactor));
  }

  /**
   * Returns a listener with the defaults: content captured, not redacted.
   *
   * @param hh the client the events are sent with; the listener does not close it
   * @return the listener
   * @throws NullPointerException if {@code hh} is null
   */
  public static HoneyHiveChatModelListener create(HoneyHive hh) {
    return builder(hh).build();
  }

  /**
   * Returns a builder for a listener sending with {@code hh}.
   *
   * @param hh the client the events are sent with; the listener does not close it
   * @return the builder
   * @throws NullPointerException if {@code hh} is null
   */
  public static Builder builder(HoneyHive hh) {
    return new Builder(Objects.requireNonNull(hh, "hh == null"));
  }

  /**
   * Opens the model event of a request.
   *
   * @param context the request, provider and attributes LangChain4j passes
   */
  @Override
  public void onRequest(ChatModelRequestContext context) {
    Safely.run("onRequest",
        () -> calls.request(context.chatRequest(), context.modelProvider(), context.attributes()));
  }

  /**
   * Records the response on the request's event and ends it.
   *
   * @param context the response and attributes LangChain4j passes
   */
  @Override
  public void onResponse(ChatModelResponseContext context) {
    Safely.run("onResponse", () -> calls.response(context.chatResponse(), context.attributes()));
  }

  /**
   * Records the error on the request's event and ends it.
   *
   * @param context the error and attributes LangChain4j passes
   */
  @Override
  public void onError(ChatModelErrorContext context) {
    Safely.run("onError", () -> calls.error(context.error(), context.attributes()));
  }

  /** Builds a {@link HoneyHiveChatModelListener}. Not thread-safe. */
  public static final class Builder {
    private final HoneyHive hh;
    private boolean captureContent = true;
    private UnaryOperator<String> redactor = UnaryOperator.identity();

    private Builder(HoneyHive hh) {
      this.hh = hh;
    }

    /**
     * Sets whether texts are recorded: message contents, the completion, tool-call arguments and error messages.
     * Off, the event keeps only their shapes (message roles, tool-call ids and names, parameters, usage). Default
     * value is {@code true}.
     *
     * @param captureContent false to record no content
     * @return this builder
     */
    public Builder captureContent(boolean captureContent) {
      this.captureContent = captureContent;
      return this;
    }

    /**
     * Sets a function applied to every text before it is recorded (to mask e-mail addresses or keys, say). A
     * redactor that throws or returns null makes the listener record {@code "[redaction failed]"} instead, never the
     * original text. Default: none (texts recorded as they are).
     *
     * @param redactor the function; called from any thread, so it must be thread-safe
     * @return this builder
     * @throws NullPointerException if {@code redactor} is null
     */
    public Builder redactor(UnaryOperator<String> redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      return this;
    }

    /**
     * Returns the listener.
     *
     * @return a new listener with this builder's settings
     */
    public HoneyHiveChatModelListener build() {
      return new HoneyHiveChatModelListener(this);
    }
  }
}
