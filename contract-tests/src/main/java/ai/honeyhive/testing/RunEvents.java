package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of an experiment run, read from the {@link EventStore}. A run's sessions are the union of the session
 * ids in its {@code event_ids} and the sessions of every event whose {@code metadata.run_id} is the run's id:
 * HoneyHive's Python SDK writes both (the metadata on each session and event as it runs, {@code event_ids} when it
 * finalizes the run), so a run shows its sessions while it runs and keeps those it was finalized with.
 *
 * <p>A session's datapoint is the session event's {@code metadata.datapoint_id}, else that of any of its events.
 * Metrics are the numeric and boolean entries of {@code metrics} on the run's events other than the sessions
 * themselves: HoneyHive's SDK writes client-side evaluator scores on the chain event of each datapoint, and whether
 * session-level metrics count in summaries and comparisons is not documented, so this server leaves them out (a
 * client that writes its scores on an event inside the session is counted under either answer).
 */
final class RunEvents {
  private final Map<String, List<StoredEvent>> bySession = new LinkedHashMap<>();

  /** One metric value on one event of the run. */
  record MetricValue(String metric, Object value, StoredEvent event, String datapointKey) {
    double number() {
      return value instanceof Boolean flag ? (flag ? 1 : 0) : ((Number) value).doubleValue();
    }
  }

  private RunEvents(Map<String, Object> run, List<StoredEvent> all) {
    String runId = String.valueOf(run.get("run_id"));
    Set<String> sessions = new LinkedHashSet<>();
    List<Object> eventIds = Json.array(run.get("event_ids"));
    if (eventIds != null) {
      eventIds.forEach(id -> sessions.add(String.valueOf(id)));
    }
    for (StoredEvent event : all) {
      if (runId.equalsIgnoreCase(String.valueOf(event.metadata().get("run_id")))) {
        sessions.add(event.sessionId());
      }
    }
    sessions.forEach(session -> bySession.put(session, new ArrayList<>()));
    for (StoredEvent event : all) {
      List<StoredEvent> events = bySession.get(event.sessionId());
      if (events != null) {
        events.add(event);
      }
    }
    bySession.values().removeIf(List::isEmpty);
  }

  /** The events of {@code run} (a run record of the {@link RunStore}) among {@code store}'s. */
  static RunEvents of(Map<String, Object> run, EventStore store) {
    return new RunEvents(run, store.all());
  }

  /** The run's session ids that have events, in order. */
  Set<String> sessionIds() {
    return bySession.keySet();
  }

  /** Every event of the run, sessions included, session by session. */
  List<StoredEvent> events() {
    List<StoredEvent> events = new ArrayList<>();
    bySession.values().forEach(events::addAll);
    return events;
  }

  /** The events of session {@code sessionId}; empty when it is not the run's. */
  List<StoredEvent> eventsOf(String sessionId) {
    return bySession.getOrDefault(sessionId, List.of());
  }

  /** The datapoint of session {@code sessionId}, or null. */
  String datapointOf(String sessionId) {
    String found = null;
    for (StoredEvent event : eventsOf(sessionId)) {
      Object id = event.metadata().get("datapoint_id");
      if (id != null && (found == null || event.isSession())) {
        found = String.valueOf(id);
      }
    }
    return found;
  }

  /** The session of each datapoint (the first one when a datapoint ran twice), in order. */
  Map<String, String> sessionsByDatapoint() {
    Map<String, String> sessions = new LinkedHashMap<>();
    bySession.keySet().forEach(session -> {
      String datapoint = datapointOf(session);
      if (datapoint != null) {
        sessions.putIfAbsent(datapoint, session);
      }
    });
    return sessions;
  }

  /** What identifies a session's outcome: its datapoint id, else the session id. */
  String datapointKey(String sessionId) {
    String datapoint = datapointOf(sessionId);
    return datapoint != null ? datapoint : sessionId;
  }

  /** The metric values of the run's non-session events matching every filter, limited to {@code sessions}. */
  List<MetricValue> metricValues(List<SearchFilter> filters, Set<String> sessions) {
    List<MetricValue> values = new ArrayList<>();
    for (StoredEvent event : events()) {
      if (event.isSession() || (sessions != null && !sessions.contains(event.sessionId()))
          || !matches(event, filters)) {
        continue;
      }
      metricsOf(event).forEach((metric, value) ->
          values.add(new MetricValue(metric, value, event, datapointKey(event.sessionId()))));
    }
    return values;
  }

  /** The numeric and boolean entries of an event's {@code metrics}. */
  static Map<String, Object> metricsOf(StoredEvent event) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    event.metrics().forEach((name, value) -> {
      if (value instanceof Number || value instanceof Boolean) {
        metrics.put(name, value);
      }
    });
    return metrics;
  }

  static boolean matches(StoredEvent event, List<SearchFilter> filters) {
    for (SearchFilter filter : filters) {
      if (!filter.matches(event.toMap())) {
        return false;
      }
    }
    return true;
  }
}
