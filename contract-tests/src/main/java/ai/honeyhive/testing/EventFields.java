package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an event as a client sent it into the event the server stores, the way the API describes: only the fields
 * of the spec's {@code Event} schema are kept (the legacy {@code project} and other unknown fields are dropped), and
 * missing ids, names and times are filled in.
 */
final class EventFields {
  private static final Set<String> MERGED_ON_UPDATE =
      Set.of("metadata", "feedback", "metrics", "config", "user_properties");
  /** Kept even when a (pinned) spec's {@code Event} lacks them: the store cannot work without them. */
  private static final Set<String> IDENTITY = Set.of("event_id", "session_id", "event_type");

  private EventFields() {}

  /**
   * Returns the stored form of {@code sent}.
   *
   * <ul>
   *   <li>{@code event_id}: as sent, else a new UUID;
   *   <li>{@code session_id}: the placement's session, else as sent, else a new UUID (the event becomes a session of
   *       its own; a session event is its own session);
   *   <li>{@code parent_id}: as sent, else the session id (none for a session event);
   *   <li>{@code event_name} and {@code source}: as sent, else {@code "unknown"} (a legacy model event is named by
   *       its {@code model_name}, which also fills {@code config.model});
   *   <li>{@code project_id}: the server's; {@code inputs}: as sent, else {@code {}};
   *   <li>{@code start_time}: as sent, else now; {@code end_time}: else the start; {@code duration}: else the end
   *       less the start.
   * </ul>
   * Defaults of fields that the spec's {@code Event} does not have are left out, except the ids and type.
   */
  static Map<String, Object> forStorage(Map<String, Object> sent, Set<String> eventFields, Placement placement,
      String projectId, long nowMillis) {
    Map<String, Object> event = new LinkedHashMap<>();
    Map<String, Object> fields = placement.legacyModel() ? LegacyModelFields.moveIntoPlace(sent) : sent;
    fields.forEach((name, value) -> {
      if (eventFields.contains(name) && (value != null || name.equals("error"))) {
        event.put(name, Json.mutableCopy(value));
      }
    });
    if (placement.eventType() != null) {
      event.put("event_type", placement.eventType());
    }
    event.putIfAbsent("event_id", newId());
    boolean session = "session".equals(event.get("event_type"));
    if (placement.sessionId() != null) {
      event.put("session_id", placement.sessionId());
    } else {
      event.putIfAbsent("session_id", session ? event.get("event_id") : newId());
    }
    if (!session) {
      event.putIfAbsent("parent_id", event.get("session_id"));
    }
    event.putIfAbsent("event_name", "unknown");
    event.putIfAbsent("source", "unknown");
    event.put("project_id", projectId);
    event.putIfAbsent("inputs", new LinkedHashMap<>());
    fillTimes(event, nowMillis);
    return knownFieldsOnly(event, eventFields);
  }

  /**
   * Returns the stored form of a session started with {@code sent} (a {@code SessionStartRequest}, a legacy
   * {@code session} or a batch's {@code session_properties}): a session event whose id is the session id, named
   * by {@code event_name}, else {@code session_name}, else {@code "unknown"}.
   */
  static Map<String, Object> sessionForStorage(Map<String, Object> sent, String sessionId, Set<String> eventFields,
      String projectId, long nowMillis) {
    Map<String, Object> event = new LinkedHashMap<>();
    sent.forEach((name, value) -> {
      if (eventFields.contains(name) && value != null) {
        event.put(name, Json.mutableCopy(value));
      }
    });
    event.put("event_id", sessionId);
    event.put("session_id", sessionId);
    event.remove("parent_id");
    event.put("event_type", "session");
    Object name = sent.get("event_name") != null ? sent.get("event_name") : sent.get("session_name");
    event.put("event_name", name != null ? String.valueOf(name) : "unknown");
    event.putIfAbsent("source", "unknown");
    event.put("project_id", projectId);
    event.putIfAbsent("inputs", new LinkedHashMap<>());
    fillTimes(event, nowMillis);
    return knownFieldsOnly(event, eventFields);
  }

  /** Drops the defaults of fields the spec's {@code Event} does not have, keeping the ids the store needs. */
  private static Map<String, Object> knownFieldsOnly(Map<String, Object> event, Set<String> eventFields) {
    event.keySet().removeIf(name -> !eventFields.contains(name) && !IDENTITY.contains(name));
    return event;
  }

  /**
   * Applies an update to a stored event: {@code metadata}, {@code feedback}, {@code metrics}, {@code config} and
   * {@code user_properties} are merged key by key; {@code outputs} replaces (null keeps the stored outputs, as
   * HoneyHive's spec says); {@code duration} and {@code end_time} overwrite; a non-empty {@code children_ids}
   * replaces (an empty one is ignored). Other fields are ignored.
   */
  static void applyUpdate(Map<String, Object> event, Map<String, Object> changes) {
    changes.forEach((name, value) -> {
      if (MERGED_ON_UPDATE.contains(name)) {
        mergeInto(event, name, value);
      } else if (name.equals("outputs")) {
        if (value != null) {
          event.put("outputs", Json.mutableCopy(value));
        }
      } else if ((name.equals("duration") || name.equals("end_time")) && value instanceof Number) {
        event.put(name, value);
      } else if (name.equals("children_ids") && Json.array(value) != null && !Json.array(value).isEmpty()) {
        event.put(name, Json.mutableCopy(value));
      }
    });
  }

  /** Merges the object {@code value} into the object field {@code name} of {@code event}, key by key. */
  static void mergeInto(Map<String, Object> event, String name, Object value) {
    Map<String, Object> incoming = Json.object(value);
    if (incoming == null) {
      return;
    }
    Map<String, Object> stored = Json.object(event.get(name));
    if (stored == null) {
      stored = new LinkedHashMap<>();
      event.put(name, stored);
    }
    for (Map.Entry<String, Object> entry : incoming.entrySet()) {
      stored.put(entry.getKey(), Json.mutableCopy(entry.getValue()));
    }
  }

  private static void fillTimes(Map<String, Object> event, long nowMillis) {
    event.putIfAbsent("start_time", nowMillis);
    event.putIfAbsent("end_time", event.get("start_time"));
    if (!event.containsKey("duration")
        && event.get("start_time") instanceof Number && event.get("end_time") instanceof Number) {
      double start = ((Number) event.get("start_time")).doubleValue(); // Times may be fractional, as Python sends.
      double end = ((Number) event.get("end_time")).doubleValue();
      event.put("duration", Math.max(0, end - start));
    }
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
