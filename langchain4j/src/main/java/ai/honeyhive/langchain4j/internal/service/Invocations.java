package ai.honeyhive.langchain4j.internal.service;

import ai.honeyhive.EventScope;
import ai.honeyhive.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AI-service invocations in progress: their chain spans by invocation id (for tool events), and per thread the
 * ones started on it (for the model events of that invocation, since a {@code ChatModelListener} is not told the
 * invocation). Not the client's current scope: a streamed invocation ends on another thread, which could not restore
 * the starting thread's current scope; here a closed span is simply skipped.
 */
public final class Invocations {
  private static final Map<UUID, Span> BY_ID = new ConcurrentHashMap<>();
  private static final ThreadLocal<Deque<Span>> ON_THREAD = ThreadLocal.withInitial(ArrayDeque::new);
  /**
   * The chain whose model request LangChain4j just announced on this thread ({@code AiServiceRequestIssuedEvent},
   * fired right before the model call): the parent of that call, used once. This is how the model turns of a streamed
   * invocation, made on LangChain4j's streaming threads, find their chain.
   */
  private static final ThreadLocal<Span> ANNOUNCED = new ThreadLocal<>();

  private Invocations() {}

  /** Records the chain of invocation {@code id}, started on the calling thread. */
  public static void started(UUID id, Span chain) {
    BY_ID.put(id, chain);
    ON_THREAD.get().push(chain);
  }

  /** Returns the open chain of invocation {@code id}, or null. */
  public static Span byId(UUID id) {
    Span span = id == null ? null : BY_ID.get(id);
    return span == null || span.isClosed() ? null : span;
  }

  /** Forgets invocation {@code id} and returns its chain, or null; call before closing the chain. */
  public static Span finished(UUID id) {
    Span span = id == null ? null : BY_ID.remove(id);
    if (span != null) {
      ON_THREAD.get().remove(span);
      if (ANNOUNCED.get() == span) {
        ANNOUNCED.remove(); // announced for a model call that never reported (a model without the listener)
      }
    }
    return span;
  }

  /** Records that invocation {@code id} is about to call its model on this thread. */
  public static void requestIssued(UUID id) {
    Span chain = byId(id);
    if (chain != null) {
      ANNOUNCED.set(chain);
    }
  }

  /**
   * Where the model call starting now on this thread nests: the chain that announced it, else {@link #parentNow()}.
   * The announcement is used once.
   */
  public static EventScope parentOfModelCall() {
    Span announced = ANNOUNCED.get();
    if (announced != null) {
      ANNOUNCED.remove();
      if (!announced.isClosed()) {
        return announced;
      }
    }
    return parentNow();
  }

  /**
   * Where an event starting now on this thread nests: the innermost open AI-service chain of this thread, else the
   * client's current scope, else null.
   */
  public static EventScope parentNow() {
    Deque<Span> stack = ON_THREAD.get();
    while (!stack.isEmpty() && stack.peek().isClosed()) {
      stack.pop(); // a chain that ended on another thread (streaming)
    }
    if (!stack.isEmpty()) {
      return stack.peek();
    }
    return EventScope.current().orElse(null);
  }
}
