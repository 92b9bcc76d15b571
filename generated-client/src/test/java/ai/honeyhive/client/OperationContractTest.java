package ai.honeyhive.client;

import static ai.honeyhive.client.ContractValidator.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.client.api.DatapointsApi;
import ai.honeyhive.client.api.DatasetsApi;
import ai.honeyhive.client.api.ChartsApi;
import ai.honeyhive.client.api.ConfigurationsApi;
import ai.honeyhive.client.api.EventsApi;
import ai.honeyhive.client.api.ExperimentsApi;
import ai.honeyhive.client.api.LegacyApi;
import ai.honeyhive.client.api.MetricVersionsApi;
import ai.honeyhive.client.api.MetricsApi;
import ai.honeyhive.client.api.QueuesApi;
import ai.honeyhive.client.api.SessionsApi;
import ai.honeyhive.client.model.AddDatapointsToDatasetRequest;
import ai.honeyhive.client.model.BatchCreateDatapointsRequest;
import ai.honeyhive.client.model.CreateDatapointRequest;
import ai.honeyhive.client.model.CreateDatasetRequest;
import ai.honeyhive.client.model.CreateRunRequest;
import ai.honeyhive.client.model.CreateChartRequest;
import ai.honeyhive.client.model.CreateConfigurationRequest;
import ai.honeyhive.client.model.CreateMetricVersionRequest;
import ai.honeyhive.client.model.CreateQueueRequest;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventBatchRequest;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.ExportEventsRequest;
import ai.honeyhive.client.model.LegacyCreateEventRequest;
import ai.honeyhive.client.model.LegacyCreateModelEventRequest;
import ai.honeyhive.client.model.LegacyEventBatchRequest;
import ai.honeyhive.client.model.LegacyEventUpdate;
import ai.honeyhive.client.model.LegacyModelEventBatchRequest;
import ai.honeyhive.client.model.LegacyRunMetricRequest;
import ai.honeyhive.client.model.LegacySessionStartRequest;
import ai.honeyhive.client.model.LegacyUpdateDatasetRequest;
import ai.honeyhive.client.model.RunStatus;
import ai.honeyhive.client.model.LegacyUpdateMetricRequest;
import ai.honeyhive.client.model.MetricDefinition;
import ai.honeyhive.client.model.RunMetricRequest;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SessionEventsBatchRequest;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.client.model.SessionTracesRequest;
import ai.honeyhive.client.model.UpdateDatapointRequest;
import ai.honeyhive.client.model.UpdateDatasetRequest;
import ai.honeyhive.client.model.UpdateRunRequest;
import ai.honeyhive.client.model.UpdateChartRequest;
import ai.honeyhive.client.model.UpdateConfigurationRequest;
import ai.honeyhive.client.model.UpdateMetricRequest;
import ai.honeyhive.client.model.UpdateQueueRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.Call;
import retrofit2.Response;

/**
 * For every operation of the spec, the generated client, fed the spec's request example, sends a request that the spec
 * accepts; the spec's 200 example is a valid answer; and what the client decodes from it is still valid when encoded
 * again. Operations are the spec's, so an operation added to the spec fails here until it gets a client call.
 */
class OperationContractTest {
  /** How the generated client calls an operation, given the APIs and the spec's examples of that operation. */
  @FunctionalInterface
  interface ClientCall {
    Call<?> call(TestServer.Apis apis, SpecOperation operation);
  }

  /** Run ids for the query parameters of the Experiments operations. */
  private static final String RUN = "3f0b8c1e-6a0d-4c55-9d47-1d6f2c9a7e21";
  private static final String OLD_RUN = "0d6f9a5b-2c1e-4b8a-9f3d-7e5c4b3a2918";

  @SuppressWarnings("deprecation") // the legacy operations are deprecated, and tested all the same
  private static final Map<String, ClientCall> CLIENT_CALLS = Map.ofEntries(
      Map.entry("createSession", (apis, op) ->
          apis.sessions().createSession(op.requestBody(SessionStartRequest.class))),
      Map.entry("createSessionEventBatch", (apis, op) ->
          apis.sessions().createSessionEventBatch(op.pathId("session_id"),
              op.requestBody(SessionEventsBatchRequest.class))),
      Map.entry("createEvent", (apis, op) ->
          apis.events().createEvent(op.requestBody(Event.class))),
      Map.entry("getEvent", (apis, op) ->
          apis.events().getEvent(op.pathId("event_id"))),
      Map.entry("updateEvent", (apis, op) ->
          apis.events().updateEvent(op.pathId("event_id"), op.requestBody(EventUpdate.class))),
      Map.entry("createEventBatch", (apis, op) ->
          apis.events().createEventBatch(op.requestBody(EventBatchRequest.class))),
      Map.entry("searchEvents", (apis, op) ->
          apis.events().searchEvents(op.requestBody(SearchEventsRequest.class))),
      Map.entry("exportEventsLegacy", (apis, op) ->
          apis.legacy().exportEventsLegacy(op.requestBody(ExportEventsRequest.class))),
      Map.entry("startSessionLegacy", (apis, op) ->
          apis.legacy().startSessionLegacy(op.requestBody(LegacySessionStartRequest.class))),
      Map.entry("createEventLegacy", (apis, op) ->
          apis.legacy().createEventLegacy(op.requestBody(LegacyCreateEventRequest.class))),
      Map.entry("updateEventLegacy", (apis, op) ->
          apis.legacy().updateEventLegacy(op.requestBody(LegacyEventUpdate.class))),
      Map.entry("createModelEventLegacy", (apis, op) ->
          apis.legacy().createModelEventLegacy(op.requestBody(LegacyCreateModelEventRequest.class))),
      Map.entry("createEventBatchLegacy", (apis, op) ->
          apis.legacy().createEventBatchLegacy(op.requestBody(LegacyEventBatchRequest.class))),
      Map.entry("createModelEventBatchLegacy", (apis, op) ->
          apis.legacy().createModelEventBatchLegacy(op.requestBody(LegacyModelEventBatchRequest.class))),
      Map.entry("addSessionTracesLegacy", (apis, op) ->
          apis.legacy().addSessionTracesLegacy(op.pathText("session_id"), op.requestBody(SessionTracesRequest.class))),
      Map.entry("getEventsSchemaLegacy", (apis, op) ->
          apis.legacy().getEventsSchemaLegacy(null, "run-1")),
      // Datasets and datapoints
      Map.entry("getDatasets", (apis, op) ->
          apis.datasets().getDatasets("663876ec4611c47f4970f0c3", "support-questions")),
      Map.entry("createDataset", (apis, op) ->
          apis.datasets().createDataset(op.requestBody(CreateDatasetRequest.class))),
      Map.entry("updateDataset", (apis, op) ->
          apis.datasets().updateDataset(op.pathText("dataset_id"), op.requestBody(UpdateDatasetRequest.class))),
      Map.entry("deleteDataset", (apis, op) ->
          apis.datasets().deleteDataset(op.pathText("dataset_id"))),
      Map.entry("addDatapoints", (apis, op) ->
          apis.datasets().addDatapoints(op.pathText("dataset_id"),
              op.requestBody(AddDatapointsToDatasetRequest.class))),
      Map.entry("removeDatapoint", (apis, op) ->
          apis.datasets().removeDatapoint(op.pathText("dataset_id"), op.pathText("datapoint_id"))),
      Map.entry("updateDatasetLegacy", (apis, op) ->
          apis.legacy().updateDatasetLegacy(op.requestBody(LegacyUpdateDatasetRequest.class))),
      Map.entry("deleteDatasetLegacy", (apis, op) ->
          apis.legacy().deleteDatasetLegacy("663876ec4611c47f4970f0c3")),
      Map.entry("removeDatapointLegacy", (apis, op) ->
          apis.legacy().removeDatapointLegacy(op.pathText("dataset_id"), op.pathText("datapoint_id"))),
      Map.entry("getDatapoints", (apis, op) ->
          apis.datapoints().getDatapoints(java.util.List.of("65c13dbbd65fb876b7886cdb"), "support-questions")),
      Map.entry("createDatapoint", (apis, op) ->
          apis.datapoints().createDatapoint(op.requestBody(CreateDatapointRequest.class))),
      Map.entry("batchCreateDatapoints", (apis, op) ->
          apis.datapoints().batchCreateDatapoints(op.requestBody(BatchCreateDatapointsRequest.class))),
      Map.entry("getDatapoint", (apis, op) ->
          apis.datapoints().getDatapoint(op.pathText("datapoint_id"))),
      Map.entry("updateDatapoint", (apis, op) ->
          apis.datapoints().updateDatapoint(op.pathText("datapoint_id"), op.requestBody(UpdateDatapointRequest.class))),
      Map.entry("deleteDatapoint", (apis, op) ->
          apis.datapoints().deleteDatapoint(op.pathText("datapoint_id"))),
      // Experiments (runs)
      Map.entry("createRun", (apis, op) ->
          apis.experiments().createRun(op.requestBody(CreateRunRequest.class))),
      Map.entry("getRuns", (apis, op) ->
          apis.experiments().getRuns("6744f0a1c2b3d4e5f6a7b8d0", 2, 10, List.of(RUN, OLD_RUN), "prompt-v2",
              RunStatus.COMPLETED, "{\"$gte\":\"2024-11-21T00:00:00Z\"}", "name", "asc")),
      Map.entry("getRunsSchema", (apis, op) -> apis.experiments().getRunsSchema(null)),
      Map.entry("getRun", (apis, op) -> apis.experiments().getRun(op.pathId("run_id"))),
      Map.entry("updateRun", (apis, op) ->
          apis.experiments().updateRun(op.pathId("run_id"), op.requestBody(UpdateRunRequest.class))),
      Map.entry("deleteRun", (apis, op) -> apis.experiments().deleteRun(op.pathId("run_id"))),
      Map.entry("getRunSchema", (apis, op) -> apis.experiments().getRunSchema(op.pathId("run_id"), null)),
      Map.entry("getExperimentRunMetrics", (apis, op) ->
          apis.experiments().getExperimentRunMetrics(op.pathId("run_id"), null, "[]")),
      Map.entry("getExperimentSummary", (apis, op) ->
          apis.experiments().getExperimentSummary(op.pathId("run_id"), "p95", null)),
      Map.entry("getExperimentComparison", (apis, op) ->
          apis.experiments().getExperimentComparison(op.pathId("new_run_id"), op.pathId("old_run_id"), "median",
              null)),
      Map.entry("getExperimentCompareEvents", (apis, op) ->
          apis.experiments().getExperimentCompareEvents(op.pathId("new_run_id"), op.pathId("old_run_id"), "answer",
              "chain", null, 100, 1)),
      Map.entry("getExperimentResultLegacy", (apis, op) ->
          apis.legacy().getExperimentResultLegacy(op.pathId("run_id"), "average", null)),
      Map.entry("getExperimentComparisonLegacy", (apis, op) ->
          apis.legacy().getExperimentComparisonLegacy(op.pathId("new_run_id"), op.pathId("old_run_id"), "average",
              null)),
      Map.entry("getExperimentCompareEventsLegacy", (apis, op) ->
          apis.legacy().getExperimentCompareEventsLegacy(UUID.fromString(RUN), UUID.fromString(OLD_RUN), null, null,
              null, null, null)),
      // metrics, metric versions, charts, queues, configurations (issue 16)
      Map.entry("getMetrics", (apis, op) ->
          apis.create(MetricsApi.class).getMetrics("PYTHON", "6744f0a1c2b3d4e5f6a7b8d1")),
      Map.entry("createMetric", (apis, op) ->
          apis.create(MetricsApi.class).createMetric(op.requestBody(MetricDefinition.class))),
      Map.entry("updateMetric", (apis, op) ->
          apis.create(MetricsApi.class).updateMetric(op.pathText("metric_id"),
              op.requestBody(UpdateMetricRequest.class))),
      Map.entry("deleteMetric", (apis, op) ->
          apis.create(MetricsApi.class).deleteMetric(op.pathText("metric_id"))),
      Map.entry("updateMetricLegacy", (apis, op) ->
          apis.create(MetricsApi.class).updateMetricLegacy(op.requestBody(LegacyUpdateMetricRequest.class))),
      Map.entry("deleteMetricLegacy", (apis, op) ->
          apis.create(MetricsApi.class).deleteMetricLegacy("6744f0a1c2b3d4e5f6a7b8d1")),
      Map.entry("runMetric", (apis, op) ->
          apis.create(MetricsApi.class).runMetric(op.requestBody(RunMetricRequest.class))),
      Map.entry("runMetricLegacy", (apis, op) ->
          apis.create(MetricsApi.class).runMetricLegacy(op.requestBody(LegacyRunMetricRequest.class))),
      Map.entry("getMetricVersions", (apis, op) ->
          apis.create(MetricVersionsApi.class).getMetricVersions(op.pathText("metric_id"))),
      Map.entry("createMetricVersion", (apis, op) ->
          apis.create(MetricVersionsApi.class).createMetricVersion(op.pathText("metric_id"),
              op.requestBody(CreateMetricVersionRequest.class))),
      Map.entry("deployMetricVersion", (apis, op) ->
          apis.create(MetricVersionsApi.class).deployMetricVersion(op.pathText("metric_id"),
              op.pathText("version_name"))),
      Map.entry("getCharts", (apis, op) -> apis.create(ChartsApi.class).getCharts()),
      Map.entry("createChart", (apis, op) ->
          apis.create(ChartsApi.class).createChart(op.requestBody(CreateChartRequest.class))),
      Map.entry("getChart", (apis, op) -> apis.create(ChartsApi.class).getChart(op.pathText("chart_id"))),
      Map.entry("updateChart", (apis, op) ->
          apis.create(ChartsApi.class).updateChart(op.pathText("chart_id"), op.requestBody(UpdateChartRequest.class))),
      Map.entry("deleteChart", (apis, op) -> apis.create(ChartsApi.class).deleteChart(op.pathText("chart_id"))),
      Map.entry("getQueues", (apis, op) -> apis.create(QueuesApi.class).getQueues(true)),
      Map.entry("createQueue", (apis, op) ->
          apis.create(QueuesApi.class).createQueue(op.requestBody(CreateQueueRequest.class))),
      Map.entry("getQueue", (apis, op) -> apis.create(QueuesApi.class).getQueue(op.pathText("queue_id"))),
      Map.entry("updateQueue", (apis, op) ->
          apis.create(QueuesApi.class).updateQueue(op.pathText("queue_id"), op.requestBody(UpdateQueueRequest.class))),
      Map.entry("deleteQueue", (apis, op) -> apis.create(QueuesApi.class).deleteQueue(op.pathText("queue_id"))),
      Map.entry("getConfigurations", (apis, op) ->
          apis.create(ConfigurationsApi.class).getConfigurations("support-agent-v3", "prod", "support")),
      Map.entry("createConfiguration", (apis, op) ->
          apis.create(ConfigurationsApi.class).createConfiguration(op.requestBody(CreateConfigurationRequest.class))),
      Map.entry("updateConfiguration", (apis, op) ->
          apis.create(ConfigurationsApi.class).updateConfiguration(op.pathText("configId"),
              op.requestBody(UpdateConfigurationRequest.class))),
      Map.entry("deleteConfiguration", (apis, op) ->
          apis.create(ConfigurationsApi.class).deleteConfiguration(op.pathText("configId"))));

  /** What happened when the client called an operation against a server answering with the spec's 200 example. */
  record Exchange(SpecOperation operation, RecordedRequest request, String cannedBody, Response<?> response) {}

  static Stream<SpecOperation> specOperations() {
    return Spec.operations().stream();
  }

  private static Exchange exchange(SpecOperation operation) {
    ClientCall clientCall = CLIENT_CALLS.get(operation.id());
    assertThat(clientCall).as("CLIENT_CALLS has no call for operation %s", operation.id()).isNotNull();
    String cannedBody = operation.okResponseExample().map(JsonNode::toString).orElse("");
    try (TestServer server = TestServer.start()) {
      server.enqueue(operation.okStatus(), cannedBody);
      Response<?> response = clientCall.call(server.apis(), operation).execute();
      return new Exchange(operation, server.takeRequest(), cannedBody, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The request

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void requestSentByTheClientConformsToTheSpec(SpecOperation operation) {
    Exchange exchange = exchange(operation);

    assertConforms(ContractValidator.validateRequest(exchange.request()), operation.id() + " request");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void requestUsesTheOperationsMethodAndPath(SpecOperation operation) {
    RecordedRequest request = exchange(operation).request();

    assertThat(request.getMethod()).isEqualTo(operation.method());
    assertThat(request.getUrl().encodedPath()).isEqualTo(operation.examplePath());
    if (operation.queryParameterNames().isEmpty()) {
      assertThat(request.getUrl().query()).isNull();
    } else {
      assertThat(operation.queryParameterNames()).containsAll(request.getUrl().queryParameterNames());
    }
  }

  @Test
  void searchWithAnExistsFilterSendsARequestTheSpecAccepts() throws IOException {
    SearchEventsRequest search = new SearchEventsRequest().filters(java.util.List.of(
        new ai.honeyhive.client.model.EventFilter().field("error")
            .operator(ai.honeyhive.client.model.FilterOperator.EXISTS)));
    RecordedRequest request;
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, "{\"events\":[],\"count\":0}");
      server.apis().events().searchEvents(search).execute();
      request = server.takeRequest();
    }

    assertConforms(ContractValidator.validateRequest(request), "search with an exists filter");
  }

  @Test
  @SuppressWarnings("deprecation") // the route is deprecated, and tested all the same
  void eventsSchemaFiltersAreSentAsTheSpecsQueryParameters() throws IOException {
    RecordedRequest request;
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, Spec.operation("getEventsSchemaLegacy").okResponseExample().orElseThrow().toString());
      server.apis().legacy().getEventsSchemaLegacy("{\"$gte\":\"2024-11-21T00:00:00Z\"}", "run 1").execute();
      request = server.takeRequest();
    }

    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/events/schema");
    assertThat(request.getUrl().queryParameter("dateRange")).isEqualTo("{\"$gte\":\"2024-11-21T00:00:00Z\"}");
    assertThat(request.getUrl().queryParameter("evaluation_id")).isEqualTo("run 1");
    assertThat(request.getUrl().queryParameterNames()).containsExactlyInAnyOrder("dateRange", "evaluation_id");
  }

  @Test
  @SuppressWarnings("deprecation") // the route is deprecated, and tested all the same
  void eventsSchemaFiltersLeftNullAreNotSent() throws IOException {
    RecordedRequest request;
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, Spec.operation("getEventsSchemaLegacy").okResponseExample().orElseThrow().toString());
      server.apis().legacy().getEventsSchemaLegacy(null, null).execute();
      request = server.takeRequest();
    }

    assertThat(request.getUrl().query()).isNull();
  }

  @Test
  void datapointIdsAreSentAsOneBracketedPairPerId() throws IOException {
    RecordedRequest request;
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, "{\"datapoints\":[]}");
      server.apis().datapoints().getDatapoints(java.util.List.of("65c13dbbd65fb876b7886cdb", "65c13dbbd65fb876b7886cdc"),
          null).execute();
      request = server.takeRequest();
    }

    // HoneyHive's server reads an array from `datapoint_ids[]=a&datapoint_ids[]=b` (the brackets travel
    // percent-encoded, as OkHttp writes them in a query name); a lone `datapoint_ids=a` would read as a string.
    assertThat(request.getUrl().encodedQuery())
        .isEqualTo("datapoint_ids%5B%5D=65c13dbbd65fb876b7886cdb&datapoint_ids%5B%5D=65c13dbbd65fb876b7886cdc");
    assertThat(request.getUrl().queryParameterValues("datapoint_ids[]"))
        .containsExactly("65c13dbbd65fb876b7886cdb", "65c13dbbd65fb876b7886cdc");
    assertConforms(ContractValidator.validateRequest(request), "getDatapoints with two ids");
  }

  @Test
  @SuppressWarnings("deprecation") // the route is deprecated, and tested all the same
  void legacyTracesTakeASessionIdThatIsNotAUuidInThePath() throws IOException {
    RecordedRequest request;
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, "{\"success\":true}");
      server.apis().legacy().addSessionTracesLegacy("otel-session 4bf92f35",
          new SessionTracesRequest().events(java.util.List.of())).execute();
      request = server.takeRequest();
    }

    assertThat(request.getUrl().encodedPath()).isEqualTo("/session/otel-session%204bf92f35/traces");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void requestAuthenticatesWithTheBearerKey(SpecOperation operation) {
    RecordedRequest request = exchange(operation).request();

    assertThat(request.getHeaders().values("Authorization")).containsExactly("Bearer " + TestServer.API_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void requestBodyIsJsonExactlyWhenTheOperationTakesOne(SpecOperation operation) {
    RecordedRequest request = exchange(operation).request();

    if (operation.requestExample().isPresent()) {
      MediaType contentType = MediaType.get(request.getHeaders().get("Content-Type"));
      assertThat(contentType.type() + "/" + contentType.subtype()).isEqualTo("application/json");
      assertThat(contentType.charset(StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
      assertThat(request.getBodySize()).isPositive();
    } else {
      assertThat(request.getHeaders().get("Content-Type")).isNull();
      assertThat(request.getBodySize()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void requestBodyCarriesTheSpecExampleUnchanged(SpecOperation operation) {
    ByteString body = exchange(operation).request().getBody();

    operation.requestExample().ifPresent(example ->
        assertThat(TestJson.comparable(TestJson.parse(body.utf8())))
            .as("%s body as sent", operation.id())
            .isEqualTo(TestJson.comparable(example)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The response

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void specResponseExampleConformsToTheSpec(SpecOperation operation) {
    Exchange exchange = exchange(operation);

    assertConforms(ContractValidator.validateResponse(operation, operation.okStatus(), exchange.cannedBody()),
        operation.id() + " canned success response");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void responseDecodedByTheClientStillConformsWhenReEncoded(SpecOperation operation) {
    Response<?> response = exchange(operation).response();

    assertThat(response.isSuccessful()).isTrue();
    String reEncoded = response.body() == null ? "" : TestJson.encode(response.body());
    assertThat(reEncoded.isEmpty()).as("%s has no 200 body", operation.id()).isEqualTo(operation.okResponseExample().isEmpty());
    assertConforms(ContractValidator.validateResponse(operation, operation.okStatus(), reEncoded),
        operation.id() + " response as decoded and re-encoded by the client");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The table is complete

  @Test
  void clientCallTableCoversExactlyTheOperationsOfTheSpec() {
    assertThat(CLIENT_CALLS.keySet())
        .containsExactlyInAnyOrderElementsOf(specOperations().map(SpecOperation::id).toList());
  }

  @Test
  void everyGeneratedApiMethodIsAnOperationOfTheSpec() {
    var methods = Stream.of(SessionsApi.class, EventsApi.class, LegacyApi.class, DatasetsApi.class,
            DatapointsApi.class, ExperimentsApi.class, MetricsApi.class, MetricVersionsApi.class, ChartsApi.class,
            QueuesApi.class, ConfigurationsApi.class)
        .flatMap(api -> Arrays.stream(api.getDeclaredMethods()))
        .map(Method::getName)
        .collect(Collectors.toList());

    assertThat(methods).containsExactlyInAnyOrderElementsOf(specOperations().map(SpecOperation::id).toList());
  }
}
