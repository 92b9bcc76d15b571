package ai.honeyhive.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's events, by id, in the order they first arrived, and how often each id was delivered. Thread-safe:
 * every method locks the store.
 *
 * <p>Creating an event whose id is already stored does not change it: the delivery is counted, so a test can tell a
 * duplicate from a single delivery. Starting a session that exists merges its {@code metadata} and
 * {@code user_properties}, as the API documents, and also counts as a delivery.
 */
final class EventStore {
  /** The organisation and workspace of every session-start answer, as HoneyHive's answers carry them. */
  static final String ORG_ID = "hh-test-org";
  static final String WORKSPACE_ID = "hh-test-workspace";

  private final Set<String> eventFields;
  private final String projectId;
  private final Clock clock;

  private final Map<String, Entry> events = new LinkedHashMap<>();
  private final Map<String, Integer> deliveries = new LinkedHashMap<>();
  private long nextSequence;

  EventStore(Set<String> eventFields, String projectId, Clock clock) {
    this.eventFields = eventFields;
    this.projectId = projectId;
    this.clock = clock;
  }

  /** The clock the store fills in times with (also the experiment runs' clock). */
  Clock clock() {
    return clock;
  }

  /** The project every stored event belongs to (also the experiment runs' scope). */
  String projectId() {
    return projectId;
  }

  /** Stores {@code sent} (see {@link EventFields#forStorage}) unless its id is stored; returns its id. */
  synchronized String create(Map<String, Object> sent, Placement placement) {
    Map<String, Object> event = EventFields.forStorage(sent, eventFields, placement, projectId, clock.millis());
    String id = (String) event.get("event_id");
    deliveries.merge(id, 1, Integer::sum);
    events.computeIfAbsent(id, key -> new Entry(event, null, nextSequence++));
    return id;
  }

  /**
   * Starts the session {@code sessionId} from {@code sent}, or merges {@code sent}'s metadata and user properties
   * into it when it exists.
   *
   * @return the stored session event with its {@code session_name}, {@code org_id}, {@code workspace_id} and
   *     {@code project_id}, as both session start routes answer
   */
  synchronized Map<String, Object> startSession(String sessionId, Map<String, Object> sent) {
    deliveries.merge(sessionId, 1, Integer::sum);
    Entry entry = events.get(sessionId);
    if (entry == null) {
      Map<String, Object> event =
          EventFields.sessionForStorage(sent, sessionId, eventFields, projectId, clock.millis());
      Object name = sent.get("session_name") != null ? sent.get("session_name") : event.get("event_name");
      entry = new Entry(event, String.valueOf(name), nextSequence++);
      events.put(sessionId, entry);
    } else {
      EventFields.mergeInto(entry.fields, "metadata", sent.get("metadata"));
      EventFields.mergeInto(entry.fields, "user_properties", sent.get("user_properties"));
    }
    Map<String, Object> answer = new LinkedHashMap<>(entry.fields);
    answer.put("org_id", ORG_ID);
    answer.put("workspace_id", WORKSPACE_ID);
    answer.put("project_id", projectId);
    if (entry.sessionName != null) {
      answer.put("session_name", entry.sessionName);
    }
    return answer;
  }

  /**
   * Applies {@code changes} to the stored event {@code eventId} (see {@link EventFields#applyUpdate}).
   *
   * @return false when no such event is stored
   */
  synchronized boolean update(String eventId, Map<String, Object> changes) {
    Entry entry = events.get(eventId);
    if (entry == null) {
      return false;
    }
    EventFields.applyUpdate(entry.fields, changes);
    return true;
  }

  /** Returns whether an event (or session) {@code eventId} is stored. */
  synchronized boolean contains(String eventId) {
    return events.containsKey(eventId);
  }

  /**
   * Runs {@code steps} while holding the store's lock, so that a check of the store and the writes it decides on
   * (the OTLP route: which sessions to start, then the events) are not interleaved with another request's.
   */
  synchronized void inOneStep(Runnable steps) {
    steps.run();
  }

  /** Returns a snapshot of the event {@code eventId}, or null. */
  synchronized StoredEvent get(String eventId) {
    Entry entry = events.get(eventId);
    return entry == null ? null : entry.snapshot();
  }

  /** Returns a snapshot of every event, in the order they first arrived. */
  synchronized List<StoredEvent> all() {
    List<StoredEvent> all = new ArrayList<>(events.size());
    events.values().forEach(entry -> all.add(entry.snapshot()));
    return List.copyOf(all);
  }

  /** Returns how many create requests carried {@code eventId} (session starts included); 0 when none did. */
  synchronized int deliveries(String eventId) {
    return deliveries.getOrDefault(eventId, 0);
  }

  /** Returns the ids delivered more than once, with their delivery counts, in order of first arrival. */
  synchronized Map<String, Integer> duplicates() {
    Map<String, Integer> duplicates = new LinkedHashMap<>();
    deliveries.forEach((id, count) -> {
      if (count > 1) {
        duplicates.put(id, count);
      }
    });
    return Collections.unmodifiableMap(duplicates);
  }

  /** One stored event: its fields in wire form, a session's name, and when it first arrived. */
  private static final class Entry {
    final Map<String, Object> fields;
    final String sessionName;
    final long sequence;

    Entry(Map<String, Object> fields, String sessionName, long sequence) {
      this.fields = fields;
      this.sessionName = sessionName;
      this.sequence = sequence;
    }

    StoredEvent snapshot() {
      return new StoredEvent(fields, sequence);
    }
  }
}
