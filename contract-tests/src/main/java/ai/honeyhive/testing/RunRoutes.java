package ai.honeyhive.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code createRun}, {@code getRuns}, {@code getRun}, {@code updateRun} and {@code deleteRun}, on the
 * {@link RunStore}. An unknown run answers 404 naming {@code run_id}; a query value that cannot be read answers 400
 * naming the parameter.
 */
final class RunRoutes {
  private final RunStore runs;
  private final EventStore events;

  RunRoutes(RunStore runs, EventStore events) {
    this.runs = runs;
    this.events = events;
  }

  /** {@code createRun}: {@code {"evaluation": run, "run_id": id}}. */
  Reply create(IncomingRequest request) {
    Map<String, Object> run = runs.create(request.jsonObject());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("evaluation", RunStore.wireForm(run));
    answer.put("run_id", run.get("run_id"));
    return Reply.ok(answer);
  }

  /** {@code getRun}: {@code {"evaluation": run}}. */
  Reply get(IncomingRequest request) {
    String runId = request.pathParameter("run_id");
    Map<String, Object> run = runs.get(runId);
    return run == null ? notFound(runId) : Reply.ok(Map.of("evaluation", RunStore.wireForm(run)));
  }

  /**
   * {@code updateRun}: each field sent replaces the stored one, whole (objects are not merged); {@code run_id} and
   * {@code dataset_id} cannot change, and the answer's {@code warning} names them when they were sent.
   */
  Reply update(IncomingRequest request) {
    String runId = request.pathParameter("run_id");
    Map<String, Object> changes = request.jsonObject();
    Map<String, Object> run = runs.update(runId, changes);
    if (run == null) {
      return notFound(runId);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("evaluation", RunStore.wireForm(run));
    List<String> ignored = new ArrayList<>();
    for (String field : List.of("run_id", "dataset_id")) {
      if (changes.containsKey(field)) {
        ignored.add(field);
      }
    }
    if (!ignored.isEmpty()) {
      answer.put("warning", String.join(", ", ignored) + ": cannot be changed by an update; ignored");
    }
    return Reply.ok(answer);
  }

  /** {@code deleteRun}: {@code {"id": run_id, "deleted": true}}. */
  Reply delete(IncomingRequest request) {
    String runId = request.pathParameter("run_id");
    return runs.delete(runId) ? Reply.ok(Map.of("id", runId, "deleted", true)) : notFound(runId);
  }

  /**
   * {@code getRuns}: the runs matching {@code dataset_id}, {@code run_ids[]}, {@code name} (exact), {@code status}
   * and {@code dateRange} (on {@code created_at}), sorted, one page; with the names of the metrics on the page's
   * runs' events.
   */
  Reply list(IncomingRequest request) {
    RunQuery query = new RunQuery(request);
    int page;
    int limit;
    Instant[] window;
    try {
      page = query.integer("page", 1);
      limit = query.integer("limit", 20);
      window = query.window();
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
    String datasetId = query.text("dataset_id");
    String name = query.text("name");
    String status = query.text("status");
    Set<String> ids = new LinkedHashSet<>();
    query.list("run_ids").forEach(id -> ids.add(id.toLowerCase()));
    List<Map<String, Object>> all = runs.all();
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> run : all) {
      if ((datasetId == null || datasetId.equals(run.get("dataset_id")))
          && (ids.isEmpty() || ids.contains(String.valueOf(run.get("run_id"))))
          && (name == null || name.equals(run.get("name")))
          && (status == null || status.equals(run.get("status")))
          && RunQuery.inWindow(window, Instant.parse((String) run.get("created_at")).toEpochMilli())) {
        matching.add(run);
      }
    }
    matching.sort(order(query.text("sort_by"), query.text("sort_order")));
    int from = (int) Math.min((long) (page - 1) * limit, matching.size());
    List<Map<String, Object>> pageRuns = matching.subList(from, Math.min(from + limit, matching.size()));

    List<Object> evaluations = new ArrayList<>();
    Set<String> metrics = new LinkedHashSet<>();
    for (Map<String, Object> run : pageRuns) {
      evaluations.add(RunStore.wireForm(run));
      RunEvents.of(run, events).metricValues(List.of(), null).forEach(value -> metrics.add(value.metric()));
    }
    int totalPages = (matching.size() + limit - 1) / limit;
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("page", page);
    pagination.put("limit", limit);
    pagination.put("total", matching.size());
    pagination.put("total_unfiltered", all.size());
    pagination.put("total_pages", totalPages);
    pagination.put("has_next", page < totalPages);
    pagination.put("has_prev", page > 1);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("evaluations", evaluations);
    answer.put("pagination", pagination);
    answer.put("metrics", List.copyOf(metrics));
    return Reply.ok(answer);
  }

  static Reply notFound(String runId) {
    return Reply.error(404, "NOT_FOUND", "run_id: no run " + runId);
  }

  /** Newest first by default; ties keep the order of creation. */
  private static Comparator<Map<String, Object>> order(String sortBy, String sortOrder) {
    String field = sortBy == null ? "created_at" : sortBy;
    Function<Map<String, Object>, String> key = run -> run.get(field) == null ? "" : String.valueOf(run.get(field));
    Comparator<Map<String, Object>> ascending = Comparator.comparing(key);
    return "asc".equals(sortOrder) ? ascending : ascending.reversed();
  }
}
