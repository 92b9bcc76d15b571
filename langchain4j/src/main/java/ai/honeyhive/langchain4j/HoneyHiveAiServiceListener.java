package ai.honeyhive.langchain4j;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.langchain4j.internal.service.AiServiceCalls;
import ai.honeyhive.langchain4j.internal.support.Capture;
import ai.honeyhive.langchain4j.internal.support.Safely;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceRequestIssuedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.service.tool.ToolExecution;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Records LangChain4j AI-service invocations as HoneyHive chain events (one per invocation id, with the method's
 * arguments and result) and their tool executions as tool events (arguments, result, real start and finish times).
 * The model events of an invocation, recorded by {@link HoneyHiveChatModelListener} on the service's chat model,
 * nest under its chain. Register both on the service's builder:
 *
 * <pre>{@code
 * HoneyHiveAiServiceListener services = HoneyHiveAiServiceListener.create(hh);
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)                         // built with .listeners(List.of(HoneyHiveChatModelListener.create(hh)))
 *     .tools(new WeatherTools())
 *     .registerListeners(services.listeners())
 *     .afterToolExecution(services::afterToolExecution)
 *     .build();
 * }</pre>
 *
 * <p>LangChain4j marks its AI-service observability experimental. The chain nests under the scope current when the
 * invocation started; with none, the invocation gets a session of its own named {@code Interface.method}. Nothing
 * this listener does throws into the service. Thread-safe.
 */
public final class HoneyHiveAiServiceListener {
  private final AiServiceCalls calls;
  private final List<AiServiceListener<?>> listeners;

  private HoneyHiveAiServiceListener(HoneyHive hh, Capture capture) {
    this.calls = new AiServiceCalls(hh, capture);
    AiServiceStartedListener started = new AiServiceStartedListener() {
      @Override
      public void onEvent(AiServiceStartedEvent event) {
        Safely.run("AI service started", () -> calls.started(event.invocationContext()));
      }
    };
    AiServiceRequestIssuedListener requestIssued = new AiServiceRequestIssuedListener() {
      @Override
      public void onEvent(AiServiceRequestIssuedEvent event) {
        Safely.run("AI service request issued", () -> calls.requestIssued(event.invocationContext()));
      }
    };
    AiServiceCompletedListener completed = new AiServiceCompletedListener() {
      @Override
      public void onEvent(AiServiceCompletedEvent event) {
        Safely.run("AI service completed", () -> calls.completed(event.invocationContext(), event.result()));
      }
    };
    AiServiceErrorListener failed = new AiServiceErrorListener() {
      @Override
      public void onEvent(AiServiceErrorEvent event) {
        Safely.run("AI service error", () -> calls.failed(event.invocationContext(), event.error()));
      }
    };
    this.listeners = List.of(started, requestIssued, completed, failed);
  }

  /**
   * Returns a listener that captures content, not redacted.
   *
   * @param hh the client the events are sent with; not closed by the listener
   * @return the listener
   * @throws NullPointerException if {@code hh} is null
   */
  public static HoneyHiveAiServiceListener create(HoneyHive hh) {
    return create(hh, true, UnaryOperator.identity());
  }

  /**
   * Returns a listener with the given content settings, which mean what they mean on
   * {@link HoneyHiveChatModelListener.Builder#captureContent} and {@link HoneyHiveChatModelListener.Builder#redactor}
   * (here: method arguments, results, tool arguments and tool results).
   *
   * @param hh the client the events are sent with; not closed by the listener
   * @param captureContent false to record no texts, only names, ids and times
   * @param redactor applied to every recorded text
   * @return the listener
   * @throws NullPointerException if {@code hh} or {@code redactor} is null
   */
  public static HoneyHiveAiServiceListener create(HoneyHive hh, boolean captureContent,
      UnaryOperator<String> redactor) {
    Objects.requireNonNull(hh, "hh == null");
    Objects.requireNonNull(redactor, "redactor == null");
    return new HoneyHiveAiServiceListener(hh, new Capture(captureContent, redactor));
  }

  /**
   * Returns the listeners to pass to {@code AiServices.builder(...).registerListeners(...)}: invocation started,
   * model request issued (so that every model turn, streamed ones on LangChain4j's threads included, nests under the
   * invocation's chain), completed and failed.
   *
   * @return the listeners, an unmodifiable list
   */
  public List<AiServiceListener<?>> listeners() {
    return listeners;
  }

  /**
   * Logs a tool event for a finished tool execution; pass it as {@code .afterToolExecution(l::afterToolExecution)}.
   *
   * @param execution the execution LangChain4j reports
   */
  public void afterToolExecution(ToolExecution execution) {
    Safely.run("afterToolExecution", () -> calls.toolExecuted(execution));
  }
}
