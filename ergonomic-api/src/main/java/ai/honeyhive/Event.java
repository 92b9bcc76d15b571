package ai.honeyhive;

import ai.honeyhive.client.model.EventRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event as HoneyHive stored it: one step of a session (a model call, a tool call, a chain) or the session itself.
 * Returned by searches ({@link EventSearch}); this client never builds one from user input.
 *
 * <p>Instances are immutable and safe to share between threads. Every map and list, including the maps and lists
 * nested inside free-form values, is an unmodifiable copy. Free-form values hold what JSON can hold: {@code String},
 * {@code Boolean}, numbers (integral values as {@code Integer}, {@code Long} or {@code BigInteger}, others as
 * {@code Double} or {@code BigDecimal}), {@code List}, {@code Map<String, Object>} and null.
 *
 * <p>A field the server did not send reads as null (for scalars), as an empty list ({@link #childrenIds()}) or as an
 * empty map (for free-form objects); accessors never fail.
 */
public final class Event {
  private final String eventId;
  private final String sessionId;
  private final String parentId;
  private final EventType type;
  private final String name;
  private final String source;
  private final String projectId;
  private final List<String> childrenIds;
  private final Map<String, Object> config;
  private final Map<String, Object> inputs;
  private final Map<String, Object> outputs;
  private final Map<String, Object> metadata;
  private final Map<String, Object> metrics;
  private final Map<String, Object> feedback;
  private final Map<String, Object> userProperties;
  private final String error;
  private final Instant startTime;
  private final Instant endTime;
  private final Duration duration;

  private Event(EventRecord wire) {
    this.eventId = wire.getEventId();
    this.sessionId = wire.getSessionId();
    this.parentId = wire.getParentId();
    this.type = EventType.fromWire(wire.getEventType());
    this.name = wire.getEventName();
    this.source = wire.getSource();
    this.projectId = wire.getProjectId();
    this.childrenIds = ids(wire.getChildrenIds());
    this.config = deepCopy(wire.getConfig());
    this.inputs = deepCopy(wire.getInputs());
    this.outputs = deepCopy(wire.getOutputs());
    this.metadata = deepCopy(wire.getMetadata());
    this.metrics = deepCopy(wire.getMetrics());
    this.feedback = deepCopy(wire.getFeedback());
    this.userProperties = deepCopy(wire.getUserProperties());
    this.error = wire.getError();
    this.startTime = instantFromEpochMillis(wire.getStartTime());
    this.endTime = instantFromEpochMillis(wire.getEndTime());
    this.duration = durationFromMillis(wire.getDuration());
  }

  /**
   * Returns the read model of {@code wire}. Copies everything, so later changes to {@code wire} do not show.
   *
   * @throws NullPointerException if {@code wire} is null
   */
  static Event fromWire(EventRecord wire) {
    if (wire == null) {
      throw new NullPointerException("wire == null");
    }
    return new Event(wire);
  }

  /**
   * Returns the event's id. Ids this client creates are UUIDs, but HoneyHive types ids as plain strings and events
   * from other sources (OpenTelemetry ingestion, other SDKs) may carry any string. Null only if the server did not
   * send one.
   *
   * @return the event id, or null
   */
  public String eventId() {
    return eventId;
  }

  /**
   * Returns the id of the session the event belongs to, any string (see {@link #eventId()}). Null only if the server
   * did not send one.
   *
   * @return the session id, or null
   */
  public String sessionId() {
    return sessionId;
  }

  /**
   * Returns the id of the event this one is nested under (for a top-level step, the session's id), or null when the
   * event has no parent, as for a session event.
   *
   * @return the parent's id, or null
   */
  public String parentId() {
    return parentId;
  }

  /**
   * Returns the kind of event, or null when the server sent no type or a type this version of the client does not
   * know (a newer server may add types; such events are still returned, not dropped).
   *
   * @return the type, or null
   */
  public EventType type() {
    return type;
  }

  /**
   * Returns the event's name ({@code event_name}), such as {@code "gpt-4o"} or {@code "vector-search"}, or null.
   *
   * @return the name, or null
   */
  public String name() {
    return name;
  }

  /**
   * Returns where the event was recorded ({@code source}), such as {@code "production"}, or null.
   *
   * @return the source, or null
   */
  public String source() {
    return source;
  }

  /**
   * Returns the id of the project that stores the event, or null when the server did not send it.
   *
   * @return the project id, or null
   */
  public String projectId() {
    return projectId;
  }

  /**
   * Returns the ids of the events nested directly under this one, in the server's order. Never null; may be empty.
   *
   * @return the children's ids; unmodifiable, possibly empty
   */
  public List<String> childrenIds() {
    return childrenIds;
  }

  /**
   * Returns the configuration, such as a model's name and parameters. Never null; empty when absent.
   *
   * @return the configuration; unmodifiable, possibly empty
   */
  public Map<String, Object> config() {
    return config;
  }

  /**
   * Returns the inputs, such as a model's chat messages. Never null; empty when absent.
   *
   * @return the inputs; unmodifiable, possibly empty
   */
  public Map<String, Object> inputs() {
    return inputs;
  }

  /**
   * Returns the outputs, such as a model's completion. Never null; empty when absent.
   *
   * @return the outputs; unmodifiable, possibly empty
   */
  public Map<String, Object> outputs() {
    return outputs;
  }

  /**
   * Returns the metadata, such as token counts or cost. Never null; empty when absent.
   *
   * @return the metadata; unmodifiable, possibly empty
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /**
   * Returns the metrics computed for the event. Never null; empty when absent.
   *
   * @return the metrics; unmodifiable, possibly empty
   */
  public Map<String, Object> metrics() {
    return metrics;
  }

  /**
   * Returns the feedback given on the event, such as a user's rating. Never null; empty when absent.
   *
   * @return the feedback; unmodifiable, possibly empty
   */
  public Map<String, Object> feedback() {
    return feedback;
  }

  /**
   * Returns the properties of the end user, such as a user id. Never null; empty when absent.
   *
   * @return the user properties; unmodifiable, possibly empty
   */
  public Map<String, Object> userProperties() {
    return userProperties;
  }

  /**
   * Returns the error the step reported, or null when it succeeded or recorded none.
   *
   * @return the error, or null
   */
  public String error() {
    return error;
  }

  /**
   * Returns when the step started, or null when the server did not send it. The wire carries epoch milliseconds,
   * possibly fractional; a fraction is kept to the nanosecond.
   *
   * @return the start time, or null
   */
  public Instant startTime() {
    return startTime;
  }

  /**
   * Returns when the step ended, or null when the server did not send it; a fractional millisecond is kept.
   *
   * @return the end time, or null
   */
  public Instant endTime() {
    return endTime;
  }

  /**
   * Returns how long the step took, or null when the server did not send it. The wire carries fractional
   * milliseconds; the fraction is kept to the nanosecond, so {@code 12.5} reads as 12,500,000 ns.
   *
   * @return the duration, or null
   */
  public Duration duration() {
    return duration;
  }

  /** Returns true when {@code o} is an {@code Event} with equal values in every field. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Event)) {
      return false;
    }
    Event other = (Event) o;
    return Objects.equals(eventId, other.eventId)
        && Objects.equals(sessionId, other.sessionId)
        && Objects.equals(parentId, other.parentId)
        && type == other.type
        && Objects.equals(name, other.name)
        && Objects.equals(source, other.source)
        && Objects.equals(projectId, other.projectId)
        && childrenIds.equals(other.childrenIds)
        && config.equals(other.config)
        && inputs.equals(other.inputs)
        && outputs.equals(other.outputs)
        && metadata.equals(other.metadata)
        && metrics.equals(other.metrics)
        && feedback.equals(other.feedback)
        && userProperties.equals(other.userProperties)
        && Objects.equals(error, other.error)
        && Objects.equals(startTime, other.startTime)
        && Objects.equals(endTime, other.endTime)
        && Objects.equals(duration, other.duration);
  }

  /** Returns a hash code consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(
        eventId, sessionId, parentId, type, name, source, projectId, childrenIds, config, inputs, outputs, metadata,
        metrics, feedback, userProperties, error, startTime, endTime, duration);
  }

  /** Returns every field, for debugging; the format may change between versions. */
  @Override
  public String toString() {
    return "Event{eventId=" + eventId
        + ", sessionId=" + sessionId
        + ", parentId=" + parentId
        + ", type=" + type
        + ", name=" + name
        + ", source=" + source
        + ", projectId=" + projectId
        + ", childrenIds=" + childrenIds
        + ", config=" + config
        + ", inputs=" + inputs
        + ", outputs=" + outputs
        + ", metadata=" + metadata
        + ", metrics=" + metrics
        + ", feedback=" + feedback
        + ", userProperties=" + userProperties
        + ", error=" + error
        + ", startTime=" + startTime
        + ", endTime=" + endTime
        + ", duration=" + duration
        + '}';
  }

  private static List<String> ids(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(ids)); // A null element stays null, as it was sent.
  }

  /**
   * Converts epoch milliseconds, which HoneyHive may send with a fraction ({@code 1796522827968.5}), to an instant,
   * keeping the fraction to the nanosecond; null for null or a value that is not finite.
   */
  static Instant instantFromEpochMillis(Number millis) {
    if (millis instanceof Integer || millis instanceof Long) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    Duration sinceEpoch = durationFromMillis(millis);
    return sinceEpoch == null ? null : Instant.EPOCH.plus(sinceEpoch);
  }

  /** Converts fractional milliseconds to a duration, keeping the fraction to the nanosecond; null if not finite. */
  static Duration durationFromMillis(Number millis) {
    if (millis == null) {
      return null;
    }
    if (millis instanceof Integer || millis instanceof Long) {
      return Duration.ofMillis(millis.longValue());
    }
    double value = millis.doubleValue();
    if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > 9.2e15) {
      return null; // Beyond what Duration and Instant hold in milliseconds: unreadable, not a failure.
    }
    double whole = Math.floor(value);
    long nanosOfMilli = Math.round((value - whole) * 1_000_000d);
    return Duration.ofMillis((long) whole).plusNanos(nanosOfMilli);
  }

  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return copyMap(map);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value) {
    if (value instanceof Map) {
      return copyMap((Map<?, ?>) value);
    }
    if (value instanceof Collection) {
      List<Object> copy = new ArrayList<>(((Collection<?>) value).size());
      for (Object element : (Collection<?>) value) {
        copy.add(copyValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
