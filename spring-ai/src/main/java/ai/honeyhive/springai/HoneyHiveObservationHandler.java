package ai.honeyhive.springai;

import ai.honeyhive.EventScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.ModelSpan;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.springai.internal.Capture;
import ai.honeyhive.springai.internal.ChatClientEvents;
import ai.honeyhive.springai.internal.ChatModelEvents;
import ai.honeyhive.springai.internal.OpenCalls;
import ai.honeyhive.springai.internal.OpenEvent;
import ai.honeyhive.springai.internal.ToolCallEvents;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A Micrometer {@link ObservationHandler} that records Spring AI's observations as HoneyHive events:
 * <ul>
 *   <li>{@link ChatClientObservationContext} ({@code spring.ai.chat.client}, a {@code ChatClient} call or stream): a
 *       chain event named {@code spring_ai.chat_client}</li>
 *   <li>{@link ChatModelObservationContext} ({@code gen_ai.client.operation}, a {@code ChatModel} call or stream): a
 *       model event with the model, provider, request options, prompt messages, completion, tool calls requested,
 *       token usage, finish reason, response id and error</li>
 *   <li>{@link ToolCallingObservationContext} ({@code spring.ai.tool}, one tool execution): a tool event with the
 *       tool's arguments and result</li>
 * </ul>
 * Register it on the {@code ObservationRegistry} the Spring AI models and clients use:
 * {@code registry.observationConfig().observationHandler(HoneyHiveObservationHandler.create(hh))}; in a Spring Boot
 * application, declaring it as a bean is enough (Boot registers every {@code ObservationHandler} bean).
 *
 * <h2>Nesting</h2>
 * When an observation starts, its event is opened under, in this order: the event of its nearest ancestor observation
 * that this handler recorded (so a tool call nests under the model call, and a model call under the chat-client
 * call); else the HoneyHive scope current on the starting thread ({@link EventScope#current()}, such as a user's
 * {@code session.chain("answer").run(...)}); else a new session, named by {@link Builder#sessionName}, opened for that
 * top-level observation and ended when it stops.
 *
 * <h2>Content</h2>
 * Prompts, completions, tool-call arguments and tool results are read from the observation contexts and recorded by
 * default, whatever Spring AI's own {@code log-prompt} and {@code include-content} settings say;
 * {@link Builder#captureContent(boolean)} turns that off, and {@link Builder#redact(UnaryOperator)} rewrites every
 * recorded text first.
 *
 * <h2>Failures</h2>
 * Never throws into the observed code: a failure to record is logged (SLF4J, logger
 * {@code ai.honeyhive.springai.HoneyHiveObservationHandler}, with the observation's name and the exception's class,
 * never content) and the observation goes on. Thread-safe: the open event is kept in the observation's context, so a
 * streamed call that stops on another thread closes the right event.
 */
public final class HoneyHiveObservationHandler implements ObservationHandler<Observation.Context> {
  private static final Logger log = LoggerFactory.getLogger(HoneyHiveObservationHandler.class);

  /** The key under which the open event is kept in the observation's context. */
  private static final Object KEY = OpenEvent.class;

  private final HoneyHive client;
  private final String sessionName;
  private final Capture capture;
  private final OpenCalls openCalls = new OpenCalls();

  private HoneyHiveObservationHandler(Builder builder) {
    this.client = builder.client;
    this.sessionName = builder.sessionName;
    this.capture = new Capture(builder.captureContent, builder.redactor);
  }

  /**
   * Returns a handler with the defaults: content captured, not redacted, session name {@code spring-ai}.
   *
   * @param client the client that sends the events
   * @return the handler
   * @throws NullPointerException if {@code client} is null
   */
  public static HoneyHiveObservationHandler create(HoneyHive client) {
    return builder(client).build();
  }

  /**
   * Returns a builder of a handler sending through {@code client}.
   *
   * @param client the client that sends the events
   * @return a builder with the defaults of {@link #create}
   * @throws NullPointerException if {@code client} is null
   */
  public static Builder builder(HoneyHive client) {
    return new Builder(Objects.requireNonNull(client, "client == null"));
  }

  /**
   * Accepts Spring AI's chat-client, chat-model and tool-calling observation contexts.
   *
   * @param context the observation's context
   * @return whether this handler records it
   */
  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof ChatModelObservationContext
        || context instanceof ChatClientObservationContext
        || context instanceof ToolCallingObservationContext;
  }

  /**
   * Opens the observation's event, nested as the class description says, and keeps it in the context.
   *
   * @param context the observation's context
   */
  @Override
  public void onStart(Observation.Context context) {
    Session ownSession = null;
    try {
      EventScope parent = parentOf(context);
      if (parent == null) {
        ownSession = client.session(sessionName).start();
        parent = ownSession;
      }
      Span span = open(parent, context);
      context.put(KEY, new OpenEvent(span, ownSession));
      openCalls.opened();
    } catch (RuntimeException | LinkageError e) {
      if (ownSession != null) {
        ownSession.close();
      }
      warn("start", context, e);
    }
  }

  /**
   * Records the observation's outcome (response, tool result, error) on its event and closes it; ends the session
   * opened for it, if any.
   *
   * @param context the observation's context
   */
  @Override
  public void onStop(Observation.Context context) {
    OpenEvent open;
    try {
      open = context.get(KEY);
    } catch (RuntimeException e) {
      return;
    }
    if (open == null) {
      return;
    }
    try {
      record(open.span(), context);
    } catch (RuntimeException | LinkageError e) {
      warn("record", context, e);
    } finally {
      try {
        open.span().close();
        if (open.ownSession() != null) {
          open.ownSession().close();
        }
      } finally {
        openCalls.closed();
      }
    }
  }

  /**
   * Waits until every observed call this handler opened an event for has stopped (and so has queued its events), for
   * at most {@code timeout}. Call it before closing the client when an application shuts down right after a call:
   * Spring AI stops a streamed call's observations only after its last part has reached the caller. The Spring Boot
   * auto-configuration does so when the context closes. Returns at once when nothing is open.
   *
   * @param timeout the longest wait; zero or negative only checks
   * @return true if no call is open, false if some still were when the time ran out or the thread was interrupted
   *     (its interrupt status is then set again)
   * @throws NullPointerException if {@code timeout} is null
   */
  public boolean awaitOpenCalls(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    try {
      return openCalls.awaitNone(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Span open(EventScope parent, Observation.Context context) {
    if (context instanceof ChatModelObservationContext model) {
      return ChatModelEvents.start(parent, model, capture);
    }
    if (context instanceof ChatClientObservationContext chat) {
      return ChatClientEvents.start(parent, chat, capture);
    }
    return ToolCallEvents.start(parent, (ToolCallingObservationContext) context, capture);
  }

  private void record(Span span, Observation.Context context) {
    if (context instanceof ChatModelObservationContext model && span instanceof ModelSpan modelSpan) {
      ChatModelEvents.stop(modelSpan, model, capture);
    } else if (context instanceof ChatClientObservationContext chat) {
      ChatClientEvents.stop(span, chat, capture);
    } else if (context instanceof ToolCallingObservationContext tool) {
      ToolCallEvents.stop(span, tool, capture);
    }
  }

  /** The event of the nearest ancestor observation this handler recorded, else the current scope, else null. */
  private static EventScope parentOf(Observation.Context context) {
    ObservationView ancestor = context.getParentObservation();
    for (int depth = 0; ancestor != null && depth < 64; depth++) {
      Observation.ContextView view = ancestor.getContextView();
      if (view == null) {
        break;
      }
      Object open = view.get(KEY);
      if (open instanceof OpenEvent event && !event.span().isClosed()) {
        return event.span();
      }
      ancestor = view.getParentObservation();
    }
    return EventScope.current().orElse(null);
  }

  private static void warn(String what, Observation.Context context, Throwable e) {
    log.warn("HoneyHive could not {} the event of observation {}: {}", what, context.getName(),
        e.getClass().getName());
  }

  @Override
  public String toString() {
    return "HoneyHiveObservationHandler{captureContent=" + capture.enabled() + ", sessionName=" + sessionName + "}";
  }

  /** Builds a {@link HoneyHiveObservationHandler}; every option has a default. */
  public static final class Builder {
    private final HoneyHive client;
    private boolean captureContent = true;
    private UnaryOperator<String> redactor = UnaryOperator.identity();
    private String sessionName = "spring-ai";

    private Builder(HoneyHive client) {
      this.client = client;
    }

    /**
     * Whether prompts, completions, tool-call arguments and tool results are recorded. Default value is
     * {@code true}. Off, events keep their names, timing, model parameters, token usage and errors.
     *
     * @param captureContent whether to record content
     * @return this builder
     */
    public Builder captureContent(boolean captureContent) {
      this.captureContent = captureContent;
      return this;
    }

    /**
     * A hook applied to every recorded text (message contents, completions, tool-call arguments, tool results)
     * before it is recorded; returning null leaves that text out. If it throws, the text is recorded as
     * {@code [redaction failed]}, never unredacted. Default: none.
     *
     * @param redactor the hook
     * @return this builder
     * @throws NullPointerException if {@code redactor} is null
     */
    public Builder redact(UnaryOperator<String> redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      return this;
    }

    /**
     * The name of the session opened for an observation that starts with neither a recorded parent observation nor
     * a current HoneyHive scope. Default value is {@code spring-ai}.
     *
     * @param sessionName the session name; must not be blank
     * @return this builder
     * @throws IllegalArgumentException if {@code sessionName} is null or blank
     */
    public Builder sessionName(String sessionName) {
      if (sessionName == null || sessionName.isBlank()) {
        throw new IllegalArgumentException("sessionName must not be blank");
      }
      this.sessionName = sessionName;
      return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     */
    public HoneyHiveObservationHandler build() {
      return new HoneyHiveObservationHandler(this);
    }
  }
}
