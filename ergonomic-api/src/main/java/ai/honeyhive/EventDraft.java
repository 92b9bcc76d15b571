package ai.honeyhive;

import ai.honeyhive.internal.wire.JsonValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields of one event while it is being built, shared by the builders and open spans (which synchronize on it),
 * and its mapping to the wire type. Not thread-safe.
 *
 * <p>The wire event shares the draft's maps instead of copying them, so that logging copies nothing. A queued event
 * must not change while it waits, so once a wire event was made, the next change to the draft (a builder reused, a
 * span changed after it closed) first copies the maps: copy on write.
 */
final class EventDraft {
  /** The free-form fields, in wire order. */
  enum Field {
    INPUTS("inputs"), OUTPUTS("outputs"), CONFIG("config"), METADATA("metadata"), METRICS("metrics"),
    FEEDBACK("feedback"), USER_PROPERTIES("userProperties");

    final String argumentName;

    Field(String argumentName) {
      this.argumentName = argumentName;
    }
  }

  private final FieldMap[] maps = new FieldMap[Field.values().length];
  String error;
  String source;
  UUID eventId;
  Instant startTime;
  Instant endTime;
  Duration duration;
  /** The estimated JSON size of the entries of {@link #maps}. */
  private long estimatedBytes;
  /** Whether a wire event made by {@link #toWire} still refers to {@link #maps}. */
  private boolean shared;

  EventDraft() {}

  EventDraft(EventDraft other) {
    for (int i = 0; i < maps.length; i++) {
      if (other.maps[i] != null) {
        maps[i] = new FieldMap(other.maps[i]);
      }
    }
    estimatedBytes = other.estimatedBytes;
    error = other.error;
    source = other.source;
    eventId = other.eventId;
    startTime = other.startTime;
    endTime = other.endTime;
    duration = other.duration;
  }

  /**
   * Adds every entry of {@code values}, after checking they can be written as JSON; later values win. Nothing is
   * added when one cannot.
   */
  void putAll(Field field, Map<String, ?> values) {
    if (values == null) {
      throw new NullPointerException(field.argumentName + " == null");
    }
    // One walk over the caller's map, checking each entry and keeping it; they are added once all passed.
    Object[] entries = new Object[2 * values.size()];
    int length = 0;
    long added = 0;
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      String key = entry.getKey();
      if (key == null) {
        throw new NullPointerException(field.argumentName + " has a null key");
      }
      Object value = entry.getValue();
      added += JsonValues.check(field.argumentName, key, value);
      if (length == entries.length) {
        entries = Arrays.copyOf(entries, 2 * length + 2); // The map grew while being walked.
      }
      entries[length++] = key;
      entries[length++] = value;
    }
    FieldMap map = map(field);
    map.ensureCapacity(map.size() + length / 2);
    for (int i = 0; i < length; i += 2) {
      putCounted(map, (String) entries[i], entries[i + 1]);
    }
    estimatedBytes += added;
  }

  /** Adds one entry, after checking it can be written as JSON. */
  void put(Field field, String key, Object value) {
    long added = JsonValues.check(field.argumentName, key, value);
    putCounted(map(field), key, value);
    estimatedBytes += added;
  }

  /** Puts an entry, taking the one it replaces (if any) out of the estimate; one lookup either way. */
  private void putCounted(FieldMap map, String key, Object value) {
    int size = map.size();
    Object replaced = map.put(key, value);
    if (map.size() == size) {
      estimatedBytes -= JsonValues.entrySize(key, JsonValues.estimate(replaced));
    }
  }

  /**
   * The estimated JSON size of the free-form fields, the error and the source, kept up to date as they are set so
   * that queueing an event needs no walk over its maps (see {@link JsonValues#estimate}).
   */
  long estimatedBytes() {
    return estimatedBytes + (error == null ? 0 : error.length() + 12) + (source == null ? 0 : source.length() + 12);
  }

  FieldMap map(Field field) {
    if (shared) {
      for (int i = 0; i < maps.length; i++) {
        if (maps[i] != null) {
          maps[i] = new FieldMap(maps[i]);
        }
      }
      shared = false;
    }
    FieldMap map = maps[field.ordinal()];
    if (map == null) {
      map = new FieldMap();
      maps[field.ordinal()] = map;
    }
    return map;
  }

  Object get(Field field, String key) {
    Map<String, Object> map = maps[field.ordinal()];
    return map == null ? null : map.get(key);
  }

  static String describe(Throwable error) {
    String message = error.getMessage();
    return message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
  }

  /**
   * Returns the wire event. {@code inputs} is required by the API, so an event without inputs sends {@code {}}. The
   * event refers to this draft's maps; the draft copies them before its next change.
   *
   * @param sessionId the session, or null to send none (an imported session's, which HoneyHive chooses)
   * @param parentId the parent event, or null to send none (HoneyHive makes the session the parent)
   * @param children the ids of events nested under this one, or empty
   */
  ai.honeyhive.client.model.Event toWire(EventType type, String name, UUID id, UUID sessionId, UUID parentId,
      List<UUID> children, long startNanos, long endNanos, String defaultSource) {
    ai.honeyhive.client.model.Event wire = new ai.honeyhive.client.model.Event()
        .eventId(id.toString())
        .sessionId(sessionId == null ? null : sessionId.toString())
        .parentId(parentId == null ? null : parentId.toString())
        .eventType(type.toWire())
        .eventName(name)
        .source(source != null ? source : defaultSource)
        .inputs(maps[Field.INPUTS.ordinal()] != null ? maps[Field.INPUTS.ordinal()] : Map.of())
        .outputs(maps[Field.OUTPUTS.ordinal()])
        .config(maps[Field.CONFIG.ordinal()])
        .metadata(maps[Field.METADATA.ordinal()])
        .metrics(maps[Field.METRICS.ordinal()])
        .feedback(maps[Field.FEEDBACK.ordinal()])
        .userProperties(maps[Field.USER_PROPERTIES.ordinal()])
        .error(error)
        .startTime(Math.floorDiv(startNanos, 1_000_000L))
        .endTime(Math.floorDiv(endNanos, 1_000_000L))
        .duration((endNanos - startNanos) / 1e6);
    if (!children.isEmpty()) {
      List<String> childIds = new ArrayList<>(children.size());
      for (UUID child : children) {
        childIds.add(child.toString());
      }
      wire.childrenIds(childIds);
    }
    shared = true;
    return wire;
  }
}
