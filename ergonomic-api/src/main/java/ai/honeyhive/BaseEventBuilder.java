package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds one event in a {@link Session} or under a {@link Span}, then either logs it as finished ({@link #log()}),
 * opens it as a span to time it ({@link #start()}), or times a block of code ({@link #call}, {@link #run}).
 *
 * <p>Map setters add their entries to what is already set (later values win), so raw maps and the helpers of
 * {@link ModelEventBuilder} combine in any order. Every value is checked where it is handed over: a value that cannot
 * be written as JSON (an arbitrary object, {@code NaN}, a string or key holding a lone UTF-16 surrogate) fails at once
 * with its path, such as {@code inputs.messages[0].content}, and nothing is sent. A lone surrogate (half of a pair, as
 * when a string is cut inside an emoji) has no UTF-8 form; it is refused rather than replaced by U+FFFD, so text is
 * never altered silently: cut strings at code point boundaries ({@link String#offsetByCodePoints}).
 *
 * <p>A builder is not thread-safe; build each event on one thread. It may be reused: each {@link #log()} sends a new
 * event with a new id, unless {@link #eventId} fixed one.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class BaseEventBuilder<B extends BaseEventBuilder<B>> {
  final Client client;
  final EventScope parent;
  final EventType type;
  final String name;
  final EventDraft draft = new EventDraft();

  BaseEventBuilder(Client client, EventScope parent, EventType type, String name) {
    this.client = client;
    this.parent = parent;
    this.type = type;
    this.name = name;
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * Adds input data, such as the prompt's messages or a tool's arguments. HoneyHive requires inputs; default {}.
   *
   * @param inputs the entries to add; values must be writable as JSON (finite numbers, no lone surrogates)
   * @return this builder
   */
  public final B inputs(Map<String, ?> inputs) {
    draft.putAll(Field.INPUTS, inputs);
    return self();
  }

  /**
   * Adds output data, such as a completion or a tool's result.
   *
   * @param outputs the entries to add; values must be writable as JSON (finite numbers, no lone surrogates)
   * @return this builder
   */
  public final B outputs(Map<String, ?> outputs) {
    draft.putAll(Field.OUTPUTS, outputs);
    return self();
  }

  /**
   * Adds configuration, such as the model's parameters or a prompt template.
   *
   * @param config the entries to add; values must be writable as JSON (finite numbers, no lone surrogates)
   * @return this builder
   */
  public final B config(Map<String, ?> config) {
    draft.putAll(Field.CONFIG, config);
    return self();
  }

  /**
   * Adds metadata, such as token counts or cost.
   *
   * @param metadata the entries to add; values must be writable as JSON (finite numbers, no lone surrogates)
   * @return this builder
   */
  public final B metadata(Map<String, ?> metadata) {
    draft.putAll(Field.METADATA, metadata);
    return self();
  }

  /**
   * Adds metric values computed for this event.
   *
   * @param metrics the entries to add; values must be writable as JSON (finite numbers, no lone surrogates)
   * @return this builder
   */
  public final B metrics(Map<String, ?> metrics) {
    draft.putAll(Field.METRICS, metrics);
    return self();
  }

  /**
   * Adds feedback, such as ratings or ground truth.
   *
   * @param feedback the entries to add; values must be writable as JSON (finite numbers, no lone surrogates)
   * @return this builder
   */
  public final B feedback(Map<String, ?> feedback) {
    draft.putAll(Field.FEEDBACK, feedback);
    return self();
  }

  /**
   * Adds properties of the end user this event served.
   *
   * @param userProperties the entries to add; values must be writable as JSON (finite numbers, no lone surrogates)
   * @return this builder
   */
  public final B userProperties(Map<String, ?> userProperties) {
    draft.putAll(Field.USER_PROPERTIES, userProperties);
    return self();
  }

  /**
   * Marks the event failed with {@code message}.
   *
   * @param message a description of the failure; no lone UTF-16 surrogates
   * @return this builder
   */
  public final B error(String message) {
    draft.error = Checks.text("error", message);
    return self();
  }

  /**
   * Marks the event failed with {@code error}'s class and message.
   *
   * @param error the failure; its stack trace is not recorded
   * @return this builder
   */
  public final B error(Throwable error) {
    draft.error = EventDraft.describe(Checks.notNull("error", error));
    return self();
  }

  /**
   * Sets this event's source, such as {@code "production"}. Default: the client's source.
   *
   * @param source the source; must not be blank or hold a lone UTF-16 surrogate
   * @return this builder
   */
  public final B source(String source) {
    draft.source = Checks.name("source", source);
    return self();
  }

  /**
   * Uses {@code eventId} instead of a generated id, to refer to the event elsewhere before it is sent. Logging twice
   * with one id is idempotent.
   *
   * @param eventId the event's id, a UUID string
   * @return this builder
   * @throws IllegalArgumentException if {@code eventId} is not a UUID
   */
  public final B eventId(String eventId) {
    draft.eventId = Ids.parse("eventId", eventId);
    return self();
  }

  /**
   * Sets when the event started, for {@link #log()}. Default: now, less the {@link #duration} if set.
   *
   * @param startTime the start; sent to the millisecond
   * @return this builder
   */
  public final B startTime(Instant startTime) {
    draft.startTime = Checks.notNull("startTime", startTime);
    return self();
  }

  /**
   * Sets when the event ended, for {@link #log()}. Default: the start plus the duration, or now.
   *
   * @param endTime the end; sent to the millisecond
   * @return this builder
   */
  public final B endTime(Instant endTime) {
    draft.endTime = Checks.notNull("endTime", endTime);
    return self();
  }

  /**
   * Sets how long the event took, for {@link #log()}. Default: the end less the start.
   *
   * @param duration the duration; sent in fractional milliseconds
   * @return this builder
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public final B duration(Duration duration) {
    draft.duration = Checks.notNegative("duration", duration);
    return self();
  }

  /**
   * Logs the event as finished and returns its id. Times not given are filled in: with none, the event starts and
   * ends now.
   *
   * <p>In the {@link DeliveryMode#BATCHED} mode (the default) the event is queued and this returns at once, in about a
   * microsecond; the exporter sends it with others, and a failure is reported to the {@link DeliveryListener}, never
   * thrown here. The event is not copied: maps and lists nested in its values must not be changed until it was sent
   * ({@link HoneyHive#flush}). In the {@link DeliveryMode#SYNCHRONOUS} mode it is sent before this returns.
   *
   * <p>In a {@link SessionImport} nothing is sent here: the event is kept for {@link SessionImport#send()}.
   *
   * @return the event's id
   * @throws IllegalArgumentException if the end time is before the start time
   * @throws IllegalStateException in a {@link SessionImport} that was sent or is full
   * @throws HoneyHiveException in the synchronous mode, if the API call fails after its retries
   */
  public final String log() {
    long now = client.time.nowEpochNanos();
    long start;
    long end;
    if (draft.startTime != null) {
      start = Times.nanos(draft.startTime);
      end = draft.endTime != null ? Times.nanos(draft.endTime)
          : draft.duration != null ? start + draft.duration.toNanos() : Math.max(start, now);
    } else {
      end = draft.endTime != null ? Times.nanos(draft.endTime) : now;
      start = draft.duration != null ? end - draft.duration.toNanos() : end;
    }
    if (end < start) {
      throw new IllegalArgumentException("endTime (" + draft.endTime + ") is before startTime (" + draft.startTime + ")");
    }
    UUID id = draft.eventId != null ? draft.eventId : Ids.newId();
    boolean delivered = parent.deliver(draft.toWire(type, name, id, parent.sessionId, parent.parentEventId(), List.of(),
        start, end, client.defaultSource), draft.estimatedBytes());
    // Only an event that was sent or queued becomes a child: one dropped at once (a full queue, a closed client) or
    // whose synchronous send threw is not listed in its parent's children_ids, which would name an event that never
    // arrives.
    if (delivered) {
      parent.adopt(id);
    }
    return id.toString();
  }

  /**
   * Opens the event as a span, timed from now until {@link Span#close()}. Events logged on the span nest under it.
   * Use it in try-with-resources.
   *
   * @return the open span; closing it sends (or, in the batched mode, queues) the event
   * @throws IllegalStateException in a {@link SessionImport}, whose events take the times they are given: use
   *     {@link #log()}
   */
  public final Span start() {
    if (!parent.allowsSpans()) {
      throw new IllegalStateException("an imported session's events are not timed by the clock: give them"
          + " startTime/endTime and log() them; nest events under one with SessionImport.under(eventId)");
    }
    UUID id = draft.eventId != null ? draft.eventId : Ids.newId();
    parent.adopt(id);
    return new Span(client, parent, type, name, id, new EventDraft(draft), client.time.nowEpochNanos());
  }

  /**
   * Runs {@code body} inside a span and returns its result. If it throws, the exception is recorded in the event's
   * {@code error} and the same instance is rethrown. The span is sent when the body returns or throws; a failure to
   * send it is logged, never thrown over the body's outcome. While the body runs, the span is the thread's current
   * scope ({@link EventScope#current()}), so HTTP calls it makes through {@link TracePropagation} carry its trace.
   *
   * @param <T> the body's result type
   * @param <E> the exception the body may throw
   * @param body the code to time
   * @return what {@code body} returned
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public final <T, E extends Throwable> T call(SpanCallable<T, E> body) throws E {
    Checks.notNull("body", body);
    try (Span span = start(); CurrentScope current = span.makeCurrent()) {
      try {
        return body.call();
      } catch (Throwable t) {
        span.error(t);
        throw t;
      }
    }
  }

  /**
   * Like {@link #call}, for a block without a result.
   *
   * @param <E> the exception the body may throw
   * @param body the code to time
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public final <E extends Throwable> void run(SpanRunnable<E> body) throws E {
    Checks.notNull("body", body);
    call(() -> {
      body.run();
      return null;
    });
  }

}
