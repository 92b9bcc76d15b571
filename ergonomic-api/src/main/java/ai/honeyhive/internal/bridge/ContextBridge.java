package ai.honeyhive.internal.bridge;

import java.util.UUID;

/**
 * Another tracer's context as HoneyHive's scopes use it. One implementation at most is found on the class path
 * ({@link ContextBridges}); with none, HoneyHive's scopes behave as if no other tracer existed. Implementations must
 * never throw: they are called on the application's threads, inside the code being traced.
 */
public interface ContextBridge {
  /** The bridge used when no implementation is on the class path: no foreign span, attaching does nothing. */
  ContextBridge NONE = new ContextBridge() {
    @Override
    public ForeignSpan current() {
      return null;
    }

    @Override
    public Detach attach(UUID sessionId, UUID eventId, Object scope) {
      return Detach.NOTHING;
    }

    @Override
    public void sessionStarted(UUID sessionId) {}
  };

  /**
   * Returns the other tracer's span current on this thread, unless it is one this bridge made current for a HoneyHive
   * scope ({@link #attach}); null when there is none.
   */
  ForeignSpan current();

  /**
   * Makes a HoneyHive scope current in the other tracer's context too, on this thread, until the returned handle is
   * closed: spans the other tracer starts meanwhile are children of {@code eventId} in session {@code sessionId}.
   *
   * @param sessionId the scope's session
   * @param eventId the event the scope's children nest under (the session's own id for a session)
   * @param scope the HoneyHive scope, handed back by {@link ForeignSpan#honeyHiveScope()} for spans started inside
   * @return the handle that restores the other tracer's previous context; never null
   */
  Detach attach(UUID sessionId, UUID eventId, Object scope);

  /**
   * Tells the bridge that the client started the session {@code sessionId}, whose id it took from
   * {@link ForeignSpan#traceSession()}: whoever files the other tracer's spans need not start it again.
   *
   * @param sessionId the session the client started
   */
  void sessionStarted(UUID sessionId);

  /** Restores what {@link #attach} replaced. */
  @FunctionalInterface
  interface Detach extends AutoCloseable {
    /** A handle that restores nothing. */
    Detach NOTHING = () -> {};

    /** Restores the context current before the attach; on the thread that attached. Never throws. */
    @Override
    void close();
  }
}
