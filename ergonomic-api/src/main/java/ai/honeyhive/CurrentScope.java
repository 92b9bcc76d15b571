package ai.honeyhive;

import ai.honeyhive.internal.bridge.ContextBridge.Detach;
import ai.honeyhive.internal.bridge.ContextBridges;
import ai.honeyhive.internal.propagation.TraceHeaders;
import java.util.UUID;

/**
 * Marks an {@link EventScope} as the current one of this thread until closed; returned by
 * {@link EventScope#makeCurrent()}. Closing it restores the scope that was current before. Use it in
 * try-with-resources, on the thread that made the scope current:
 *
 * <pre>{@code
 * try (Span call = chain.tool("inventory-service").start();
 *      CurrentScope current = call.makeCurrent()) {
 *   http.newCall(request).execute();   // TracePropagation.okHttpInterceptor() adds call's headers
 * }
 * }</pre>
 *
 * <p>The current scope is a thread-local: it does not flow to other threads on its own, neither to an executor's
 * tasks nor to the threads OkHttp uses for {@code enqueue}. Hand it over there: run the tasks through an executor
 * wrapped by {@link HoneyHiveContext#wrap(java.util.concurrent.Executor)} (or wrap each task), call
 * {@code makeCurrent()} inside the task, or tag the OkHttp request (see {@link TracePropagation}). Closing a
 * {@code CurrentScope} a second time, or on another thread, does nothing.
 *
 * <p>With the {@code honeyhive-opentelemetry} module and a live HoneyHive span exporter, the scope is also made
 * current in OpenTelemetry's context, so spans OpenTelemetry starts meanwhile nest under it; closing restores that
 * context too.
 */
public final class CurrentScope implements AutoCloseable {
  private static final ThreadLocal<EventScope> CURRENT = new ThreadLocal<>();

  private final EventScope scope;
  private final EventScope previous;
  private final Thread thread;
  private final Detach detach;
  private boolean closed;

  private CurrentScope(EventScope scope, EventScope previous, Thread thread, Detach detach) {
    this.scope = scope;
    this.previous = previous;
    this.thread = thread;
    this.detach = detach;
  }

  static CurrentScope attach(EventScope scope) {
    EventScope previous = CURRENT.get();
    CURRENT.set(scope);
    return new CurrentScope(scope, previous, Thread.currentThread(), bridge(scope));
  }

  /** Returns the current scope of this thread, or null. */
  static EventScope get() {
    return CURRENT.get();
  }

  /**
   * Makes {@code scope} the current one of this thread, or none when it is null, until the returned handle is closed,
   * for {@link HoneyHiveContext}'s tasks and the builders' {@code call}. Closing the handle puts back the scope it
   * replaced, whatever the body made current and left open.
   */
  static Entered enter(EventScope scope) {
    EventScope replaced = CURRENT.get();
    set(scope);
    return new Entered(replaced, scope == null ? Detach.NOTHING : bridge(scope));
  }

  /** What {@link #enter} replaced, put back by {@link #close()}. */
  record Entered(EventScope replaced, Detach detach) implements AutoCloseable {
    @Override
    public void close() {
      detach.close();
      set(replaced);
    }
  }

  private static void set(EventScope scope) {
    if (scope == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(scope);
    }
  }

  /** Makes {@code scope} current in the other tracer's context too, when a bridge is on the class path. */
  private static Detach bridge(EventScope scope) {
    UUID event = scope.parentEventId();
    return ContextBridges.get().attach(scope.sessionId, event != null ? event : scope.sessionId, scope);
  }

  /**
   * Returns the scope this made current.
   *
   * @return the scope
   */
  public EventScope scope() {
    return scope;
  }

  /**
   * Restores the scope that was current before {@link EventScope#makeCurrent()} (or none). Closing out of order,
   * while a scope made current later is still open, is logged at debug level and restores this one's predecessor all
   * the same. Never throws.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      TraceHeaders.log.debug("ignoring close() of the current scope {} on thread {}: it was made current on {}",
          scope, Thread.currentThread().getName(), thread.getName());
      return;
    }
    closed = true;
    detach.close();
    if (CURRENT.get() != scope) {
      TraceHeaders.log.debug("closing current scope {} out of order: {} is current", scope, CURRENT.get());
    }
    set(previous);
  }

  @Override
  public String toString() {
    return "CurrentScope{" + scope + "}";
  }
}
