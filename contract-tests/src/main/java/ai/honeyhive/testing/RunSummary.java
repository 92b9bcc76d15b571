package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summary of one run ({@code getExperimentSummary}): its metric values grouped by metric name and event
 * (name and type), aggregated; which datapoints passed; the run's kinds of events; and the run itself.
 *
 * <p>Pass and fail come from the run's {@code passing_ranges}: a value passes when it lies in its metric's range
 * (both ends inclusive); a datapoint passes when every value of a metric with a range passes, so without ranges
 * every datapoint passes. {@code passed} and {@code failed} list datapoint ids (the session id for a session
 * without a datapoint), each datapoint once; {@code datapoints[]} carries both ids, which is what a client should
 * read, since HoneyHive does not document which of the two its lists hold.
 */
final class RunSummary {
  private RunSummary() {}

  /** The summary answer for {@code run} (a run record), its events, a function and filters. */
  static Map<String, Object> of(Map<String, Object> run, RunEvents events, String function,
      List<SearchFilter> filters) {
    Map<String, Object> ranges = Routes.object(run, "passing_ranges");
    List<RunEvents.MetricValue> values = events.metricValues(filters, null);

    Map<List<String>, List<RunEvents.MetricValue>> groups = new LinkedHashMap<>();
    for (RunEvents.MetricValue value : values) {
      groups.computeIfAbsent(List.of(value.metric(), value.event().eventName(), value.event().eventType()),
          key -> new ArrayList<>()).add(value);
    }
    Set<String> failedKeys = new LinkedHashSet<>();
    List<Object> details = new ArrayList<>();
    groups.forEach((key, group) -> {
      Map<String, Object> range = Json.object(ranges.get(key.get(0)));
      List<Double> numbers = new ArrayList<>();
      Set<String> passed = new LinkedHashSet<>();
      Set<String> failed = new LinkedHashSet<>();
      for (RunEvents.MetricValue value : group) {
        numbers.add(value.number());
        if (range == null || MetricAggregate.passes(range, value.number())) {
          passed.add(value.datapointKey());
        } else {
          failed.add(value.datapointKey());
          failedKeys.add(value.datapointKey());
        }
      }
      passed.removeAll(failed);
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("metric_name", key.get(0));
      detail.put("metric_type", "CLIENT_SIDE");
      detail.put("event_name", key.get(1));
      detail.put("event_type", key.get(2));
      Double aggregate = MetricAggregate.apply(function, numbers);
      if (aggregate != null) {
        detail.put("aggregate", aggregate);
      }
      detail.put("values", numbers);
      if (range != null) {
        detail.put("passing_range", range);
      }
      detail.put("datapoints", Map.of("passed", List.copyOf(passed), "failed", List.copyOf(failed)));
      details.add(detail);
    });

    List<Object> datapoints = new ArrayList<>();
    List<String> passedKeys = new ArrayList<>();
    List<String> failedList = new ArrayList<>();
    for (String session : events.sessionIds()) {
      String key = events.datapointKey(session);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("datapoint_id", events.datapointOf(session));
      result.put("session_id", session);
      result.put("passed", !failedKeys.contains(key));
      List<Object> metrics = new ArrayList<>();
      for (RunEvents.MetricValue value : values) {
        if (value.event().sessionId().equals(session)) {
          metrics.add(Map.of("metric_name", value.metric(), "event_name", value.event().eventName(),
              "value", value.value()));
        }
      }
      result.put("metrics", metrics);
      datapoints.add(result);
      List<String> list = failedKeys.contains(key) ? failedList : passedKeys;
      if (!list.contains(key)) {
        list.add(key);
      }
    }

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("status", String.valueOf(run.get("status")));
    summary.put("success", true);
    summary.put("passed", passedKeys);
    summary.put("failed", failedList);
    summary.put("metrics", Map.of("aggregation_function", function, "details", details));
    summary.put("datapoints", datapoints);
    summary.put("event_details", eventKinds(events));
    summary.put("run_object", RunStore.wireForm(run));
    return summary;
  }

  /** The distinct {@code {event_name, event_type}} of the run's events, in order of first appearance. */
  static List<Object> eventKinds(RunEvents events) {
    Set<List<String>> kinds = new LinkedHashSet<>();
    events.events().forEach(event -> kinds.add(List.of(event.eventName(), event.eventType())));
    List<Object> answer = new ArrayList<>();
    kinds.forEach(kind -> answer.add(Map.of("event_name", kind.get(0), "event_type", kind.get(1))));
    return answer;
  }
}
