package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two runs compared on the datapoints they have in common ({@code getExperimentComparison}), and the pairs of their
 * events on those datapoints ({@code getExperimentCompareEvents}). Answers carry HoneyHive's spec's keys only; the
 * {@code improved_count}, {@code degraded_count}, ... that HoneyHive's Python SDK reads from the deprecated route are
 * not documented there, and a client can derive them from {@code metrics}.
 */
final class RunComparison {
  private RunComparison() {}

  /** The datapoint ids of both runs, in the new run's order. */
  static List<String> commonDatapoints(RunEvents newer, RunEvents older) {
    Set<String> old = older.sessionsByDatapoint().keySet();
    List<String> common = new ArrayList<>();
    newer.sessionsByDatapoint().keySet().forEach(id -> {
      if (old.contains(id)) {
        common.add(id);
      }
    });
    return common;
  }

  /**
   * Per metric name, each run's values on the common datapoints aggregated with {@code function}, the difference
   * (new less old) and the change in percent of the old aggregate (left out when the old aggregate is 0).
   */
  static Map<String, Object> compare(Map<String, Object> newRun, RunEvents newer, Map<String, Object> oldRun,
      RunEvents older, String function, List<SearchFilter> filters) {
    List<String> common = commonDatapoints(newer, older);
    Map<String, List<Double>> newValues = byMetric(newer, common, filters);
    Map<String, List<Double>> oldValues = byMetric(older, common, filters);
    Set<String> names = new LinkedHashSet<>(newValues.keySet());
    names.addAll(oldValues.keySet());
    List<Object> metrics = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("metric_name", name);
      metric.put("metric_type", "CLIENT_SIDE");
      Double oldAggregate = MetricAggregate.apply(function, oldValues.getOrDefault(name, List.of()));
      Double newAggregate = MetricAggregate.apply(function, newValues.getOrDefault(name, List.of()));
      if (oldAggregate != null) {
        metric.put("old_aggregate", oldAggregate);
      }
      if (newAggregate != null) {
        metric.put("new_aggregate", newAggregate);
      }
      if (oldAggregate != null && newAggregate != null) {
        metric.put("difference", newAggregate - oldAggregate);
        if (oldAggregate != 0) {
          metric.put("percentage_change", (newAggregate - oldAggregate) / Math.abs(oldAggregate) * 100);
        }
      }
      metrics.add(metric);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("metrics", metrics);
    answer.put("commonDatapoints", common);
    answer.put("event_details", presence(newer, older));
    answer.put("old_run", RunStore.wireForm(oldRun));
    answer.put("new_run", RunStore.wireForm(newRun));
    return answer;
  }

  /**
   * For each common datapoint, the new run's matching events paired in order with the old run's: the sessions
   * when neither {@code eventName} nor {@code eventType} is given. One page, and the number of pairs in all.
   */
  static Map<String, Object> pairs(RunEvents newer, RunEvents older, String eventName, String eventType,
      List<SearchFilter> filters, int page, int limit) {
    Map<String, String> newSessions = newer.sessionsByDatapoint();
    Map<String, String> oldSessions = older.sessionsByDatapoint();
    String type = eventName == null && eventType == null ? "session" : eventType;
    List<Object> all = new ArrayList<>();
    for (String datapoint : commonDatapoints(newer, older)) {
      List<StoredEvent> first = matching(newer.eventsOf(newSessions.get(datapoint)), eventName, type, filters);
      List<StoredEvent> second = matching(older.eventsOf(oldSessions.get(datapoint)), eventName, type, filters);
      for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("datapoint_id", datapoint);
        pair.put("event_1", first.get(i).toMap());
        pair.put("event_2", second.get(i).toMap());
        all.add(pair);
      }
    }
    long from = Math.min((long) (page - 1) * limit, all.size());
    long to = Math.min(from + limit, all.size());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("events", all.subList((int) from, (int) to));
    answer.put("totalEvents", all.size());
    return answer;
  }

  private static List<StoredEvent> matching(List<StoredEvent> events, String name, String type,
      List<SearchFilter> filters) {
    List<StoredEvent> matching = new ArrayList<>();
    for (StoredEvent event : events) {
      if ((name == null || name.equals(event.eventName())) && (type == null || type.equals(event.eventType()))
          && RunEvents.matches(event, filters)) {
        matching.add(event);
      }
    }
    return matching;
  }

  private static Map<String, List<Double>> byMetric(RunEvents events, List<String> datapoints,
      List<SearchFilter> filters) {
    Set<String> sessions = new HashSet<>();
    Map<String, String> byDatapoint = events.sessionsByDatapoint();
    datapoints.forEach(id -> sessions.add(byDatapoint.get(id)));
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (RunEvents.MetricValue value : events.metricValues(filters, sessions)) {
      values.computeIfAbsent(value.metric(), key -> new ArrayList<>()).add(value.number());
    }
    return values;
  }

  private static List<Object> presence(RunEvents newer, RunEvents older) {
    Map<List<String>, String> kinds = new LinkedHashMap<>();
    older.events().forEach(event -> kinds.put(List.of(event.eventName(), event.eventType()), "old"));
    newer.events().forEach(event -> kinds.merge(List.of(event.eventName(), event.eventType()), "new",
        (was, now) -> was.equals("old") ? "both" : was));
    List<Object> answer = new ArrayList<>();
    kinds.forEach((kind, where) -> answer.add(
        Map.of("event_name", kind.get(0), "event_type", kind.get(1), "presence", where)));
    return answer;
  }
}
