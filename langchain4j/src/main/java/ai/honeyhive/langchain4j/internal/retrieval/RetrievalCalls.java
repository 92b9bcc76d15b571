package ai.honeyhive.langchain4j.internal.retrieval;

import ai.honeyhive.EventScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.langchain4j.internal.service.Invocations;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Opens and closes the tool events of embedding, embedding-store and retrieval calls. A call's state travels in the
 * listener attributes LangChain4j passes from request to response (under a key private to this class). Retrievals
 * are synchronous, so the ones open on a thread are also kept on a per-thread stack: the embedding and store calls a
 * retriever makes nest under it.
 */
public final class RetrievalCalls {
  /** The attributes key; an object of its own so no other listener's key can collide with it. */
  private static final Object KEY = new Object() {
    @Override
    public String toString() {
      return "honeyhive.retrieval-call";
    }
  };
  private static final String OWN_SESSION = "langchain4j-retrieval";
  private static final ThreadLocal<Deque<Span>> OPEN_RETRIEVALS = ThreadLocal.withInitial(ArrayDeque::new);

  private final HoneyHive hh;

  public RetrievalCalls(HoneyHive hh) {
    this.hh = hh;
  }

  /** The open span of one call and the session started for it when nothing was open to nest under. */
  private record Call(Span span, Session ownSession, boolean retrieval) {}

  /**
   * Opens the tool event {@code name} where the call began (the innermost open retrieval of this thread, else the
   * AI-service chain or current scope, else a session of its own) and keeps it in {@code attributes}.
   *
   * @return the open span, for the caller to fill
   */
  public Span open(String name, Map<Object, Object> attributes, boolean retrieval) {
    EventScope parent = innermostRetrieval();
    if (parent == null) {
      parent = Invocations.parentNow();
    }
    Session own = null;
    if (parent == null) {
      own = hh.session(OWN_SESSION).start();
      parent = own;
    }
    Span span = parent.tool(name).start();
    attributes.put(KEY, new Call(span, own, retrieval));
    if (retrieval) {
      OPEN_RETRIEVALS.get().push(span);
    }
    return span;
  }

  /** Returns the open span the request of {@code attributes} opened, or null (not opened, or already closed). */
  public Span span(Map<Object, Object> attributes) {
    Object call = attributes == null ? null : attributes.get(KEY);
    return call instanceof Call c ? c.span() : null;
  }

  /** Closes the call of {@code attributes}, if open, after {@code before} recorded the outcome on its span. */
  public void close(Map<Object, Object> attributes, Consumer<Span> before) {
    Object value = attributes == null ? null : attributes.remove(KEY);
    if (!(value instanceof Call call)) {
      return;
    }
    try {
      before.accept(call.span());
    } finally {
      if (call.retrieval()) {
        OPEN_RETRIEVALS.get().remove(call.span());
      }
      call.span().close();
      if (call.ownSession() != null) {
        call.ownSession().end();
      }
    }
  }

  private static Span innermostRetrieval() {
    Deque<Span> open = OPEN_RETRIEVALS.get();
    while (!open.isEmpty() && open.peek().isClosed()) {
      open.pop();
    }
    return open.peek();
  }
}
