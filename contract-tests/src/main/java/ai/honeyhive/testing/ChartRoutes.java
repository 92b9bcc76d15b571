package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart routes, from a {@link ResourceStore}. A new chart gets every field of HoneyHive's chart answer: what was
 * sent, else {@code bucketing} {@code day} and null for the rest, {@code is_active} true and {@code updated_at} null
 * until it is updated. An update sets the fields sent. An unknown id answers 404 (HoneyHive documents no error for
 * these routes).
 */
final class ChartRoutes {
  private static final List<String> FIELDS = List.of("name", "description", "metric", "func", "groupBy",
      "bucketing", "dateRange", "query", "owner_id", "owner_profile");

  private final ResourceStore store = new ResourceStore();

  /** {@code getCharts}: {@code {"success": true, "data": [...]}}, oldest first. */
  Reply list(IncomingRequest request) {
    return success(store.all());
  }

  /** {@code createChart}: the stored chart. */
  Reply create(IncomingRequest request) {
    Map<String, Object> sent = request.jsonObject();
    Map<String, Object> chart = new LinkedHashMap<>();
    FIELDS.forEach(field -> chart.put(field, sent.get(field)));
    if (chart.get("bucketing") == null) {
      chart.put("bucketing", "day");
    }
    chart.put("is_active", true);
    chart.put("created_at", ResourceStore.now());
    chart.put("updated_at", null);
    return success(store.create(chart));
  }

  /** {@code getChart}: the chart, or 404. */
  Reply get(IncomingRequest request) {
    Map<String, Object> chart = store.get(request.pathParameter("chart_id"));
    return chart == null ? notFound() : success(chart);
  }

  /** {@code updateChart}: the chart after the update, or 404. */
  Reply update(IncomingRequest request) {
    Map<String, Object> changes = new LinkedHashMap<>();
    request.jsonObject().forEach((field, value) -> {
      if (FIELDS.contains(field)) {
        changes.put(field, value);
      }
    });
    changes.put("updated_at", ResourceStore.now());
    Map<String, Object> chart = store.merge(request.pathParameter("chart_id"), changes);
    return chart == null ? notFound() : success(chart);
  }

  /** {@code deleteChart}: {@code {"success": true, "message": ...}}, or 404. */
  Reply delete(IncomingRequest request) {
    if (!store.remove(request.pathParameter("chart_id"))) {
      return notFound();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    answer.put("message", "Chart deleted");
    return Reply.ok(answer);
  }

  private static Reply success(Object data) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    answer.put("data", data);
    return Reply.ok(answer);
  }

  private static Reply notFound() {
    return Reply.error(404, "NOT_FOUND", "Chart not found");
  }
}
