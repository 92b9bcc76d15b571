package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataset routes (HoneyHive's tag {@code Datasets}), current and deprecated, answered from a {@link DatasetStore}.
 * An id that names no dataset answers 404 with the API's error body.
 */
final class DatasetRoutes {
  private final DatasetStore store;

  DatasetRoutes(DatasetStore store) {
    this.store = store;
  }

  /** {@code getDatasets}: {@code {"datasets": [...]}}, filtered by {@code dataset_id} and {@code name}. */
  Reply list(IncomingRequest request) {
    return Reply.ok(Map.of("datasets", store.datasets(query(request, "dataset_id"), query(request, "name"))));
  }

  /** {@code createDataset}: {@code {"inserted": true, "result": {"insertedId": id}}}. */
  Reply create(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    List<String> datapoints = DatasetStore.strings(body.get("datapoints"));
    String id = store.createDataset((String) body.get("name"), (String) body.get("description"),
        datapoints == null ? List.of() : datapoints);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("inserted", true);
    answer.put("result", Map.of("insertedId", id));
    return Reply.ok(answer);
  }

  /** {@code updateDataset}: {@code {"result": dataset}}. */
  Reply update(IncomingRequest request) {
    return updated(store.updateDataset(request.pathParameter("dataset_id"), request.jsonObject()));
  }

  /** {@code updateDatasetLegacy}: the id is the body's {@code dataset_id}. */
  Reply updateLegacy(IncomingRequest request) {
    Map<String, Object> body = new LinkedHashMap<>(request.jsonObject());
    String id = String.valueOf(body.remove("dataset_id"));
    return updated(store.updateDataset(id, body));
  }

  /** {@code deleteDataset}: {@code {"result": {"id": id}}}; the datapoints stay. */
  Reply delete(IncomingRequest request) {
    return deleted(request.pathParameter("dataset_id"));
  }

  /** {@code deleteDatasetLegacy}: the id is the query's {@code dataset_id}. */
  Reply deleteLegacy(IncomingRequest request) {
    return deleted(query(request, "dataset_id"));
  }

  /** {@code addDatapoints}: one datapoint per {@code data} object, mapped; {@code {"inserted", "datapoint_ids"}}. */
  Reply addDatapoints(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    DatapointMapping mapping = DatapointMapping.from(body.get("mapping"));
    List<Map<String, Object>> datapoints = new ArrayList<>();
    for (Object record : Json.array(body.get("data"))) {
      datapoints.add(mapping.fromRecord(Json.object(record)));
    }
    List<String> ids = store.createDatapoints(datapoints, request.pathParameter("dataset_id"));
    if (ids == null) {
      return notFound();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("inserted", true);
    answer.put("datapoint_ids", ids);
    return Reply.ok(answer);
  }

  /** {@code removeDatapoint} and {@code removeDatapointLegacy}: {@code {"dereferenced", "message"}}. */
  Reply removeDatapoint(IncomingRequest request) {
    String datasetId = request.pathParameter("dataset_id");
    String datapointId = request.pathParameter("datapoint_id");
    Boolean removed = store.removeDatapoint(datasetId, datapointId);
    if (removed == null) {
      return notFound();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("dereferenced", removed);
    answer.put("message", removed
        ? "Datapoint " + datapointId + " removed from dataset " + datasetId
        : "Datapoint " + datapointId + " is not in dataset " + datasetId);
    return Reply.ok(answer);
  }

  static Reply notFound() {
    return Reply.error(404, "NOT_FOUND", "Dataset not found");
  }

  private Reply deleted(String id) {
    if (!store.deleteDataset(id)) {
      return notFound();
    }
    return Reply.ok(Map.of("result", Map.of("id", id)));
  }

  private static Reply updated(Map<String, Object> dataset) {
    return dataset == null ? notFound() : Reply.ok(Map.of("result", dataset));
  }

  /** The query parameter {@code name}, decoded; null when absent. */
  static String query(IncomingRequest request, String name) {
    return request.recorded.getUrl().queryParameter(name);
  }
}
