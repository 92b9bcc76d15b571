package ai.honeyhive;

import ai.honeyhive.internal.propagation.TraceHeaders;

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
 */
public final class CurrentScope implements AutoCloseable {
  private static final ThreadLocal<EventScope> CURRENT = new ThreadLocal<>();

  private final EventScope scope;
  private final EventScope previous;
  private final Thread thread;
  private boolean closed;

  private CurrentScope(EventScope scope, EventScope previous, Thread thread) {
    this.scope = scope;
    this.previous = previous;
    this.thread = thread;
  }

  static CurrentScope attach(EventScope scope) {
    CurrentScope current = new CurrentScope(scope, CURRENT.get(), Thread.currentThread());
    CURRENT.set(scope);
    return current;
  }

  /** Returns the current scope of this thread, or null. */
  static EventScope get() {
    return CURRENT.get();
  }

  /**
   * Makes {@code scope} the current one of this thread, or none when it is null, and returns the one it replaced
   * (or null), for {@link HoneyHiveContext}'s tasks and the builders' {@code call} to put back with a second call. No
   * handle: the caller restores.
   */
  static EventScope swap(EventScope scope) {
    EventScope replaced = CURRENT.get();
    if (scope == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(scope);
    }
    return replaced;
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
    if (CURRENT.get() != scope) {
      TraceHeaders.log.debug("closing current scope {} out of order: {} is current", scope, CURRENT.get());
    }
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  @Override
  public String toString() {
    return "CurrentScope{" + scope + "}";
  }
}
