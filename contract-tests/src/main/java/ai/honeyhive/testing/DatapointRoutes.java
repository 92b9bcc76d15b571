package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datapoint routes (HoneyHive's tag {@code Datapoints}), answered from a {@link DatasetStore}; the batch route
 * reads the server's events ({@link EventSelection}, {@link DatapointMapping}). An id that names no datapoint answers
 * 404 with the API's error body.
 */
final class DatapointRoutes {
  /** How the ids travel: {@code datapoint_ids[]=a&datapoint_ids[]=b}, as HoneyHive's server reads an array. */
  static final String IDS_PARAMETER = "datapoint_ids[]";

  private final DatasetStore store;
  private final EventStore events;

  DatapointRoutes(DatasetStore store, EventStore events) {
    this.store = store;
    this.events = events;
  }

  /**
   * {@code getDatapoints}: {@code {"datapoints": [...]}}, filtered by {@code datapoint_ids[]} and {@code dataset_name}.
   * A bare {@code datapoint_ids=...}, which HoneyHive reads as one string, is an undeclared parameter: the validator
   * refuses it before it gets here.
   */
  Reply list(IncomingRequest request) {
    List<String> ids = request.recorded.getUrl().queryParameterValues(IDS_PARAMETER).isEmpty()
        ? null
        : new ArrayList<>(request.recorded.getUrl().queryParameterValues(IDS_PARAMETER));
    return Reply.ok(Map.of("datapoints", store.datapoints(ids, DatasetRoutes.query(request, "dataset_name"))));
  }

  /** {@code createDatapoint}: {@code {"inserted": true, "result": {"insertedIds": [id]}}}. */
  Reply create(IncomingRequest request) {
    String id = store.createDatapoint(request.jsonObject());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("inserted", true);
    answer.put("result", Map.of("insertedIds", List.of(id)));
    return Reply.ok(answer);
  }

  /** {@code batchCreateDatapoints}: one datapoint per selected event; {@code {"inserted", "insertedIds"}}. */
  Reply createFromEvents(IncomingRequest request) {
    Map<String, Object> body = request.jsonObject();
    DatapointMapping mapping = DatapointMapping.from(body.get("mapping"));
    List<Map<String, Object>> datapoints = new ArrayList<>();
    EventSelection.select(body, events.all()).forEach(event -> datapoints.add(mapping.fromEvent(event)));
    List<String> ids = store.createDatapoints(datapoints, (String) body.get("dataset_id"));
    if (ids == null) {
      return DatasetRoutes.notFound();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("inserted", !ids.isEmpty());
    answer.put("insertedIds", ids);
    return Reply.ok(answer);
  }

  /** {@code getDatapoint}: {@code {"datapoint": [datapoint]}}, an array of one, as HoneyHive answers. */
  Reply get(IncomingRequest request) {
    Map<String, Object> datapoint = store.datapoint(request.pathParameter("datapoint_id"));
    return datapoint == null ? notFound() : Reply.ok(Map.of("datapoint", List.of(datapoint)));
  }

  /** {@code updateDatapoint}: {@code {"updated": true, "result": {"modifiedCount": 1}}}. */
  Reply update(IncomingRequest request) {
    if (!store.updateDatapoint(request.pathParameter("datapoint_id"), request.jsonObject())) {
      return notFound();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("updated", true);
    answer.put("result", Map.of("modifiedCount", 1));
    return Reply.ok(answer);
  }

  /** {@code deleteDatapoint}: {@code {"deleted": true}}; every dataset loses the id. */
  Reply delete(IncomingRequest request) {
    return store.deleteDatapoint(request.pathParameter("datapoint_id"))
        ? Reply.ok(Map.of("deleted", true))
        : notFound();
  }

  private static Reply notFound() {
    return Reply.error(404, "NOT_FOUND", "Datapoint not found");
  }
}
