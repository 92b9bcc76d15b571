package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.client.api.DatapointsApi;
import ai.honeyhive.client.api.DatasetsApi;
import ai.honeyhive.client.api.EventsApi;
import ai.honeyhive.client.model.AddDatapointsResponse;
import ai.honeyhive.client.model.AddDatapointsToDatasetRequest;
import ai.honeyhive.client.model.BatchCreateDatapointsRequest;
import ai.honeyhive.client.model.BatchCreateDatapointsResponse;
import ai.honeyhive.client.model.BatchDateRange;
import ai.honeyhive.client.model.CreateDatapointRequest;
import ai.honeyhive.client.model.CreateDatasetRequest;
import ai.honeyhive.client.model.Datapoint;
import ai.honeyhive.client.model.DatapointMapping;
import ai.honeyhive.client.model.Dataset;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.LegacyUpdateDatasetRequest;
import ai.honeyhive.client.model.RemoveDatapointResponse;
import ai.honeyhive.client.model.UpdateDatapointRequest;
import ai.honeyhive.client.model.UpdateDatapointResponse;
import ai.honeyhive.client.model.UpdateDatasetRequest;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.RecordedExchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The dataset and datapoint operations (HoneyHive's tags Datasets and Datapoints, and the deprecated dataset routes its
 * Python SDK still calls) through the generated client, against the test server's store: ids, links both ways, the
 * mapping of added records, datapoints made from stored events, filters, and 404s for unknown ids. The last test
 * sends broken requests to a server of its own and checks the validator catches them.
 */
@ExtendWith(HoneyHiveTestServerExtension.class)
@SuppressWarnings("deprecation") // the legacy dataset routes are deprecated in the spec, and that is what is tested
class DatasetsContractTest implements ContractTest {
  private static final String HEX_ID = "[0-9a-f]{24}";

  @Test
  void aDatasetHoldsItsDatapointsAndIsFoundByIdAndByName(HoneyHive hh) throws IOException {
    String first = createDatapoint(hh, Map.of("question", "reset key?"));
    String second = createDatapoint(hh, Map.of("question", "rotate key?"));

    String id = ok(datasets(hh).createDataset(new CreateDatasetRequest().name("support-questions")
        .description("from the inbox").datapoints(List.of(first, second)))).getResult().getInsertedId();
    String untitled = ok(datasets(hh).createDataset(new CreateDatasetRequest())).getResult().getInsertedId();

    assertThat(id).matches(HEX_ID).isNotEqualTo(untitled);
    Dataset dataset = onlyDataset(hh, id);
    assertThat(dataset.getName()).isEqualTo("support-questions");
    assertThat(dataset.getDescription()).isEqualTo("from the inbox");
    assertThat(dataset.getDatapoints()).containsExactly(first, second);
    assertThat(Instant.parse(dataset.getCreatedAt())).isEqualTo(Instant.parse(dataset.getUpdatedAt()));
    assertThat(ok(datasets(hh).getDatasets(null, "Untitled Dataset")).getDatasets())
        .extracting(Dataset::getId).containsExactly(untitled);
    assertThat(ok(datasets(hh).getDatasets(null, null)).getDatasets())
        .extracting(Dataset::getId).containsExactly(id, untitled);
    assertThat(ok(datasets(hh).getDatasets("0123456789abcdef01234567", null)).getDatasets()).isEmpty();
    assertThat(datapoint(hh, first).getLinkedDatasets()).containsExactly(id);
  }

  @Test
  void addedRecordsAreMappedIntoInputsGroundTruthAndHistoryAndTheRestIntoMetadata(HoneyHive hh) throws IOException {
    String dataset = ok(datasets(hh).createDataset(new CreateDatasetRequest().name("qa"))).getResult().getInsertedId();
    List<Map<String, Object>> chat = List.of(Map.of("role", "user", "content", "hi"),
        Map.of("role", "assistant", "content", "hello"));

    AddDatapointsResponse added = ok(datasets(hh).addDatapoints(dataset, new AddDatapointsToDatasetRequest()
        .data(List.of(
            Map.of("question", "reset key?", "answer", "Settings > API Keys", "chat", chat, "ticket", "T-1"),
            Map.of("question", "rotate key?")))
        .mapping(new DatapointMapping().inputs(List.of("question")).groundTruth(List.of("answer"))
            .history(List.of("chat")))));

    assertThat(added.getInserted()).isTrue();
    assertThat(added.getDatapointIds()).hasSize(2).allMatch(id -> id.matches(HEX_ID));
    Datapoint mapped = datapoint(hh, added.getDatapointIds().get(0));
    assertThat(mapped.getInputs()).isEqualTo(Map.of("question", "reset key?"));
    assertThat(mapped.getGroundTruth()).isEqualTo(Map.of("answer", "Settings > API Keys"));
    assertThat(mapped.getHistory()).isEqualTo(chat);
    assertThat(mapped.getMetadata()).isEqualTo(Map.of("ticket", "T-1"));
    assertThat(mapped.getLinkedEvent()).isNull();
    assertThat(mapped.getLinkedDatasets()).containsExactly(dataset);
    Datapoint bare = datapoint(hh, added.getDatapointIds().get(1));
    assertThat(bare.getGroundTruth()).isNull();
    assertThat(bare.getMetadata()).isNull();
    assertThat(onlyDataset(hh, dataset).getDatapoints()).containsExactlyElementsOf(added.getDatapointIds());
    assertThat(datasets(hh).addDatapoints("0123456789abcdef01234567", new AddDatapointsToDatasetRequest()
        .data(List.of(Map.of("q", 1))).mapping(new DatapointMapping())).execute().code()).isEqualTo(404);
  }

  @Test
  void removingADatapointDereferencesItAndKeepsIt(HoneyHive hh) throws IOException {
    String first = createDatapoint(hh, Map.of("q", 1));
    String second = createDatapoint(hh, Map.of("q", 2));
    String dataset = createDataset(hh, "removals", first, second);

    RemoveDatapointResponse removed = ok(datasets(hh).removeDatapoint(dataset, first));
    RemoveDatapointResponse again = ok(datasets(hh).removeDatapoint(dataset, first));
    RemoveDatapointResponse legacy = ok(hh.raw().legacy().removeDatapointLegacy(dataset, second));

    assertThat(removed.getDereferenced()).isTrue();
    assertThat(removed.getMessage()).contains(first, dataset);
    assertThat(again.getDereferenced()).isFalse();
    assertThat(legacy.getDereferenced()).isTrue();
    assertThat(onlyDataset(hh, dataset).getDatapoints()).isEmpty();
    assertThat(datapoint(hh, first).getLinkedDatasets()).isEmpty();
    assertThat(datapoint(hh, second).getInputs()).isEqualTo(Map.of("q", 2));
    assertNotFound(datasets(hh).removeDatapoint("0123456789abcdef01234567", first).execute(), "Dataset not found");
  }

  @Test
  void updatingADatasetReplacesItsDatapointsAndTheirLinks(HoneyHive hh) throws IOException {
    String kept = createDatapoint(hh, Map.of("q", "kept"));
    String dropped = createDatapoint(hh, Map.of("q", "dropped"));
    String added = createDatapoint(hh, Map.of("q", "added"));
    String dataset = createDataset(hh, "before", kept, dropped);

    Dataset updated = ok(datasets(hh).updateDataset(dataset,
        new UpdateDatasetRequest().name("after").datapoints(List.of(kept, added)))).getResult();
    Dataset viaLegacy = ok(hh.raw().legacy().updateDatasetLegacy(
        new LegacyUpdateDatasetRequest().datasetId(dataset).description("described"))).getResult();

    assertThat(updated.getName()).isEqualTo("after");
    assertThat(updated.getDatapoints()).containsExactly(kept, added);
    assertThat(viaLegacy.getName()).isEqualTo("after");
    assertThat(viaLegacy.getDescription()).isEqualTo("described");
    assertThat(viaLegacy.getDatapoints()).containsExactly(kept, added);
    assertThat(datapoint(hh, dropped).getLinkedDatasets()).isEmpty();
    assertThat(datapoint(hh, added).getLinkedDatasets()).containsExactly(dataset);
    assertThat(datapoint(hh, kept).getLinkedDatasets()).containsExactly(dataset);
    assertNotFound(datasets(hh).updateDataset("0123456789abcdef01234567", new UpdateDatasetRequest().name("x"))
        .execute(), "Dataset not found");
  }

  @Test
  void deletingADatasetKeepsItsDatapoints(HoneyHive hh) throws IOException {
    String datapoint = createDatapoint(hh, Map.of("q", 1));
    String dataset = createDataset(hh, "doomed", datapoint);
    String legacyDoomed = createDataset(hh, "doomed too", datapoint);

    assertThat(ok(datasets(hh).deleteDataset(dataset)).getResult().getId()).isEqualTo(dataset);
    assertThat(ok(hh.raw().legacy().deleteDatasetLegacy(legacyDoomed)).getResult().getId()).isEqualTo(legacyDoomed);

    assertThat(ok(datasets(hh).getDatasets(null, null)).getDatasets()).isEmpty();
    assertThat(datapoint(hh, datapoint).getLinkedDatasets()).isEmpty();
    assertNotFound(datasets(hh).deleteDataset(dataset).execute(), "Dataset not found");
  }

  @Test
  void datapointsAreListedByIdsSentAsBracketedPairsAndByDatasetName(HoneyHive hh) throws IOException {
    String a = createDatapoint(hh, Map.of("q", "a"));
    String b = createDatapoint(hh, Map.of("q", "b"));
    String c = createDatapoint(hh, Map.of("q", "c"));
    createDataset(hh, "golden", c, a);

    assertThat(ok(datapoints(hh).getDatapoints(List.of(c, a, "0123456789abcdef01234567"), null)).getDatapoints())
        .extracting(Datapoint::getId).containsExactly(a, c);
    assertThat(ok(datapoints(hh).getDatapoints(null, "golden")).getDatapoints())
        .extracting(Datapoint::getId).containsExactly(c, a);
    assertThat(ok(datapoints(hh).getDatapoints(List.of(a, b), "golden")).getDatapoints())
        .extracting(Datapoint::getId).containsExactly(a);
    assertThat(ok(datapoints(hh).getDatapoints(null, null)).getDatapoints())
        .extracting(Datapoint::getId).containsExactly(a, b, c);
    assertThat(ok(datapoints(hh).getDatapoints(null, "no such dataset")).getDatapoints()).isEmpty();
  }

  @Test
  void aDatapointIsReadAsAnArrayOfOneUpdatedFieldByFieldAndDeletedFromEveryDataset(HoneyHive hh)
      throws IOException {
    String first = createDataset(hh, "first");
    String id = ok(datapoints(hh).createDatapoint(new CreateDatapointRequest()
        .inputs(Map.of("question", "reset key?")).groundTruth(Map.of("answer", "old"))
        .metadata(Map.of("source", "inbox")).linkedEvent("e-1").linkedDatasets(List.of(first))))
        .getResult().getInsertedIds().get(0);
    String second = createDataset(hh, "second", id);

    List<Datapoint> read = ok(datapoints(hh).getDatapoint(id)).getDatapoint();
    assertThat(read).singleElement().satisfies(datapoint -> {
      assertThat(datapoint.getId()).isEqualTo(id).matches(HEX_ID);
      assertThat(datapoint.getHistory()).isEmpty();
      assertThat(datapoint.getLinkedEvent()).isEqualTo("e-1");
      assertThat(datapoint.getLinkedDatasets()).containsExactly(first, second);
      assertThat(datapoint.getCreatedAt()).isNotBlank();
    });

    UpdateDatapointResponse updated = ok(datapoints(hh).updateDatapoint(id, new UpdateDatapointRequest()
        .groundTruth(Map.of("answer", "new")).linkedDatasets(List.of(second))));
    assertThat(updated.getUpdated()).isTrue();
    assertThat(updated.getResult().getModifiedCount().intValue()).isEqualTo(1);
    Datapoint changed = datapoint(hh, id);
    assertThat(changed.getGroundTruth()).isEqualTo(Map.of("answer", "new"));
    assertThat(changed.getInputs()).isEqualTo(Map.of("question", "reset key?"));
    assertThat(changed.getMetadata()).isEqualTo(Map.of("source", "inbox"));
    assertThat(changed.getLinkedDatasets()).containsExactly(second);
    assertThat(onlyDataset(hh, first).getDatapoints()).isEmpty();

    assertThat(ok(datapoints(hh).deleteDatapoint(id)).getDeleted()).isTrue();
    assertThat(onlyDataset(hh, second).getDatapoints()).isEmpty();
    assertNotFound(datapoints(hh).getDatapoint(id).execute(), "Datapoint not found");
    assertNotFound(datapoints(hh).updateDatapoint(id, new UpdateDatapointRequest().metadata(Map.of())).execute(),
        "Datapoint not found");
    assertNotFound(datapoints(hh).deleteDatapoint(id).execute(), "Datapoint not found");
  }

  @Test
  void aBatchTurnsTheSelectedStoredEventsIntoDatapointsOfADataset(HoneyHive hh) throws IOException {
    String early = createEvent(hh, EventType.MODEL, "early", 1_732_176_000_000L);
    String late = createEvent(hh, EventType.MODEL, "late", 1_732_262_400_000L);
    String tool = createEvent(hh, EventType.TOOL, "tool", 1_732_176_000_000L);
    String dataset = createDataset(hh, "from-production");

    BatchCreateDatapointsResponse mapped = ok(datapoints(hh).batchCreateDatapoints(new BatchCreateDatapointsRequest()
        .filters(List.of(Map.of("field", "event_type", "operator", "is", "value", "model", "type", "string")))
        .mapping(new DatapointMapping().inputs(List.of("inputs.question")).groundTruth(List.of("outputs.content")))
        .datasetId(dataset)));

    assertThat(mapped.getInserted()).isTrue();
    assertThat(mapped.getInsertedIds()).hasSize(2);
    List<Datapoint> made = ok(datapoints(hh).getDatapoints(null, "from-production")).getDatapoints();
    assertThat(made).extracting(Datapoint::getLinkedEvent).containsExactly(early, late);
    assertThat(made.get(0).getInputs()).isEqualTo(Map.of("question", "what is early?"));
    assertThat(made.get(0).getGroundTruth()).isEqualTo(Map.of("content", "early answer"));
    assertThat(made.get(0).getLinkedDatasets()).containsExactly(dataset);

    BatchCreateDatapointsResponse selected = ok(datapoints(hh).batchCreateDatapoints(
        new BatchCreateDatapointsRequest()
            .filters(Map.of("event_type", "model"))
            .dateRange(new BatchDateRange().$gte("2024-11-21T00:00:00Z").$lte("2024-11-22T00:00:00Z"))
            .selectAll(true)));
    assertThat(selected.getInsertedIds()).singleElement()
        .satisfies(id -> assertThat(datapoint(hh, id).getLinkedEvent()).isEqualTo(early));
    Datapoint unmapped = datapoint(hh, selected.getInsertedIds().get(0));
    assertThat(unmapped.getInputs()).isEqualTo(Map.of("question", "what is early?"));
    assertThat(unmapped.getGroundTruth()).isEqualTo(Map.of("content", "early answer"));

    BatchCreateDatapointsResponse checked = ok(datapoints(hh).batchCreateDatapoints(
        new BatchCreateDatapointsRequest().checkState(Map.of(tool, true, early, false))));
    assertThat(checked.getInsertedIds()).singleElement()
        .satisfies(id -> assertThat(datapoint(hh, id).getLinkedEvent()).isEqualTo(tool));

    BatchCreateDatapointsResponse listed = ok(datapoints(hh).batchCreateDatapoints(
        new BatchCreateDatapointsRequest().events(List.of(late, "no-such-event"))));
    assertThat(listed.getInsertedIds()).singleElement()
        .satisfies(id -> assertThat(datapoint(hh, id).getLinkedEvent()).isEqualTo(late));

    BatchCreateDatapointsResponse none = ok(datapoints(hh).batchCreateDatapoints(
        new BatchCreateDatapointsRequest().filters(Map.of("event_type", "chain"))));
    assertThat(none.getInserted()).isFalse();
    assertThat(none.getInsertedIds()).isEmpty();
    assertNotFound(datapoints(hh).batchCreateDatapoints(new BatchCreateDatapointsRequest()
        .datasetId("0123456789abcdef01234567")).execute(), "Dataset not found");
  }

  /** Requests no client should send, each refused with 400 naming what is wrong; the validator's findings counted. */
  @Test
  void brokenDatasetRequestsAreCaughtNamingTheField() throws IOException {
    ObjectMapper json = new ObjectMapper();
    OkHttpClient http = new OkHttpClient();
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start()) {
      JsonNode strict = send(http, json, server, "PUT", "/v1/datasets/663876ec4611c47f4970f0c3",
          "{\"name\":\"x\",\"project\":\"acme\"}");
      JsonNode empty = send(http, json, server, "POST", "/v1/datasets/663876ec4611c47f4970f0c3/datapoints",
          "{\"data\":[],\"mapping\":{\"inputs\":[]}}");
      JsonNode bareIds = send(http, json, server, "GET", "/v1/datapoints?datapoint_ids=65c13dbbd65fb876b7886cdb", null);

      assertThat(strict.path("message").asText()).isEqualTo("body: unrecognized key 'project'");
      assertThat(empty.path("message").asText())
          .isEqualTo("data: Array is too short: must have at least 1 elements but instance has 0 elements");
      assertThat(bareIds.path("message").asText())
          .isEqualTo("Query parameter 'datapoint_ids' is unexpected on path \"/v1/datapoints\"");
      assertThat(List.of(strict, empty, bareIds)).allSatisfy(answer -> {
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.path("errorCode").asText()).isEqualTo("VALIDATION_ERROR");
      });
      assertThat(server.exchanges()).extracting(RecordedExchange::operationId)
          .containsExactly("updateDataset", "addDatapoints", "getDatapoints");
      assertThat(server.exchanges()).allSatisfy(exchange -> {
        assertThat(exchange.requestErrors()).hasSize(1);
        assertThat(exchange.responseErrors()).as("the 400 answer itself conforms to the spec").isEmpty();
      });
      ContractCoverage.recordExercised(server);
      server.exchanges().forEach(exchange -> ContractCoverage.recordBrokenRequestCaught());
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private static DatasetsApi datasets(HoneyHive hh) {
    return hh.raw().retrofit().create(DatasetsApi.class);
  }

  private static DatapointsApi datapoints(HoneyHive hh) {
    return hh.raw().retrofit().create(DatapointsApi.class);
  }

  private static <T> T ok(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    assertThat(response.code()).as("%s", call.request()).isEqualTo(200);
    return response.body();
  }

  private static String createDatapoint(HoneyHive hh, Map<String, Object> inputs) throws IOException {
    return ok(datapoints(hh).createDatapoint(new CreateDatapointRequest().inputs(inputs)))
        .getResult().getInsertedIds().get(0);
  }

  private static String createDataset(HoneyHive hh, String name, String... datapointIds) throws IOException {
    return ok(datasets(hh).createDataset(new CreateDatasetRequest().name(name).datapoints(List.of(datapointIds))))
        .getResult().getInsertedId();
  }

  private static String createEvent(HoneyHive hh, EventType type, String name, long startTime) throws IOException {
    EventsApi events = hh.raw().events();
    return ok(events.createEvent(new Event().eventType(type).eventName(name).startTime(startTime)
        .inputs(Map.of("question", "what is " + name + "?"))
        .outputs(Map.of("content", name + " answer")))).getEventId();
  }

  private static Datapoint datapoint(HoneyHive hh, String id) {
    try {
      return ok(datapoints(hh).getDatapoint(id)).getDatapoint().get(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Dataset onlyDataset(HoneyHive hh, String id) throws IOException {
    List<Dataset> found = ok(datasets(hh).getDatasets(id, null)).getDatasets();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static void assertNotFound(Response<?> response, String message) throws IOException {
    assertThat(response.code()).isEqualTo(404);
    JsonNode body = new ObjectMapper().readTree(response.errorBody().string());
    assertThat(body.path("message").asText()).isEqualTo(message);
    assertThat(body.path("errorCode").asText()).isEqualTo("NOT_FOUND");
    assertThat(body.path("success").asBoolean(true)).isFalse();
  }

  private static JsonNode send(OkHttpClient http, ObjectMapper json, HoneyHiveTestServer server, String method,
      String pathAndQuery, String body) throws IOException {
    Request request = new Request.Builder()
        .url(server.url("/").resolve(pathAndQuery))
        .header("Authorization", "Bearer " + server.apiKey())
        .method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")))
        .build();
    try (okhttp3.Response response = http.newCall(request).execute()) {
      String answer = response.body().string();
      assertThat(response.code()).as(answer).isEqualTo(400);
      return json.readTree(answer);
    }
  }
}
