package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event as the test server stored it: a session, model, tool or chain event, with the ids and defaults the server
 * filled in. This is what {@code GET /v1/events/{event_id}} returns for it.
 *
 * <p>Immutable and safe to share between threads: a snapshot, so later updates to the stored event do not show.
 * Free-form values ({@link #inputs()}, {@link #metadata()}, ...) are unmodifiable maps and lists of strings,
 * booleans, numbers (integral values as {@code Integer}, {@code Long} or {@code BigInteger}, others as
 * {@code Double}) and nulls. A free-form field that was never sent reads as an empty map; a scalar as null.
 */
public final class StoredEvent {
  private final Map<String, Object> fields;
  private final long sequence;

  StoredEvent(Map<String, Object> fields, long sequence) {
    this.fields = asMap(Json.frozenCopy(fields));
    this.sequence = sequence;
  }

  /** Returns the event's id (for a session event, the session's id). Never null. */
  public String eventId() {
    return string("event_id");
  }

  /** Returns the id of the session the event belongs to. Never null: the server assigns one when none was sent. */
  public String sessionId() {
    return string("session_id");
  }

  /**
   * Returns the id of the event this one is nested under: the session id for a top-level step, as the server
   * defaults it. Null for a session event.
   */
  public String parentId() {
    return string("parent_id");
  }

  /** Returns the kind of event as on the wire: {@code "session"}, {@code "model"}, {@code "tool"} or {@code "chain"}. */
  public String eventType() {
    return string("event_type");
  }

  /** Returns whether this is a session (root) event. */
  public boolean isSession() {
    return "session".equals(eventType());
  }

  /** Returns the event's name; {@code "unknown"} when none was sent, as the API defaults it. */
  public String eventName() {
    return string("event_name");
  }

  /** Returns where the event was recorded, such as {@code "production"}; {@code "unknown"} when none was sent. */
  public String source() {
    return string("source");
  }

  /** Returns the project id the server assigned (the server's {@code projectId}, whatever the client sent). */
  public String projectId() {
    return string("project_id");
  }

  /** Returns the ids of the events listed as nested directly under this one. Never null; may be empty. */
  public List<String> childrenIds() {
    List<Object> ids = Json.array(fields.get("children_ids"));
    List<String> result = new ArrayList<>();
    if (ids != null) {
      ids.forEach(id -> result.add(String.valueOf(id)));
    }
    return List.copyOf(result);
  }

  /** Returns the inputs. Never null; the server stores {@code {}} when none were sent. */
  public Map<String, Object> inputs() {
    return map("inputs");
  }

  /** Returns the outputs. Never null; empty when none were sent or an update cleared them. */
  public Map<String, Object> outputs() {
    return map("outputs");
  }

  /** Returns the configuration, such as a model's name and parameters. Never null. */
  public Map<String, Object> config() {
    return map("config");
  }

  /** Returns the metadata, such as token counts and cost. Never null. */
  public Map<String, Object> metadata() {
    return map("metadata");
  }

  /** Returns the metrics. Never null. */
  public Map<String, Object> metrics() {
    return map("metrics");
  }

  /** Returns the feedback. Never null. */
  public Map<String, Object> feedback() {
    return map("feedback");
  }

  /** Returns the end-user properties. Never null. */
  public Map<String, Object> userProperties() {
    return map("user_properties");
  }

  /** Returns the error the event reported, or null. */
  public String error() {
    return string("error");
  }

  /** Returns the start time in Unix epoch milliseconds. Never null: the server uses its clock when none was sent. */
  public Long startTime() {
    Object value = fields.get("start_time");
    return value instanceof Number ? ((Number) value).longValue() : null;
  }

  /** Returns the end time in Unix epoch milliseconds; the start time when none was sent. */
  public Long endTime() {
    Object value = fields.get("end_time");
    return value instanceof Number ? ((Number) value).longValue() : null;
  }

  /** Returns the duration in (possibly fractional) milliseconds; end less start when none was sent. */
  public Double durationMillis() {
    Object value = fields.get("duration");
    return value instanceof Number ? ((Number) value).doubleValue() : null;
  }

  /**
   * Returns the event in its wire form, as {@code GET /v1/events/{event_id}} returns it: only the fields of the
   * spec's {@code Event} schema, absent fields left out. Unmodifiable.
   */
  public Map<String, Object> toMap() {
    return fields;
  }

  /** The order in which the server first received the event, for stable sorting. */
  long sequence() {
    return sequence;
  }

  private String string(String name) {
    Object value = fields.get(name);
    return value == null ? null : String.valueOf(value);
  }

  private Map<String, Object> map(String name) {
    Map<String, Object> value = Json.object(fields.get(name));
    return value != null ? value : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object frozen) {
    return (Map<String, Object>) frozen;
  }

  /** Returns true when {@code o} is a {@code StoredEvent} with equal fields. */
  @Override
  public boolean equals(Object o) {
    return o instanceof StoredEvent && fields.equals(((StoredEvent) o).fields);
  }

  /** Returns a hash code consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(fields);
  }

  /** Returns the type, name and ids, for assertion messages; the format may change. */
  @Override
  public String toString() {
    return eventType() + " '" + eventName() + "' {eventId=" + eventId() + ", sessionId=" + sessionId()
        + ", parentId=" + parentId() + "}";
  }
}
