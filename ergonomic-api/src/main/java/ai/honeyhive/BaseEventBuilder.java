package ai.honeyhive;

import ai.honeyhive.EventDraft.Field;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.wire.Ids;
import ai.honeyhive.internal.wire.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds one event in a {@link Session} or under a {@link Span}, then either logs it as finished ({@link #log()}),
 * opens it as a span to time it ({@link #start()}), or times a block of code ({@link #call}, {@link #run}; the
 * overloads of {@link EventBuilder} and {@link ModelEventBuilder} hand the body its span).
 *
 * <h2>Map setters: one rule, merge</h2>
 * Every map setter of this client (of the event builders, {@link Span} and {@link ModelSpan}, {@link CurrentSpan},
 * {@link SessionBuilder}, {@link SessionImport} and {@link EventUpdate}) follows one rule: a call adds its entries to
 * those set before, and a key set again takes the later value (keeping its place). Merging, not replacing, because
 * raw maps and the helpers of {@link ModelEventBuilder} must combine in any order ({@code usage(...)} then
 * {@code metadata(...)} keeps the token counts); because code in several places ({@link CurrentSpan} deep in the
 * call stack) adds to one event without erasing what another part set; and because the server merges maps in an
 * update too, so two calls on one {@link EventUpdate} send what two updates would. Nothing set is removed: to leave a
 * key out, build another event. The enrichment methods of {@link Session} each send one update, which the server
 * merges the same way (outputs excepted: it replaces them).
 *
 * <h2>Checks</h2>
 * Every value is checked where it is handed over: a value that cannot
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
   * @param inputs the entries to add to those set before (later values win); values must be writable as JSON
   *     (finite numbers, no lone surrogates)
   * @return this builder
   * @throws NullPointerException if {@code inputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public final B inputs(Map<String, ?> inputs) {
    draft.putAll(Field.INPUTS, inputs);
    return self();
  }

  /**
   * Adds output data, such as a completion or a tool's result.
   *
   * @param outputs the entries to add to those set before (later values win); values must be writable as JSON
   *     (finite numbers, no lone surrogates)
   * @return this builder
   * @throws NullPointerException if {@code outputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public final B outputs(Map<String, ?> outputs) {
    draft.putAll(Field.OUTPUTS, outputs);
    return self();
  }

  /**
   * Adds configuration, such as the model's parameters or a prompt template.
   *
   * @param config the entries to add to those set before (later values win); values must be writable as JSON
   *     (finite numbers, no lone surrogates)
   * @return this builder
   * @throws NullPointerException if {@code config} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public final B config(Map<String, ?> config) {
    draft.putAll(Field.CONFIG, config);
    return self();
  }

  /**
   * Adds metadata, such as token counts or cost.
   *
   * @param metadata the entries to add to those set before (later values win); values must be writable as JSON
   *     (finite numbers, no lone surrogates)
   * @return this builder
   * @throws NullPointerException if {@code metadata} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public final B metadata(Map<String, ?> metadata) {
    draft.putAll(Field.METADATA, metadata);
    return self();
  }

  /**
   * Adds metric values computed for this event.
   *
   * @param metrics the entries to add to those set before (later values win); values must be writable as JSON
   *     (finite numbers, no lone surrogates)
   * @return this builder
   * @throws NullPointerException if {@code metrics} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public final B metrics(Map<String, ?> metrics) {
    draft.putAll(Field.METRICS, metrics);
    return self();
  }

  /**
   * Adds feedback, such as ratings or ground truth.
   *
   * @param feedback the entries to add to those set before (later values win); values must be writable as JSON
   *     (finite numbers, no lone surrogates)
   * @return this builder
   * @throws NullPointerException if {@code feedback} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public final B feedback(Map<String, ?> feedback) {
    draft.putAll(Field.FEEDBACK, feedback);
    return self();
  }

  /**
   * Adds properties of the end user this event served.
   *
   * @param userProperties the entries to add to those set before (later values win); values must be writable as JSON
   *     (finite numbers, no lone surrogates)
   * @return this builder
   * @throws NullPointerException if {@code userProperties} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
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
    UUID id = draft.eventId != null ? draft.eventId : parent.newEventId();
    UUID parentId = parent.parentForNewEvent();
    boolean delivered = parent.deliver(draft.toWire(type, name, id, parent.sessionId, parentId, List.of(), start, end,
        client.defaultSource), draft.estimatedBytes());
    // Only an event that was sent or queued becomes a child: one dropped at once (a full queue, a closed client) or
    // whose synchronous send threw is not listed in its parent's children_ids, which would name an event that never
    // arrives.
    if (delivered && Objects.equals(parentId, parent.parentEventId())) {
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
  public Span start() {
    if (!parent.allowsSpans()) {
      throw new IllegalStateException("an imported session's events are not timed by the clock: give them"
          + " startTime/endTime and log() them; nest events under one with SessionImport.under(eventId)");
    }
    UUID id = draft.eventId != null ? draft.eventId : parent.newEventId();
    Span span = newSpan(id, new EventDraft(draft), client.time.nowEpochNanos());
    if (span.nestsInScope()) {
      parent.adopt(id);
    }
    return span;
  }

  /** Makes the span {@link #start()} opens: a plain {@link Span}, or the subtype of a builder that offers one. */
  Span newSpan(UUID eventId, EventDraft spanDraft, long startNanos) {
    return new Span(client, parent, type, name, eventId, spanDraft, startNanos);
  }

  /**
   * Runs {@code body} inside a span and returns its result. If it throws, the exception is recorded in the event's
   * {@code error} and the same instance is rethrown. The span is sent when the body returns or throws; a failure to
   * send it is logged, never thrown over the body's outcome. While the body runs, the span is the thread's current
   * scope ({@link EventScope#current()}, {@link CurrentSpan}), so HTTP calls it makes through
   * {@link TracePropagation} carry its trace. To be handed the span, use the {@code call} overload whose body takes
   * one ({@link EventBuilder#call(SpanFunction)}, {@link ModelEventBuilder#call(SpanFunction)}).
   *
   * @param <T> the body's result type
   * @param <E> the exception the body may throw
   * @param body the code to time
   * @return what {@code body} returned
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public final <T, E extends Throwable> T call(SpanCallable<T, E> body) throws E {
    Checks.notNull("body", body);
    return runIn(start(), span -> body.call(), null);
  }

  /**
   * Like {@link #call(SpanCallable)}, and records what {@code outputs} makes of the result in the event's
   * {@code outputs}, added to those already set:
   * <pre>{@code
   * List<Doc> docs = chain.tool("vector-search").inputs(Map.of("q", q))
   *     .call(() -> index.search(q), found -> Map.of("docs", found));
   * }</pre>
   * {@code outputs} is called once the body returned (with its result, even null), never when it threw. The body has
   * succeeded by then, so if {@code outputs} throws or returns a map that cannot be written as JSON, the failure is
   * logged (logger {@code ai.honeyhive.Span}) and the result returned all the same; a null map records nothing.
   *
   * @param <T> the body's result type
   * @param <E> the exception the body may throw
   * @param body the code to time
   * @param outputs makes the entries to record from the result, such as {@code r -> Map.of("answer", r)}
   * @return what {@code body} returned
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} or {@code outputs} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public final <T, E extends Throwable> T call(SpanCallable<T, E> body,
      Function<? super T, ? extends Map<String, ?>> outputs) throws E {
    Checks.notNull("body", body);
    Checks.notNull("outputs", outputs);
    return runIn(start(), span -> body.call(), outputs);
  }

  /**
   * Like {@link #call(SpanCallable)}, for a block without a result.
   *
   * @param <E> the exception the body may throw
   * @param body the code to time
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public final <E extends Throwable> void run(SpanRunnable<E> body) throws E {
    Checks.notNull("body", body);
    runIn(start(), span -> {
      body.run();
      return null;
    }, null);
  }

  /**
   * Runs {@code body} in {@code span}, made the thread's current scope while it runs (the scope current before is put
   * back after it): records what it throws and rethrows it, or records its outputs when {@code outputs} is not null.
   * Closes {@code span} either way.
   */
  static <S extends Span, T, E extends Throwable> T runIn(S span, SpanFunction<? super S, T, E> body,
      Function<? super T, ? extends Map<String, ?>> outputs) throws E {
    try (span) {
      T result;
      CurrentScope.Entered entered = CurrentScope.enter(span);
      try {
        result = body.apply(span);
      } catch (Throwable t) {
        span.error(t);
        throw t;
      } finally {
        entered.close(); // Also drops a scope the body made current and left open.
      }
      if (outputs != null) {
        span.recordOutputs(result, outputs);
      }
      return result;
    }
  }

}
