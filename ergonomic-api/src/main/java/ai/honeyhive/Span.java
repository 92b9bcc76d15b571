package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * <p>Thread-safe: children may be logged and fields set from several threads. Closing twice is harmless. Closing never
 * throws: instrumentation must not break the code it observes. In the {@link DeliveryMode#BATCHED} mode (the default)
 * closing queues the event and a failure to deliver it is reported to the {@link DeliveryListener}; in the
 * {@link DeliveryMode#SYNCHRONOUS} mode closing sends it, and a failure is logged (SLF4J, logger
 * {@code ai.honeyhive.Span}) instead of thrown.
 */
public final class Span extends EventScope implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Span.class);

  private final EventScope parent;
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
   * @param inputs the entries to add; values must be writable as JSON
   * @return this span
   */
  public Span inputs(Map<String, ?> inputs) {
    return put(Field.INPUTS, inputs);
  }

  /**
   * Adds output data, such as the result this span produced.
   *
   * @param outputs the entries to add; values must be writable as JSON
   * @return this span
   */
  public Span outputs(Map<String, ?> outputs) {
    return put(Field.OUTPUTS, outputs);
  }

  /**
   * Adds configuration.
   *
   * @param config the entries to add; values must be writable as JSON
   * @return this span
   */
  public Span config(Map<String, ?> config) {
    return put(Field.CONFIG, config);
  }

  /**
   * Adds metadata.
   *
   * @param metadata the entries to add; values must be writable as JSON
   * @return this span
   */
  public Span metadata(Map<String, ?> metadata) {
    return put(Field.METADATA, metadata);
  }

  /**
   * Adds metric values.
   *
   * @param metrics the entries to add; values must be writable as JSON
   * @return this span
   */
  public Span metrics(Map<String, ?> metrics) {
    return put(Field.METRICS, metrics);
  }

  /**
   * Adds feedback.
   *
   * @param feedback the entries to add; values must be writable as JSON
   * @return this span
   */
  public Span feedback(Map<String, ?> feedback) {
    return put(Field.FEEDBACK, feedback);
  }

  /**
   * Adds end-user properties.
   *
   * @param userProperties the entries to add; values must be writable as JSON
   * @return this span
   */
  public Span userProperties(Map<String, ?> userProperties) {
    return put(Field.USER_PROPERTIES, userProperties);
  }

  /**
   * Marks the span failed with {@code message}.
   *
   * @param message a description of the failure; no lone UTF-16 surrogates
   * @return this span
   */
  public Span error(String message) {
    return recordError(Checks.text("error", message));
  }

  /**
   * Marks the span failed with {@code error}'s class and message.
   *
   * @param error the failure; its stack trace is not recorded
   * @return this span
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
      wire = draft.toWire(type, name, eventId, sessionId, parent.parentEventId(), children, startNanos, end,
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

  @Override
  public String toString() {
    return "Span{" + type.wireName() + " '" + name + "', eventId=" + eventId + ", sessionId=" + sessionId + "}";
  }
}
