package ai.honeyhive.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The experiment routes computed from the events of runs ({@link RunEvents}): summaries ({@code getExperimentSummary}
 * and the deprecated {@code getExperimentResultLegacy}), metrics, schemas, comparisons and event pairs (current and
 * deprecated). An unknown run answers 404 naming it; a query value that cannot be read answers 400 naming it.
 */
final class RunAnalysisRoutes {
  private final RunStore runs;
  private final EventStore events;

  RunAnalysisRoutes(RunStore runs, EventStore events) {
    this.runs = runs;
    this.events = events;
  }

  /** {@code getExperimentSummary} and {@code getExperimentResultLegacy}: see {@link RunSummary}. */
  Reply summary(IncomingRequest request) {
    Map<String, Object> run = runs.get(request.pathParameter("run_id"));
    if (run == null) {
      return RunRoutes.notFound(request.pathParameter("run_id"));
    }
    RunQuery query = new RunQuery(request);
    try {
      String function = MetricAggregate.function(query.text("aggregate_function"));
      return Reply.ok(RunSummary.of(run, RunEvents.of(run, events), function, query.filters()));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
  }

  /** {@code getExperimentRunMetrics}: the run's non-session events with metrics, matching the filters and window. */
  Reply metrics(IncomingRequest request) {
    Map<String, Object> run = runs.get(request.pathParameter("run_id"));
    if (run == null) {
      return RunRoutes.notFound(request.pathParameter("run_id"));
    }
    RunQuery query = new RunQuery(request);
    List<SearchFilter> filters;
    Instant[] window;
    try {
      filters = query.filters();
      window = query.window();
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
    RunEvents runEvents = RunEvents.of(run, events);
    List<Object> answerEvents = new ArrayList<>();
    for (StoredEvent event : runEvents.events()) {
      Map<String, Object> metrics = RunEvents.metricsOf(event);
      if (event.isSession() || metrics.isEmpty() || !RunEvents.matches(event, filters)
          || !RunQuery.inWindow(window, event.toMap().get("start_time"))) {
        continue;
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      String datapoint = runEvents.datapointOf(event.sessionId());
      if (datapoint != null) {
        metadata.put("datapoint_id", datapoint);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("event_name", event.eventName());
      entry.put("event_type", event.eventType());
      entry.put("session_id", event.sessionId());
      entry.put("metadata", metadata);
      entry.put("metrics", metrics);
      answerEvents.add(entry);
    }
    return Reply.ok(Map.of("events", answerEvents, "totalEvents", answerEvents.size()));
  }

  /** {@code getRunSchema}: the fields of one run's events. */
  Reply runSchema(IncomingRequest request) {
    Map<String, Object> run = runs.get(request.pathParameter("run_id"));
    if (run == null) {
      return RunRoutes.notFound(request.pathParameter("run_id"));
    }
    return schema(request, List.of(run));
  }

  /** {@code getRunsSchema}: the fields of every run's events. */
  Reply runsSchema(IncomingRequest request) {
    return schema(request, runs.all());
  }

  /** {@code getExperimentComparison} and {@code getExperimentComparisonLegacy}: see {@link RunComparison}. */
  Reply compare(IncomingRequest request) {
    String newId = request.pathParameter("new_run_id");
    String oldId = request.pathParameter("old_run_id");
    Map<String, Object> newRun = runs.get(newId);
    Map<String, Object> oldRun = runs.get(oldId);
    if (newRun == null || oldRun == null) {
      return RunRoutes.notFound(newRun == null ? newId : oldId);
    }
    RunQuery query = new RunQuery(request);
    try {
      String function = MetricAggregate.function(query.text("aggregate_function"));
      return Reply.ok(RunComparison.compare(newRun, RunEvents.of(newRun, events), oldRun,
          RunEvents.of(oldRun, events), function, query.filters()));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
  }

  /** {@code getExperimentCompareEvents}: the runs are in the path. */
  Reply pairs(IncomingRequest request) {
    return pairs(request, request.pathParameter("new_run_id"), request.pathParameter("old_run_id"));
  }

  /** {@code getExperimentCompareEventsLegacy}: the runs are {@code run_id_1} (new) and {@code run_id_2} (old). */
  Reply pairsLegacy(IncomingRequest request) {
    RunQuery query = new RunQuery(request);
    return pairs(request, query.text("run_id_1"), query.text("run_id_2"));
  }

  private Reply pairs(IncomingRequest request, String newId, String oldId) {
    Map<String, Object> newRun = runs.get(newId);
    Map<String, Object> oldRun = runs.get(oldId);
    if (newRun == null || oldRun == null) {
      return RunRoutes.notFound(newRun == null ? newId : oldId);
    }
    RunQuery query = new RunQuery(request);
    try {
      return Reply.ok(RunComparison.pairs(RunEvents.of(newRun, events), RunEvents.of(oldRun, events),
          query.text("event_name"), query.text("event_type"), query.pairFilter(), query.integer("page", 1),
          query.integer("limit", 1000)));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
  }

  /**
   * The fields found on the runs' events in the window, one level under each object (such as {@code inputs.query}),
   * with the type of the events carrying them, in order of first appearance; the runs' dataset ids; no mappings.
   */
  private Reply schema(IncomingRequest request, List<Map<String, Object>> schemaRuns) {
    Instant[] window;
    try {
      window = new RunQuery(request).window();
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
    Set<List<String>> fields = new LinkedHashSet<>();
    Set<String> datasets = new LinkedHashSet<>();
    for (Map<String, Object> run : schemaRuns) {
      if (run.get("dataset_id") != null) {
        datasets.add(String.valueOf(run.get("dataset_id")));
      }
      for (StoredEvent event : RunEvents.of(run, events).events()) {
        if (!RunQuery.inWindow(window, event.toMap().get("start_time"))) {
          continue;
        }
        event.toMap().forEach((name, value) -> {
          Map<String, Object> object = Json.object(value);
          if (object != null) {
            object.keySet().forEach(key -> fields.add(List.of(name + "." + key, event.eventType())));
          }
        });
      }
    }
    List<Object> answerFields = new ArrayList<>();
    fields.forEach(field -> answerFields.add(Map.of("name", field.get(0), "event_type", field.get(1))));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("fields", answerFields);
    answer.put("datasets", List.copyOf(datasets));
    answer.put("mappings", Map.of());
    return Reply.ok(answer);
  }
}
