package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.internal.propagation.IncomingTrace;
import ai.honeyhive.internal.propagation.TraceHeaders;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a service logs the events of a request that another service traced: built by
 * {@link HoneyHive#continueTrace(java.util.Map, String)} from the request's headers. Events logged on it join the
 * caller's session; they nest under the caller's span when the headers named one (the full form, as written by
 * {@link EventScope#injectHeaders(java.util.Map)}), and become top-level steps of the session when only the session
 * id came (the simple form of HoneyHive's other SDKs). When the headers carry no usable session id, a fresh session
 * was started instead, under the name given to {@code continueTrace}; {@link #isContinued()} tells which.
 *
 * <pre>{@code
 * try (ContinuedTrace trace = hh.continueTrace(exchange.getRequestHeaders(), "inventory-service")) {
 *   trace.tool("stock-lookup").inputs(Map.of("sku", sku)).call(() -> stock.lookup(sku));
 * }
 * }</pre>
 *
 * <p>The session belongs to the caller: nothing here ends, updates or enriches it unless you ask with
 * {@link #updateSession()}. Closing a continued trace sends nothing (the caller's span lists its own children only;
 * these events point to it through their {@code parent_id}). This keeps a hand-off safe when the caller delivers in
 * batches: its session start may reach HoneyHive after this service's events, which only name the session, but an
 * update of a session HoneyHive does not have yet fails. Closing a fresh one ends the session it started.
 * Events take this service's client {@code source}; when the client has none, the source that came in the headers.
 * {@link #injectHeaders(java.util.Map) Injecting} from here passes the same session, parent, project and session name
 * on, so a third service joins the trace too. Thread-safe.
 */
public final class ContinuedTrace extends EventScope implements AutoCloseable {
  private final UUID parentId;
  private final Session fresh;
  private final String project;
  private final String source;
  private final String sessionName;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ContinuedTrace(Client client, UUID sessionId, UUID parentId, Session fresh, String project, String source,
      String sessionName) {
    super(client, sessionId);
    this.parentId = parentId;
    this.fresh = fresh;
    this.project = project;
    this.source = source;
    this.sessionName = sessionName;
  }

  /**
   * Continues the trace {@code incoming} names: joins its session, under its parent (the session itself when it
   * names none), its events taking the incoming source when {@code client} has no default source. When it names no
   * usable session, starts a fresh session named {@code fallbackSessionName} instead, whose events go there.
   *
   * @param fallbackSessionName checked by the caller
   * @throws HoneyHiveException in the synchronous mode, if the fresh session's start failed
   */
  static ContinuedTrace of(Client client, IncomingTrace incoming, String fallbackSessionName) {
    if (incoming.sessionId() == null) {
      TraceHeaders.log.debug("no usable session id in the headers: starting a fresh session '{}'",
          fallbackSessionName);
      Session fresh = new SessionBuilder(client, fallbackSessionName).start();
      return new ContinuedTrace(client, fresh.sessionId, fresh.sessionId, fresh, null, null,
          fresh.propagatedSessionName());
    }
    UUID parent = incoming.parentId() != null ? incoming.parentId() : incoming.sessionId();
    return new ContinuedTrace(client.withDefaultSource(incoming.source()), incoming.sessionId(), parent, null,
        incoming.project(), incoming.source(), incoming.sessionName());
  }

  /**
   * Returns whether the headers named a session to join. False when a fresh session was started because they did
   * not (no trace context, or only malformed values; the problems were logged at debug level, logger
   * {@code ai.honeyhive.propagation}).
   *
   * @return true when events join the caller's session
   */
  public boolean isContinued() {
    return fresh == null;
  }

  /**
   * Returns the {@code parent_id} events logged here receive: the caller's span event id, or the session id when the
   * headers named no span (and for a fresh session).
   *
   * @return a UUID string
   */
  public String parentId() {
    return parentId.toString();
  }

  /**
   * Returns the project that came in the headers ({@code project}, {@code honeyhive_project} or
   * {@code honeyhive.project}), passed on by {@link #injectHeaders(java.util.Map)}. Informational: API keys are
   * project-scoped, so events go to the project of this client's key.
   *
   * @return the project, or empty when none came
   */
  public Optional<String> project() {
    return Optional.ofNullable(project);
  }

  /**
   * Returns the source that came in the headers ({@code source}, {@code honeyhive_source} or
   * {@code honeyhive.source}).
   *
   * @return the source, or empty when none came
   */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /**
   * Returns the session's name as it came in the headers ({@code session_name}, written by HoneyHive's Python SDK and
   * by this client when it started the session), passed on by {@link #injectHeaders(java.util.Map)}; for a fresh
   * session, the name it was started with. Informational: nothing is sent with it.
   *
   * @return the session name, or empty when none came
   */
  public Optional<String> sessionName() {
    return Optional.ofNullable(sessionName);
  }

  /**
   * Starts building an update of the session this trace logs into, for the rare service that must enrich the
   * caller's session (feedback, metadata, ...); {@link EventUpdate#send()} sends it. Nothing else in a continued trace
   * updates the session. Maps are merged into the stored session; outputs, end time and {@code children_ids} replace
   * it, so leave those to the service that started the session.
   *
   * <p>Ask only when the caller's session start has reached HoneyHive: in the {@link DeliveryMode#BATCHED} mode the
   * caller's start may still be queued on its side, and an update of a session HoneyHive does not have yet fails
   * ({@link NotFoundException} in the synchronous mode, else reported to the {@link DeliveryListener}); it is not
   * retried. The caller can make sure with {@link HoneyHive#flush} after starting the session, before it calls out.
   * For a fresh trace ({@link #isContinued()} false) this updates the session this handle started.
   *
   * @return a builder for the update, queued behind this client's earlier writes of the session
   */
  public EventUpdate updateSession() {
    return new EventUpdate(client, sessionId.toString(), sessionId);
  }

  /**
   * Ends the session this handle started when the headers could not be continued; does nothing for a continued trace,
   * whose session the caller ends. Idempotent. Never throws: a failure to end the session is logged (logger
   * {@code ai.honeyhive.propagation}).
   */
  @Override
  public void close() {
    if (fresh == null || !closed.compareAndSet(false, true)) {
      return;
    }
    try {
      fresh.end();
    } catch (HoneyHiveException | IllegalArgumentException e) {
      TraceHeaders.log.warn("could not end session {}: {}", sessionId, e.getMessage());
    }
  }

  @Override
  UUID parentEventId() {
    return parentId;
  }

  @Override
  void adopt(UUID child) {
    if (fresh != null) {
      fresh.adopt(child);
    }
  }

  @Override
  void disown(UUID child) {
    if (fresh != null) {
      fresh.disown(child);
    }
  }

  @Override
  String propagatedProject() {
    return project;
  }

  @Override
  String propagatedSessionName() {
    return sessionName;
  }

  @Override
  public String toString() {
    return "ContinuedTrace{sessionId=" + sessionId + ", parentId=" + parentId
        + (fresh != null ? ", fresh session" : "") + "}";
  }
}
