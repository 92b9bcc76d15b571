package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open event being timed: a chain, tool or model call in progress. Events logged on a span nest under it. Closing
 * the span sends it with its measured start, end and duration and the ids of its children. Use it in
 * try-with-resources:
 *
 * <pre>{@code
 * try (Span chain = session.chain("answer").inputs(Map.of("question", q)).start()) {
 *   chain.tool("vector-search").inputs(Map.of("q", q)).call(() -> index.search(q));
 *   chain.outputs(Map.of("answer", answer));
 * }
 * }</pre>
 *
 * <p>A model event opens a {@link ModelSpan}, which keeps the model helpers ({@code completion}, {@code usage},
 * {@code cost}, ...). Code that was not handed the span enriches it through {@link CurrentSpan} while it is the
 * current scope ({@link #makeCurrent()}, or the body of a builder's {@code call} or {@code run}), and
 * {@link HoneyHiveContext} carries the current scope into executor tasks.
 *
 * <h2>Exceptions</h2>
 * An exception that leaves a try-with-resources block is <em>not</em> recorded: Java does not hand it to
 * {@link #close()}, so the span is sent as if it succeeded. A {@code catch} clause of the same {@code try} statement
 * runs after {@code close()}, too late to change what is sent. Record the failure inside the block with
 * {@link #error(Throwable)} (its class and message go into the event's {@code error}), or let a builder's
 * {@code call} or {@code run} do it, which records and rethrows whatever the body throws:
 *
 * <pre>{@code
 * try (Span span = session.tool("inventory").inputs(Map.of("sku", sku)).start()) {
 *   try {
 *     return inventory.lookup(sku);
 *   } catch (IOException | RuntimeException e) {
 *     span.error(e);
 *     throw e;
 *   }
 * }
 *
 * // the same, shorter:
 * return session.tool("inventory").inputs(Map.of("sku", sku)).call(() -> inventory.lookup(sku));
 * }</pre>
 *
 * <h2>Maps</h2>
 * Its map setters add their entries to those its builder and earlier calls set, later values winning: the rule of
 * every map setter of this client (see {@link BaseEventBuilder}).
 *
 * <h2>Threads and delivery</h2>
 * Thread-safe: children may be logged and fields set from several threads. Closing twice is harmless. Closing never
 * throws: instrumentation must not break the code it observes. In the {@link DeliveryMode#BATCHED} mode (the default)
 * closing queues the event and a failure to deliver it is reported to the {@link DeliveryListener}; in the
 * {@link DeliveryMode#SYNCHRONOUS} mode closing sends it, and a failure is logged (SLF4J, logger
 * {@code ai.honeyhive.Span}) instead of thrown.
 */
public sealed class Span extends EventScope implements AutoCloseable permits ModelSpan {
  private static final Logger log = LoggerFactory.getLogger(Span.class);

  private final EventScope parent;
  /** The span's {@code parent_id}: the parent scope's, or another tracer's span current when it started. */
  private final UUID parentId;
  private final EventType type;
  private final String name;
  private final UUID eventId;
  private final long startNanos;
  private final EventDraft draft;
  private final List<UUID> children = new ArrayList<>();
  /** Whether {@link #children} reached {@link IdList#MAX_IDS}; guarded by {@code draft}. */
  private boolean childrenCapped;
  private boolean closed;

  Span(Client client, EventScope parent, EventType type, String name, UUID eventId, EventDraft draft,
      long startNanos) {
    super(client, parent.sessionId);
    this.parent = parent;
    this.parentId = parent.parentForNewEvent();
    this.type = type;
    this.name = name;
    this.eventId = eventId;
    this.draft = draft;
    this.startNanos = startNanos;
  }

  /**
   * Returns this span's event id: the {@code parent_id} of the events nested under it.
   *
   * @return the event id, a UUID string
   */
  public String eventId() {
    return eventId.toString();
  }

  /**
   * Adds input data.
   *
   * @param inputs the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code inputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public Span inputs(Map<String, ?> inputs) {
    return put(Field.INPUTS, inputs);
  }

  /**
   * Adds output data, such as the result this span produced.
   *
   * @param outputs the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code outputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public Span outputs(Map<String, ?> outputs) {
    return put(Field.OUTPUTS, outputs);
  }

  /**
   * Adds configuration.
   *
   * @param config the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code config} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public Span config(Map<String, ?> config) {
    return put(Field.CONFIG, config);
  }

  /**
   * Adds metadata.
   *
   * @param metadata the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code metadata} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public Span metadata(Map<String, ?> metadata) {
    return put(Field.METADATA, metadata);
  }

  /**
   * Adds metric values.
   *
   * @param metrics the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code metrics} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public Span metrics(Map<String, ?> metrics) {
    return put(Field.METRICS, metrics);
  }

  /**
   * Adds feedback.
   *
   * @param feedback the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code feedback} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public Span feedback(Map<String, ?> feedback) {
    return put(Field.FEEDBACK, feedback);
  }

  /**
   * Adds end-user properties.
   *
   * @param userProperties the entries to add to those set before (later values win); values must be writable as JSON
   * @return this span
   * @throws NullPointerException if {@code userProperties} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public Span userProperties(Map<String, ?> userProperties) {
    return put(Field.USER_PROPERTIES, userProperties);
  }

  /**
   * Marks the span failed with {@code message}, sent as the event's {@code error}; a later call replaces it.
   *
   * @param message a description of the failure; no lone UTF-16 surrogates
   * @return this span
   * @throws NullPointerException if {@code message} is null
   */
  public Span error(String message) {
    return recordError(Checks.text("error", message));
  }

  /**
   * Marks the span failed with {@code error}'s class and message, such as
   * {@code java.io.IOException: index unreachable}, sent as the event's {@code error}; a later call replaces it. How to
   * record an exception in a try-with-resources block: see "Exceptions" in the class comment.
   *
   * @param error the failure; its stack trace is not recorded
   * @return this span
   * @throws NullPointerException if {@code error} is null
   */
  public Span error(Throwable error) {
    // Not checked for lone surrogates: the text is the exception's, and call() records the body's exception here.
    return recordError(EventDraft.describe(Checks.notNull("error", error)));
  }

  private Span recordError(String message) {
    synchronized (draft) {
      draft.error = message;
    }
    return this;
  }

  /**
   * Returns whether {@link #close()} has been called.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    synchronized (draft) {
      return closed;
    }
  }

  /**
   * Ends the span now and sends it (in the batched mode: queues it). Later calls do nothing. Events logged on the span
   * after this still name it as their parent, but it no longer lists them in {@code children_ids}. Fields set on it
   * afterwards are not sent.
   */
  @Override
  public void close() {
    ai.honeyhive.client.model.Event wire;
    long fieldBytes;
    synchronized (draft) {
      if (closed) {
        return;
      }
      closed = true;
      long end = Math.max(startNanos, client.time.nowEpochNanos());
      wire = draft.toWire(type, name, eventId, sessionId, parentId, children, startNanos, end,
          client.defaultSource);
      fieldBytes = draft.estimatedBytes();
    }
    boolean delivered = false;
    try {
      delivered = client.send(wire, fieldBytes);
    } catch (HoneyHiveException | IllegalArgumentException e) {
      log.warn("could not send span {} ({} '{}'): {}", eventId, type.wireName(), name, e.getMessage());
    }
    if (!delivered) {
      parent.disown(eventId);
    }
  }

  @Override
  UUID parentEventId() {
    return eventId;
  }

  /** Whether the span nests under its parent scope's event (not under another tracer's span). */
  final boolean nestsInScope() {
    return Objects.equals(parentId, parent.parentEventId());
  }

  @Override
  String propagatedProject() {
    return parent.propagatedProject();
  }

  @Override
  String propagatedSessionName() {
    return parent.propagatedSessionName();
  }

  @Override
  void disown(UUID child) {
    synchronized (draft) {
      if (!closed) {
        children.remove(child);
      }
    }
  }

  @Override
  void adopt(UUID child) {
    synchronized (draft) {
      if (closed) {
        return;
      }
      if (children.size() < IdList.MAX_IDS) {
        children.add(child);
      } else if (children.size() == IdList.MAX_IDS && !childrenCapped) {
        childrenCapped = true;
        log.warn("span {} has more than {} children; the ids of later ones are left out of its children_ids"
            + " (they still name it as their parent)", eventId, IdList.MAX_IDS);
      }
    }
  }

  private Span put(Field field, Map<String, ?> values) {
    synchronized (draft) {
      draft.putAll(field, values);
    }
    return this;
  }

  /** Changes the draft under its lock: for the helpers of {@link ModelSpan}. */
  final void change(Consumer<EventDraft> change) {
    synchronized (draft) {
      change.accept(draft);
    }
  }

  /**
   * Adds what {@code outputs} makes of {@code result} to the outputs, for {@code call(body, outputs)}. The body has
   * succeeded by now, so a failure here (the function throws, or its map cannot be written as JSON) is logged and
   * leaves the outputs as they were, never turning the body's success into a failure. A null map adds nothing.
   */
  final <T> void recordOutputs(T result, Function<? super T, ? extends Map<String, ?>> outputs) {
    try {
      Map<String, ?> mapped = outputs.apply(result);
      if (mapped != null) {
        outputs(mapped);
      }
    } catch (RuntimeException e) {
      log.warn("could not record the outputs of span {} ({} '{}'): {}", eventId, type.wireName(), name, e.toString());
    }
  }

  @Override
  public String toString() {
    return "Span{" + type.wireName() + " '" + name + "', eventId=" + eventId + ", sessionId=" + sessionId + "}";
  }
}
