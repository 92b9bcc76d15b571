package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.internal.delivery.Delivery;
import ai.honeyhive.internal.delivery.DeliveryCounters;
import ai.honeyhive.internal.delivery.SyncDelivery;
import ai.honeyhive.internal.http.Gateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Changes to an event (or a session) that HoneyHive has already stored ({@code PUT /v1/events/{event_id}}). Set what
 * changes, then {@link #send()}:
 *
 * <pre>{@code
 * hh.updateEvent(eventId)
 *     .feedback(Map.of("rating", 5, "comment", "helpful"))
 *     .metadata(Map.of("reviewed", true))
 *     .send();
 * }</pre>
 *
 * <p>The API applies two kinds of change. {@link #metadata}, {@link #feedback}, {@link #metrics}, {@link #config} and
 * {@link #userProperties} are <em>merged</em> into the stored maps key by key: keys sent replace the stored values of
 * the same keys, other stored keys are kept. {@link #outputs} <em>replaces</em> the stored outputs entirely.
 * {@link #duration}, {@link #endTime} and {@link #childrenIds} replace the stored values. Fields not set here are left
 * as they are; nothing is sent for them.
 *
 * <p>Every setter checks its argument at once, so a bad value fails at the call site with a message naming it and
 * nothing is sent. Maps are copied when set: later changes to the caller's map do not show. Calling a map setter again
 * adds its entries to those it set before, later values winning, like every map setter of this client (see
 * {@link BaseEventBuilder}): {@code .metadata(Map.of("a", 1)).metadata(Map.of("b", 2))} sends both, as two updates
 * would. For {@link #outputs}, the entries of all its calls make the one map that replaces the stored outputs. The
 * other setters ({@link #duration}, {@link #endTime}, {@link #childrenIds}) replace the value they set before.
 *
 * <p>In the {@link DeliveryMode#BATCHED} mode (the default), {@link #send()} queues the update behind the writes made
 * before it (for a session's update: the session's earlier events) and returns at once; {@link #sendAsync()} also
 * tells when it was delivered. In the {@link DeliveryMode#SYNCHRONOUS} mode {@link #send()} sends it before returning.
 *
 * <p>This builder is mutable and not safe for concurrent use. {@link #send()} may be called again, to send the same
 * update again (merging is idempotent, so a repeat is harmless).
 */
public final class EventUpdate {
  private final Delivery delivery;
  /** Any id HoneyHive stores: a UUID goes to {@code PUT /v1/events/{id}}, another id to the legacy {@code PUT /events}. */
  private final String eventId;
  /** The session whose earlier writes this update follows; null: it follows every earlier write. */
  private final UUID lane;
  private Map<String, Object> metadata;
  private Map<String, Object> feedback;
  private Map<String, Object> metrics;
  private Map<String, Object> config;
  private Map<String, Object> userProperties;
  private Map<String, Object> outputs;
  private Double durationMillis;
  private Long endTimeMillis;
  private List<String> childrenIds;

  /** An update sent synchronously through {@code gateway}, for tests. */
  EventUpdate(Gateway gateway, String eventId) {
    this(new SyncDelivery(Checks.notNull("gateway", gateway), new DeliveryCounters(null), Runnable::run), eventId,
        null);
  }

  /**
   * An update delivered by {@code client}.
   *
   * @param lane the session whose earlier writes it must follow (the session itself for a session's update), or
   *     null when the session is unknown: it then follows every earlier write
   */
  EventUpdate(Client client, String eventId, UUID lane) {
    this(client.delivery, eventId, lane);
  }

  private EventUpdate(Delivery delivery, String eventId, UUID lane) {
    if (eventId == null) {
      throw new NullPointerException("eventId == null");
    }
    this.delivery = delivery;
    this.eventId = eventId;
    this.lane = lane;
  }

  /**
   * Merges {@code metadata} into the stored metadata, key by key; other stored keys are kept. Entries given by an
   * earlier call of this method are kept too (later values win).
   *
   * @param metadata extra information, such as token counts or cost; values must be writable as JSON
   * @return this builder
   * @throws NullPointerException if {@code metadata} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, such as
   *     {@code metadata.cost} for {@code Double.NaN}
   */
  public EventUpdate metadata(Map<String, ?> metadata) {
    this.metadata = MapMerge.merge("metadata", this.metadata, metadata);
    return this;
  }

  /**
   * Merges {@code feedback} into the stored feedback, key by key; other stored keys are kept. Entries given by an
   * earlier call of this method are kept too (later values win).
   *
   * @param feedback feedback on the event, such as {@code Map.of("rating", 5)}; values must be writable as JSON
   * @return this builder
   * @throws NullPointerException if {@code feedback} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  public EventUpdate feedback(Map<String, ?> feedback) {
    this.feedback = MapMerge.merge("feedback", this.feedback, feedback);
    return this;
  }

  /**
   * Merges {@code metrics} into the stored metrics, key by key; other stored keys are kept. Entries given by an
   * earlier call of this method are kept too (later values win).
   *
   * @param metrics scores computed for the event; values must be writable as JSON
   * @return this builder
   * @throws NullPointerException if {@code metrics} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  public EventUpdate metrics(Map<String, ?> metrics) {
    this.metrics = MapMerge.merge("metrics", this.metrics, metrics);
    return this;
  }

  /**
   * Merges {@code config} into the stored configuration, key by key; other stored keys are kept. Entries given by an
   * earlier call of this method are kept too (later values win).
   *
   * @param config configuration, such as a model's parameters; values must be writable as JSON
   * @return this builder
   * @throws NullPointerException if {@code config} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  public EventUpdate config(Map<String, ?> config) {
    this.config = MapMerge.merge("config", this.config, config);
    return this;
  }

  /**
   * Merges {@code userProperties} into the stored user properties, key by key; other stored keys are kept. Entries
   * given by an earlier call of this method are kept too (later values win).
   *
   * @param userProperties properties of the end user, such as a user id; values must be writable as JSON
   * @return this builder
   * @throws NullPointerException if {@code userProperties} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  public EventUpdate userProperties(Map<String, ?> userProperties) {
    this.userProperties = MapMerge.merge("userProperties", this.userProperties, userProperties);
    return this;
  }

  /**
   * Replaces the stored outputs with {@code outputs}: unlike the other maps they are <em>not</em> merged on the
   * server, so stored keys missing from what is sent are removed. On the client, entries given by an earlier call of
   * this method are kept (later values win): what is sent is every call's entries together. An empty map, the only
   * call, leaves the event with empty outputs.
   *
   * @param outputs entries of the new outputs; values must be writable as JSON
   * @return this builder
   * @throws NullPointerException if {@code outputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON
   */
  public EventUpdate outputs(Map<String, ?> outputs) {
    this.outputs = MapMerge.merge("outputs", this.outputs, outputs);
    return this;
  }

  /**
   * Replaces the stored duration. Sent as fractional milliseconds, so sub-millisecond precision is kept (to the
   * precision of a {@code double}).
   *
   * @param duration how long the step took
   * @return this builder
   * @throws NullPointerException if {@code duration} is null
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public EventUpdate duration(Duration duration) {
    if (duration == null) {
      throw new NullPointerException("duration == null");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, but was " + duration);
    }
    this.durationMillis = toMillis(duration);
    return this;
  }

  /**
   * Replaces the stored end time. Sent as Unix epoch milliseconds, so anything finer is dropped.
   *
   * @param endTime when the step ended
   * @return this builder
   * @throws NullPointerException if {@code endTime} is null
   * @throws IllegalArgumentException if {@code endTime} is too far from 1970 to count in milliseconds
   */
  public EventUpdate endTime(Instant endTime) {
    if (endTime == null) {
      throw new NullPointerException("endTime == null");
    }
    try {
      this.endTimeMillis = endTime.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("endTime is out of range for epoch milliseconds: " + endTime, e);
    }
    return this;
  }

  /**
   * Replaces the stored list of child events (the events nested directly under this one).
   *
   * @param childrenIds the children's ids: any non-blank strings (HoneyHive types ids as plain strings; this
   *     client's own are UUIDs); must not be empty, since the API silently ignores an empty list (there is no way to
   *     clear the children)
   * @return this builder
   * @throws NullPointerException if {@code childrenIds} or one of its ids is null
   * @throws IllegalArgumentException if {@code childrenIds} is empty or an id is blank, longer than 1024 characters or
   *     holds control characters or a lone UTF-16 surrogate; the message names the id's index, such as
   *     {@code childrenIds[2]}
   */
  public EventUpdate childrenIds(Collection<String> childrenIds) {
    if (childrenIds == null) {
      throw new NullPointerException("childrenIds == null");
    }
    if (childrenIds.isEmpty()) {
      throw new IllegalArgumentException(
          "childrenIds must not be empty: the API ignores an empty list, so it cannot clear the children");
    }
    List<String> ids = new ArrayList<>(childrenIds.size());
    int index = 0;
    for (String id : childrenIds) {
      ids.add(Checks.id("childrenIds[" + index++ + "]", id));
    }
    this.childrenIds = Collections.unmodifiableList(ids);
    return this;
  }

  /**
   * Sends the update in one request. In the {@link DeliveryMode#SYNCHRONOUS} mode it is sent on this thread, after
   * the client's configured retries, and a failure is thrown. In the {@link DeliveryMode#BATCHED} mode it is queued
   * and this returns at once; a failure is reported to the {@link DeliveryListener} instead.
   *
   * @throws IllegalStateException if no setter was called: there is nothing to update, and nothing is sent
   * @throws NotFoundException in the synchronous mode, if HoneyHive has no event with this id (when the server
   *     reports it)
   * @throws HoneyHiveException (a subclass) in the synchronous mode, if the request finally fails
   */
  public void send() {
    checkNotEmpty("send()");
    delivery.submitUpdate(eventId, toWire(), lane);
  }

  /**
   * Sends the update like {@link #send()} and returns a future that completes when it was delivered. In the
   * {@link DeliveryMode#BATCHED} mode the update is queued (in order, like {@link #send()}) and the future completes
   * when the exporter has sent it; in the {@link DeliveryMode#SYNCHRONOUS} mode the request runs on the client's
   * executor ({@link HoneyHive.Builder#executor}). The settings are read now: changing this builder afterwards does not
   * change what is sent.
   *
   * @return a future completed with null once HoneyHive accepted the update, or exceptionally with the
   *     {@link HoneyHiveException} that ended it (failed after its retries, or dropped: queue full, client closed)
   * @throws IllegalStateException if no setter was called: there is nothing to update, and nothing is sent
   */
  public CompletableFuture<Void> sendAsync() {
    checkNotEmpty("sendAsync()");
    return delivery.submitUpdateAsync(eventId, toWire(), lane);
  }

  private void checkNotEmpty(String method) {
    if (isEmpty()) {
      throw new IllegalStateException(
          "nothing to update: set at least one field (metadata, feedback, metrics, config, userProperties, outputs,"
              + " duration, endTime, childrenIds) before " + method);
    }
  }

  private boolean isEmpty() {
    return metadata == null
        && feedback == null
        && metrics == null
        && config == null
        && userProperties == null
        && outputs == null
        && durationMillis == null
        && endTimeMillis == null
        && childrenIds == null;
  }

  /**
   * Returns the wire form of the update: only the fields that were set, each map a new mutable copy, so callers may
   * change the result without affecting this builder.
   */
  ai.honeyhive.client.model.EventUpdate toWire() {
    return new ai.honeyhive.client.model.EventUpdate()
        .metadata(mutableCopy(metadata))
        .feedback(mutableCopy(feedback))
        .metrics(mutableCopy(metrics))
        .config(mutableCopy(config))
        .userProperties(mutableCopy(userProperties))
        .outputs(mutableCopy(outputs))
        .duration(durationMillis)
        .endTime(endTimeMillis)
        .childrenIds(childrenIds == null ? null : new ArrayList<>(childrenIds));
  }

  /** Returns {@code duration} in fractional milliseconds, the wire's unit. */
  static double toMillis(Duration duration) {
    return duration.getSeconds() * 1_000d + duration.getNano() / 1_000_000d;
  }

  private static Map<String, Object> mutableCopy(Map<String, Object> map) {
    return map == null ? null : new LinkedHashMap<>(map);
  }
}
