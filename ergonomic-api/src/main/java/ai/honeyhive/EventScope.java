package ai.honeyhive;

import ai.honeyhive.internal.bridge.ContextBridges;
import ai.honeyhive.internal.bridge.ForeignSpan;
import ai.honeyhive.internal.propagation.TraceContext;
import ai.honeyhive.internal.propagation.TraceHeaders;
import ai.honeyhive.internal.wire.Ids;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Somewhere events can be logged: a {@link Session} (events become its top-level steps), an open {@link Span}
 * (events nest under it: their {@code parent_id} is the span's event id, and the span lists them in
 * {@code children_ids}), or a {@link ContinuedTrace} (events join another service's session). Thread-safe.
 *
 * <h2>Distributed tracing</h2>
 * A scope writes its trace context into the headers of an outgoing request ({@link #injectHeaders(Map)}), and the
 * service receiving it continues the trace ({@link HoneyHive#continueTrace(Map, String)}): its events join this
 * session, nested under this scope. The headers:
 * <pre>
 * traceparent: 00-{session id without dashes}-{last 16 hex digits of the parent event id}-01
 * baggage: session_id={session id},parent_id={parent event id},honeyhive_parent_id={parent event id},
 *          source={source},project={project},session_name={session name}
 * </pre>
 * {@code traceparent} is a valid W3C Trace Context header (version 00, sampled) whose trace id is the session id, so
 * every service of one session shares one trace id. {@code baggage} is a W3C Baggage header: {@code session_id} always;
 * the event id of this scope, unless the scope is the session itself, under {@code parent_id} (read by HoneyHive's
 * Python SDK) and {@code honeyhive_parent_id} (read by earlier versions of this client); {@code source}, the source
 * this scope's events get (the client's, or for a continued trace whose client has none, the one that came in), when
 * there is one; {@code project} when it came in with a continued trace; {@code session_name} when known: the session
 * was started by this client, or the name came in with a continued trace. Values are percent-encoded where W3C
 * Baggage requires it, and {@code +} too (Python decodes it as a space).
 *
 * <p>{@link #makeCurrent()} makes a scope the current one of the thread, for {@link TracePropagation}'s OkHttp
 * interceptor and {@code HttpClient} helper to inject without being handed the scope.
 */
public abstract class EventScope {
  final Client client;
  final UUID sessionId;

  EventScope(Client client, UUID sessionId) {
    this.client = client;
    this.sessionId = sessionId;
  }

  /**
   * Returns the id of the session everything in this scope belongs to.
   *
   * @return the session id, a UUID string
   */
  public final String sessionId() {
    return sessionId.toString();
  }

  /**
   * Starts building a model (LLM) event named {@code model}; the name also goes into {@code config.model}.
   *
   * @param model the model's name, such as {@code "gpt-4o"}; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code model} is blank or holds a lone UTF-16 surrogate
   */
  public final ModelEventBuilder model(String model) {
    return new ModelEventBuilder(client, this, Checks.name("model", model));
  }

  /**
   * Starts building a tool event (vector search, function call, external API) named {@code name}.
   *
   * @param name the tool's name, such as {@code "vector-search"}; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public final EventBuilder tool(String name) {
    return new EventBuilder(client, this, EventType.TOOL, Checks.name("name", name));
  }

  /**
   * Starts building a chain event named {@code name}: a group of steps; {@link EventBuilder#start()} it to nest
   * events under it.
   *
   * @param name the chain's name; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public final EventBuilder chain(String name) {
    return new EventBuilder(client, this, EventType.CHAIN, Checks.name("name", name));
  }

  /**
   * Writes this scope's trace context into {@code headers}: {@code traceparent} and {@code baggage}, in the formats
   * described on {@link EventScope}. An entry of the same name in another letter case is replaced; members of an
   * existing {@code baggage} entry that are not HoneyHive's are kept after this scope's. Sends nothing.
   *
   * @param headers the outgoing headers; must be mutable
   * @throws NullPointerException if {@code headers} is null
   */
  public final void injectHeaders(Map<String, String> headers) {
    TraceHeaders.inject(traceContext(), Checks.notNull("headers", headers));
  }

  /**
   * Writes this scope's trace context through {@code setter}, called once with {@code ("traceparent", value)} and once
   * with {@code ("baggage", value)}; the formats are described on {@link EventScope}. For a builder whose headers
   * cannot be read, such as {@code HttpRequest.Builder}: {@code span.injectHeaders(requestBuilder::setHeader)}. The
   * setter decides whether an existing header is replaced or a second one added. Sends nothing.
   *
   * @param setter receives each header's name and value
   * @throws NullPointerException if {@code setter} is null
   */
  public final void injectHeaders(BiConsumer<String, String> setter) {
    TraceHeaders.inject(traceContext(), Checks.notNull("setter", setter));
  }

  /**
   * Makes this scope the current one of the calling thread until the returned handle is closed; then the scope that
   * was current before is again. {@link TracePropagation#okHttpInterceptor()} and
   * {@link TracePropagation#inject(java.net.http.HttpRequest.Builder)} inject the current scope's headers, and
   * {@link CurrentSpan} enriches it when it is a span. The current scope does not pass to other threads on its own
   * (executor tasks, OkHttp's {@code enqueue}): wrap the executor or the task with {@link HoneyHiveContext}, or call
   * this on each thread that needs it.
   *
   * @return the handle that restores the previous scope when closed; use it in try-with-resources
   */
  public final CurrentScope makeCurrent() {
    return CurrentScope.attach(this);
  }

  /**
   * Returns the scope the calling thread made current with {@link #makeCurrent()} and has not closed yet, or that a
   * builder's {@code call} or {@code run} made current for its body. To enrich the current span without a cast, use
   * {@link CurrentSpan}.
   *
   * @return the current scope, or empty when there is none
   */
  public static Optional<EventScope> current() {
    return Optional.ofNullable(CurrentScope.get());
  }

  /** What this scope passes on to the services it calls. */
  private TraceContext traceContext() {
    return new TraceContext(sessionId, parentEventId(), client.defaultSource, propagatedProject(),
        propagatedSessionName());
  }

  /** The project to pass on in baggage: only a continued trace (and the spans in it) knows one. */
  String propagatedProject() {
    return null;
  }

  /** The session name to pass on in baggage, or null when this scope does not know it (an attached session). */
  String propagatedSessionName() {
    return null;
  }

  /**
   * Delivers an event logged in this scope ({@link BaseEventBuilder#log()}): sent or queued by the client's delivery;
   * an imported session keeps it instead.
   *
   * @return false if it was dropped at once (counted), true if it was sent, queued or kept
   */
  boolean deliver(ai.honeyhive.client.model.Event event, long fieldBytes) {
    return client.send(event, fieldBytes);
  }

  /**
   * Whether events in this scope may be opened as spans, timed by the clock. An imported session takes only events
   * whose times are given.
   */
  boolean allowsSpans() {
    return true;
  }

  /**
   * The {@code parent_id} of an event logged or started in this scope now: {@link #parentEventId()}, unless another
   * tracer's span (OpenTelemetry's, through the bridge) is current, belongs to this session and was started inside
   * this scope (or this scope is the session): then that span, so the event nests where it ran.
   */
  final UUID parentForNewEvent() {
    UUID own = parentEventId();
    if (sessionId == null || !allowsSpans()) {
      return own;
    }
    ForeignSpan foreign = ContextBridges.get().current();
    if (foreign == null || !foreign.traceSession().equals(sessionId)
        || (foreign.honeyHiveScope() != this && !(this instanceof Session))) {
      return own;
    }
    return foreign.eventIn(sessionId);
  }

  /**
   * A new id for an event of this scope: the session's first 64 bits and 64 random ones (see {@link Ids#newEventId});
   * a random one in an import, whose session id the server makes.
   */
  final UUID newEventId() {
    return sessionId != null ? Ids.newEventId(sessionId) : Ids.newId();
  }

  /** The {@code parent_id} of events logged in this scope; null to send none (the session is the parent). */
  abstract UUID parentEventId();

  /** Records that {@code child} was logged in this scope, for {@code children_ids}. */
  abstract void adopt(UUID child);

  /**
   * Takes back {@link #adopt}: {@code child} (a span, adopted when it started) never reached the server, dropped or
   * failed when it closed, so {@code children_ids} must not name it.
   */
  abstract void disown(UUID child);
}
