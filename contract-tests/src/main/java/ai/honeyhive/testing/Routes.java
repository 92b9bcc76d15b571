package ai.honeyhive.testing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The server's answer to each operation of the spec, by {@code operationId}. */
final class Routes {
  private final Map<String, Route> routes = new HashMap<>();

  Routes(EventStore store) {
    SessionRoutes sessions = new SessionRoutes(store);
    EventRoutes events = new EventRoutes(store);
    BatchRoutes batches = new BatchRoutes(store);
    QueryRoutes queries = new QueryRoutes(store);
    routes.put("createSession", sessions::start);
    routes.put("createSessionEventBatch", batches::addToSession);
    routes.put("createEvent", events::create);
    routes.put("getEvent", events::get);
    routes.put("updateEvent", events::update);
    routes.put("createEventBatch", batches::create);
    routes.put("searchEvents", queries::search);
    routes.put("exportEventsLegacy", queries::export);
    routes.put("startSessionLegacy", sessions::startLegacy);
    routes.put("createEventLegacy", events::createLegacy);
    routes.put("updateEventLegacy", events::updateLegacy);
    routes.put("createModelEventLegacy", events::createModelLegacy);
    routes.put("createEventBatchLegacy", batches::createLegacy);
    routes.put("createModelEventBatchLegacy", batches::createModelLegacy);
    routes.put("addSessionTracesLegacy", batches::addTracesLegacy);
    routes.put("getEventsSchemaLegacy", queries::eventsSchema);
    // Experiments (runs): RunRoutes, RunAnalysisRoutes
    RunStore runStore = new RunStore(store.clock(), store.projectId());
    RunRoutes runs = new RunRoutes(runStore, store);
    RunAnalysisRoutes runAnalysis = new RunAnalysisRoutes(runStore, store);
    routes.put("createRun", runs::create);
    routes.put("getRuns", runs::list);
    routes.put("getRun", runs::get);
    routes.put("updateRun", runs::update);
    routes.put("deleteRun", runs::delete);
    routes.put("getRunsSchema", runAnalysis::runsSchema);
    routes.put("getRunSchema", runAnalysis::runSchema);
    routes.put("getExperimentRunMetrics", runAnalysis::metrics);
    routes.put("getExperimentSummary", runAnalysis::summary);
    routes.put("getExperimentResultLegacy", runAnalysis::summary);
    routes.put("getExperimentComparison", runAnalysis::compare);
    routes.put("getExperimentComparisonLegacy", runAnalysis::compare);
    routes.put("getExperimentCompareEvents", runAnalysis::pairs);
    routes.put("getExperimentCompareEventsLegacy", runAnalysis::pairsLegacy);
    routes.put(OtlpRoutes.OPERATION_ID, new OtlpRoutes(store)::export); // not in the spec: see OtlpRoutes
    // Datasets and datapoints (HoneyHive's tags Datasets and Datapoints)
    DatasetStore datasetStore = new DatasetStore(Clock.systemUTC());
    DatasetRoutes datasets = new DatasetRoutes(datasetStore);
    DatapointRoutes datapoints = new DatapointRoutes(datasetStore, store);
    routes.put("getDatasets", datasets::list);
    routes.put("createDataset", datasets::create);
    routes.put("updateDataset", datasets::update);
    routes.put("deleteDataset", datasets::delete);
    routes.put("addDatapoints", datasets::addDatapoints);
    routes.put("removeDatapoint", datasets::removeDatapoint);
    routes.put("updateDatasetLegacy", datasets::updateLegacy);
    routes.put("deleteDatasetLegacy", datasets::deleteLegacy);
    routes.put("removeDatapointLegacy", datasets::removeDatapoint);
    routes.put("getDatapoints", datapoints::list);
    routes.put("createDatapoint", datapoints::create);
    routes.put("batchCreateDatapoints", datapoints::createFromEvents);
    routes.put("getDatapoint", datapoints::get);
    routes.put("updateDatapoint", datapoints::update);
    routes.put("deleteDatapoint", datapoints::delete);
    MetricsAreaRoutes.register(routes); // metrics, metric versions, charts, queues, configurations
  }

  /**
   * Answers a request for an operation of the spec. An operation this server does not know (a newer spec) is
   * answered 500, naming it.
   */
  Reply handle(IncomingRequest request) {
    Route route = routes.get(request.operationId());
    if (route == null) {
      return Reply.error(500, "INTERNAL_SERVER_ERROR",
          "the HoneyHive test server does not implement operation " + request.operationId());
    }
    return route.handle(request);
  }

  static Reply notFound() {
    return Reply.error(404, "NOT_FOUND", "Event not found");
  }

  /** The object field {@code name} of {@code body}; empty when absent. */
  static Map<String, Object> object(Map<String, Object> body, String name) {
    Map<String, Object> object = Json.object(body.get(name));
    return object != null ? object : Map.of();
  }
}
