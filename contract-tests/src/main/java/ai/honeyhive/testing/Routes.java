package ai.honeyhive.testing;

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
    routes.put(OtlpRoutes.OPERATION_ID, new OtlpRoutes(store)::export); // not in the spec: see OtlpRoutes
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
