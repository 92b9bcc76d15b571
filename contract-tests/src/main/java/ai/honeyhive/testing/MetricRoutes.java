package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric routes: list, create, update and delete (current and deprecated forms), and the versions. As in
 * HoneyHive's spec, updating or deleting an id that names no metric answers 200 with {@code updated}/{@code deleted}
 * false; the versions routes answer 404. See {@link MetricStore} for what is stored.
 */
final class MetricRoutes {
  private final MetricStore store;

  MetricRoutes(MetricStore store) {
    this.store = store;
  }

  /** {@code getMetrics}: {@code {"metrics": [...]}}, filtered by {@code ?type} and {@code ?id}. */
  Reply list(IncomingRequest request) {
    String type = request.recorded.getUrl().queryParameter("type");
    String id = request.recorded.getUrl().queryParameter("id");
    return Reply.ok(Map.of("metrics", store.find(type, id)));
  }

  /** {@code createMetric}: {@code {"inserted": true, "metric_id": ...}}. */
  Reply create(IncomingRequest request) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("inserted", true);
    answer.put("metric_id", store.create(request.jsonObject()));
    return Reply.ok(answer);
  }

  /** {@code updateMetric}: the id is in the path. */
  Reply update(IncomingRequest request) {
    return Reply.ok(Map.of("updated", store.update(request.pathParameter("metric_id"), request.jsonObject())));
  }

  /** {@code updateMetricLegacy}: the id is the body's {@code id}. */
  Reply updateLegacy(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    return Reply.ok(Map.of("updated", store.update(String.valueOf(body.get("id")), body)));
  }

  /** {@code deleteMetric}: the id is in the path. */
  Reply delete(IncomingRequest request) {
    return Reply.ok(Map.of("deleted", store.delete(request.pathParameter("metric_id"))));
  }

  /** {@code deleteMetricLegacy}: the id is the query's {@code metric_id}. */
  Reply deleteLegacy(IncomingRequest request) {
    return Reply.ok(Map.of("deleted", store.delete(request.recorded.getUrl().queryParameter("metric_id"))));
  }

  /** {@code getMetricVersions}: {@code {"success": true, "data": [...]}}, oldest first; 404 for no such metric. */
  Reply versions(IncomingRequest request) {
    List<Map<String, Object>> versions = store.versions(request.pathParameter("metric_id"));
    return versions == null ? notFound() : success(versions);
  }

  /**
   * {@code createMetricVersion}: the new version; 400 naming the field when an {@code LLM} content lacks its model,
   * 404 for no such metric.
   */
  Reply createVersion(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    Map<String, Object> content = Routes.object(body, "content");
    String error = MetricDefinitions.crossFieldError(content, "content.");
    if (error != null) {
      return Reply.error(400, "BAD_REQUEST", error);
    }
    Map<String, Object> version = store.addVersion(request.pathParameter("metric_id"),
        String.valueOf(body.get("message")), content, Boolean.TRUE.equals(body.get("deploy_immediately")));
    return version == null ? notFound() : success(version);
  }

  /** {@code deployMetricVersion}: the version, now deployed; 404 for no such metric or version. */
  Reply deploy(IncomingRequest request) {
    Map<String, Object> version = store.deploy(request.pathParameter("metric_id"),
        request.pathParameter("version_name"));
    return version == null ? notFound() : success(version);
  }

  private static Reply success(Object data) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    answer.put("data", data);
    return Reply.ok(answer);
  }

  private static Reply notFound() {
    return Reply.error(404, "NOT_FOUND", "Metric not found");
  }
}
