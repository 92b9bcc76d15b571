package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.client.api.ExperimentsApi;
import ai.honeyhive.client.api.LegacyApi;
import ai.honeyhive.client.model.CreateRunRequest;
import ai.honeyhive.client.model.CreateRunResponse;
import ai.honeyhive.client.model.EventsSchemaField;
import ai.honeyhive.client.model.EventsSchemaResponse;
import ai.honeyhive.client.model.ExperimentCompareEventsResponse;
import ai.honeyhive.client.model.ExperimentComparisonResponse;
import ai.honeyhive.client.model.ExperimentDatapointResult;
import ai.honeyhive.client.model.ExperimentEventPair;
import ai.honeyhive.client.model.ExperimentEventPresence;
import ai.honeyhive.client.model.ExperimentMetricComparison;
import ai.honeyhive.client.model.ExperimentMetricDetail;
import ai.honeyhive.client.model.ExperimentPassingRange;
import ai.honeyhive.client.model.ExperimentRun;
import ai.honeyhive.client.model.ExperimentRunMetricEvent;
import ai.honeyhive.client.model.ExperimentRunMetricsResponse;
import ai.honeyhive.client.model.ExperimentSummaryResponse;
import ai.honeyhive.client.model.GetRunsResponse;
import ai.honeyhive.client.model.RunStatus;
import ai.honeyhive.client.model.RunsPagination;
import ai.honeyhive.client.model.UpdateRunRequest;
import ai.honeyhive.client.model.UpdateRunResponse;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The Experiments operations through the generated client ({@code ExperimentsApi}, and {@code LegacyApi} for the
 * three deprecated ones HoneyHive's Python SDK 1.5.1 still calls), against runs whose sessions are traced the way
 * that SDK's {@code evaluate()} traces them: a session per datapoint with {@code metadata.run_id},
 * {@code metadata.datapoint_id} and {@code metadata.dataset_id}, and the client-side evaluator scores on the chain
 * event inside it.
 */
@SuppressWarnings("deprecation") // the legacy operations are deprecated in the spec, and that is what is tested
class ExperimentsContractTest implements ContractTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE = HoneyHiveTestServerExtension.builder()
      .client(client -> client.deliveryMode(DeliveryMode.SYNCHRONOUS))
      .build();

  private static final String DATASET = "6744f0a1c2b3d4e5f6a7b8d0";

  @Test
  void aRunIsCreatedPendingWithTheUuidItWasSent(HoneyHive hh) throws IOException {
    String runId = UUID.randomUUID().toString();

    CreateRunResponse created = call(api(hh).createRun(new CreateRunRequest().runId(runId).name("prompt-v2")
        .datasetId(DATASET).metadata(Map.of("git", Map.of("commit", "1a2b3c4")))));

    assertThat(created.getRunId()).isEqualTo(runId);
    ExperimentRun run = created.getEvaluation();
    assertThat(run.getRunId()).isEqualTo(runId);
    assertThat(run.getId()).isNotBlank().isNotEqualTo(runId);
    assertThat(run.getStatus()).isEqualTo("pending");
    assertThat(run.getEventIds()).isEmpty();
    assertThat(run.getIsActive()).isTrue();
    assertThat(run.getDatasetId()).isEqualTo(DATASET);
    assertThat(run.getScopeType()).isEqualTo("project");
    assertThat(run.getMetadata()).isEqualTo(Map.of("git", Map.of("commit", "1a2b3c4")));
    assertThat(call(api(hh).getRun(UUID.fromString(runId))).getEvaluation()).isEqualTo(run);
  }

  @Test
  void aRunIdThatIsNotAUuidIsReplacedByAGeneratedOne(HoneyHive hh) throws IOException {
    CreateRunResponse created = call(api(hh).createRun(new CreateRunRequest().runId("ci-1234").name("ci")));

    assertThat(created.getRunId()).isNotEqualTo("ci-1234");
    assertThat(UUID.fromString(created.getRunId()).toString()).isEqualTo(created.getRunId());
    assertThat(created.getEvaluation().getRunId()).isEqualTo(created.getRunId());
  }

  @Test
  void anUpdateReplacesEachFieldSentWhole(HoneyHive hh) throws IOException {
    UUID runId = createRun(hh, "prompt-v2", Map.of("git", Map.of("commit", "1a2b3c4"), "owner", "qa"));

    UpdateRunResponse updated = call(api(hh).updateRun(runId, new UpdateRunRequest().status(RunStatus.COMPLETED)
        .metadata(Map.of("offline_dataset_id", "EXT-0123456789abcdef"))));

    ExperimentRun run = updated.getEvaluation();
    assertThat(run.getStatus()).isEqualTo("completed");
    assertThat(run.getName()).as("not sent: kept").isEqualTo("prompt-v2");
    assertThat(run.getMetadata()).as("replaced, not merged: git is gone")
        .isEqualTo(Map.of("offline_dataset_id", "EXT-0123456789abcdef"));
    assertThat(updated.getWarning()).isNull();
    assertThat(call(api(hh).getRun(runId)).getEvaluation()).isEqualTo(run);
  }

  @Test
  void anUpdateSendingTheDatasetIdKeepsItAndSaysSo(HoneyHive hh, HoneyHiveTestServer server) throws IOException {
    UUID runId = createRun(hh, "prompt-v2", Map.of());

    Request put = new Request.Builder().url(server.url("/v1/runs/" + runId))
        .put(RequestBody.create("{\"dataset_id\":\"other\",\"name\":\"renamed\"}",
            MediaType.get("application/json")))
        .build();
    String answer;
    try (okhttp3.Response response = hh.raw().retrofit().callFactory().newCall(put).execute()) {
      assertThat(response.code()).isEqualTo(200);
      answer = response.body().string();
    }

    assertThat(answer).contains("\"name\":\"renamed\"").contains("\"dataset_id\":\"" + DATASET + "\"")
        .contains("\"warning\":\"dataset_id: cannot be changed by an update; ignored\"");
  }

  @Test
  void aDeletedRunIsGone(HoneyHive hh) throws IOException {
    UUID runId = createRun(hh, "doomed", Map.of());

    var deleted = call(api(hh).deleteRun(runId));

    assertThat(deleted.getId()).isEqualTo(runId.toString());
    assertThat(deleted.getDeleted()).isTrue();
    Response<?> again = api(hh).getRun(runId).execute();
    assertThat(again.code()).isEqualTo(404);
    assertThat(again.errorBody().string()).contains("run_id: no run " + runId);
  }

  @Test
  void runsAreListedPageByPageWithTheirFilters(HoneyHive hh) throws IOException {
    for (String name : List.of("a", "b", "c", "d", "e")) {
      createRun(hh, name, Map.of());
    }
    UUID done = createRun(hh, "f", Map.of());
    call(api(hh).updateRun(done, new UpdateRunRequest().status(RunStatus.COMPLETED)));

    GetRunsResponse second = call(api(hh).getRuns(DATASET, 2, 2, null, null, null, null, "name", "asc"));
    assertThat(second.getEvaluations()).extracting(ExperimentRun::getName).containsExactly("c", "d");
    RunsPagination pagination = second.getPagination();
    assertThat(List.of(pagination.getPage(), pagination.getLimit(), pagination.getTotal(),
        pagination.getTotalUnfiltered(), pagination.getTotalPages())).containsExactly(2, 2, 6, 6, 3);
    assertThat(pagination.getHasNext()).isTrue();
    assertThat(pagination.getHasPrev()).isTrue();

    GetRunsResponse completed = call(api(hh).getRuns(null, null, null, null, null, RunStatus.COMPLETED, null,
        null, null));
    assertThat(completed.getEvaluations()).extracting(ExperimentRun::getName).containsExactly("f");
    assertThat(completed.getPagination().getHasNext()).isFalse();
    assertThat(call(api(hh).getRuns(null, null, null, null, "b", null, null, null, null)).getEvaluations())
        .extracting(ExperimentRun::getName).containsExactly("b");
    assertThat(call(api(hh).getRuns("another-dataset", null, null, null, null, null, null, null, null))
        .getEvaluations()).isEmpty();
    assertThat(call(api(hh).getRuns(null, null, null, null, null, null,
        "{\"$gte\":\"2000-01-01T00:00:00Z\",\"$lte\":\"2001-01-01T00:00:00Z\"}", null, null)).getEvaluations())
        .as("created outside the window").isEmpty();
    assertThat(call(api(hh).getRuns(null, null, null, null, null, null, null, null, null)).getEvaluations())
        .as("newest first by default").extracting(ExperimentRun::getName).startsWith("f");
  }

  @Test
  void runIdsGoOnTheWireAsRepeatedBracketKeysAndSelectThoseRuns(HoneyHive hh) throws IOException {
    UUID first = createRun(hh, "first", Map.of());
    createRun(hh, "second", Map.of());
    UUID third = createRun(hh, "third", Map.of());
    List<String> queries = new ArrayList<>();
    Retrofit retrofit = hh.raw().retrofit();
    OkHttpClient recording = ((OkHttpClient) retrofit.callFactory()).newBuilder()
        .addNetworkInterceptor(chain -> {
          queries.add(chain.request().url().encodedQuery());
          return chain.proceed(chain.request());
        }).build();
    ExperimentsApi api = retrofit.newBuilder().client(recording).build().create(ExperimentsApi.class);

    GetRunsResponse answer = call(api.getRuns(null, null, null, List.of(first.toString(), third.toString()),
        null, null, null, null, null));

    assertThat(queries).containsExactly("run_ids%5B%5D=" + first + "&run_ids%5B%5D=" + third);
    assertThat(answer.getEvaluations()).extracting(ExperimentRun::getName).containsExactlyInAnyOrder("first",
        "third");
  }

  @Test
  void theSummaryAggregatesTheChainMetricsAndJudgesEachDatapointByThePassingRanges(HoneyHive hh)
      throws IOException {
    Runs runs = twoRuns(hh);

    ExperimentSummaryResponse summary = call(api(hh).getExperimentSummary(runs.newer, null, null));

    assertThat(summary.getStatus()).isEqualTo("completed");
    assertThat(summary.getSuccess()).isTrue();
    assertThat(summary.getMetrics().getAggregationFunction()).isEqualTo("average");
    assertThat(summary.getMetrics().getDetails()).extracting(ExperimentMetricDetail::getMetricName)
        .as("the session's own metrics do not count").containsExactly("accuracy", "exact_match");
    ExperimentMetricDetail accuracy = summary.getMetrics().getDetails().get(0);
    assertThat(accuracy.getEventName()).isEqualTo("answer");
    assertThat(accuracy.getEventType()).isEqualTo("chain");
    assertThat(accuracy.getMetricType()).isEqualTo(ExperimentMetricDetail.MetricTypeEnum.CLIENT_SIDE);
    assertThat(accuracy.getAggregate().doubleValue()).isCloseTo((0.9 + 0.6 + 1.0) / 3, within(1e-9));
    assertThat(accuracy.getValues()).extracting(Number::doubleValue).containsExactly(0.9, 0.6, 1.0);
    assertThat(accuracy.getPassingRange().getMin().doubleValue()).isEqualTo(0.8);
    assertThat(accuracy.getDatapoints().getPassed()).containsExactly("dp-1", "dp-3");
    assertThat(accuracy.getDatapoints().getFailed()).containsExactly("dp-2");
    ExperimentMetricDetail exactMatch = summary.getMetrics().getDetails().get(1);
    assertThat(exactMatch.getAggregate().doubleValue()).as("booleans count as 1 and 0").isCloseTo(2.0 / 3,
        within(1e-9));
    assertThat(summary.getPassed()).containsExactly("dp-1", "dp-3");
    assertThat(summary.getFailed()).containsExactly("dp-2");
    assertThat(summary.getDatapoints()).extracting(ExperimentDatapointResult::getDatapointId,
        ExperimentDatapointResult::getPassed).containsExactly(
            org.assertj.core.groups.Tuple.tuple("dp-1", true), org.assertj.core.groups.Tuple.tuple("dp-2", false),
            org.assertj.core.groups.Tuple.tuple("dp-3", true));
    assertThat(summary.getDatapoints()).extracting(ExperimentDatapointResult::getSessionId)
        .containsExactlyElementsOf(runs.newSessions);
    assertThat(summary.getEventDetails()).extracting(detail -> detail.getEventName() + "/" + detail.getEventType())
        .containsExactly("evaluation-new/session", "answer/chain");
    assertThat(summary.getRunObject().getRunId()).isEqualTo(runs.newer.toString());
  }

  @Test
  void everyAggregateFunctionIsApplied(HoneyHive hh) throws IOException {
    Runs runs = twoRuns(hh);
    Map<String, Double> expected = Map.of("average", (0.9 + 0.6 + 1.0) / 3, "min", 0.6, "max", 1.0,
        "median", 0.9, "p90", 1.0, "p95", 1.0, "p99", 1.0, "sum", 2.5, "count", 3.0);

    expected.forEach((function, value) -> {
      ExperimentSummaryResponse summary = call(api(hh).getExperimentSummary(runs.newer, function, null));
      assertThat(summary.getMetrics().getDetails().get(0).getAggregate().doubleValue()).as(function)
          .isCloseTo(value, within(1e-9));
    });
  }

  @Test
  void theLegacyResultIsTheSummaryAndFiltersNarrowIt(HoneyHive hh) throws IOException {
    Runs runs = twoRuns(hh);

    ExperimentSummaryResponse result = call(legacy(hh).getExperimentResultLegacy(runs.newer, "max", null));
    ExperimentSummaryResponse summary = call(api(hh).getExperimentSummary(runs.newer, "max", null));
    ExperimentSummaryResponse filtered = call(api(hh).getExperimentSummary(runs.newer, "count",
        "[{\"field\":\"metadata.datapoint_id\",\"operator\":\"is\",\"value\":\"dp-3\",\"type\":\"string\"}]"));

    assertThat(result).isEqualTo(summary);
    assertThat(filtered.getMetrics().getDetails().get(0).getAggregate().doubleValue()).isEqualTo(1.0);
  }

  @Test
  void aSessionLinkedOnlyByTheRunsEventIdsCounts(HoneyHive hh) throws IOException {
    UUID runId = createRun(hh, "linked-by-event-ids", Map.of());
    Session session = hh.session("unlabelled").metadata(Map.of("datapoint_id", "dp-9")).start();
    session.chain("answer").metrics(Map.of("accuracy", 0.4)).log();
    session.end();

    call(api(hh).updateRun(runId, new UpdateRunRequest().status(RunStatus.COMPLETED)
        .eventIds(List.of(session.sessionId()))));

    ExperimentSummaryResponse summary = call(api(hh).getExperimentSummary(runId, null, null));
    assertThat(summary.getPassed()).as("no passing ranges: every datapoint passes").containsExactly("dp-9");
    assertThat(summary.getMetrics().getDetails().get(0).getAggregate().doubleValue()).isEqualTo(0.4);
  }

  @Test
  void theRunMetricsListEachEventWithItsDatapoint(HoneyHive hh) throws IOException {
    Runs runs = twoRuns(hh);

    ExperimentRunMetricsResponse metrics = call(api(hh).getExperimentRunMetrics(runs.older, null, null));
    ExperimentRunMetricsResponse filtered = call(api(hh).getExperimentRunMetrics(runs.older, null,
        "[{\"field\":\"metrics.accuracy\",\"operator\":\"greater than\",\"value\":\"0.6\",\"type\":\"number\"}]"));

    assertThat(metrics.getTotalEvents()).isEqualTo(2);
    ExperimentRunMetricEvent first = metrics.getEvents().get(0);
    assertThat(first.getEventName()).isEqualTo("answer");
    assertThat(first.getEventType()).isEqualTo("chain");
    assertThat(first.getSessionId()).isEqualTo(runs.oldSessions.get(0));
    assertThat(first.getMetadata().getDatapointId()).isEqualTo("dp-1");
    assertThat(first.getMetrics()).isEqualTo(Map.of("accuracy", 0.5, "exact_match", false));
    assertThat(filtered.getEvents()).extracting(event -> event.getMetadata().getDatapointId())
        .containsExactly("dp-2");
  }

  @Test
  void theSchemasListTheFieldsOfTheRunsEvents(HoneyHive hh) throws IOException {
    Runs runs = twoRuns(hh);
    hh.session("not-in-a-run").inputs(Map.of("stray", 1)).start().end();

    EventsSchemaResponse one = call(api(hh).getRunSchema(runs.older, null));
    EventsSchemaResponse all = call(api(hh).getRunsSchema(null));

    assertThat(one.getFields()).extracting(field -> field.getName() + "/" + field.getEventType())
        .contains("metadata.datapoint_id/session", "metrics.accuracy/chain", "inputs.question/session");
    assertThat(one.getDatasets()).containsExactly(DATASET);
    assertThat(one.getMappings()).isEmpty();
    assertThat(all.getFields()).extracting(EventsSchemaField::getName).contains("metrics.accuracy")
        .doesNotContain("inputs.stray");
    assertThat(call(api(hh).getRunsSchema("{\"$gte\":\"2000-01-01T00:00:00Z\",\"$lte\":\"2001-01-01T00:00:00Z\"}"))
        .getFields()).as("no event in the window").isEmpty();
  }

  @Test
  void aComparisonAggregatesEachRunOnTheCommonDatapointsOnly(HoneyHive hh) throws IOException {
    Runs runs = twoRuns(hh);

    ExperimentComparisonResponse comparison = call(api(hh).getExperimentComparison(runs.newer, runs.older, null,
        null));

    assertThat(comparison.getCommonDatapoints()).containsExactly("dp-1", "dp-2");
    ExperimentMetricComparison accuracy = comparison.getMetrics().get(0);
    assertThat(accuracy.getMetricName()).isEqualTo("accuracy");
    assertThat(accuracy.getOldAggregate().doubleValue()).isCloseTo(0.6, within(1e-9));
    assertThat(accuracy.getNewAggregate().doubleValue()).as("dp-3 left out").isCloseTo(0.75, within(1e-9));
    assertThat(accuracy.getDifference().doubleValue()).isCloseTo(0.15, within(1e-9));
    assertThat(accuracy.getPercentageChange().doubleValue()).isCloseTo(25, within(1e-9));
    assertThat(comparison.getMetrics()).extracting(ExperimentMetricComparison::getMetricName)
        .containsExactly("accuracy", "exact_match");
    assertThat(comparison.getEventDetails()).extracting(ExperimentEventPresence::getEventName,
        ExperimentEventPresence::getPresence).containsExactly(
            org.assertj.core.groups.Tuple.tuple("evaluation-old", ExperimentEventPresence.PresenceEnum.OLD),
            org.assertj.core.groups.Tuple.tuple("answer", ExperimentEventPresence.PresenceEnum.BOTH),
            org.assertj.core.groups.Tuple.tuple("evaluation-new", ExperimentEventPresence.PresenceEnum.NEW));
    assertThat(comparison.getNewRun().getRunId()).isEqualTo(runs.newer.toString());
    assertThat(comparison.getOldRun().getRunId()).isEqualTo(runs.older.toString());
    assertThat(call(legacy(hh).getExperimentComparisonLegacy(runs.newer, runs.older, "average", null)))
        .isEqualTo(comparison);
    assertThat(call(api(hh).getExperimentComparison(runs.newer, runs.older, "min", null)).getMetrics().get(0)
        .getNewAggregate().doubleValue()).isEqualTo(0.6);
  }

  @Test
  void eventPairsMatchTheNewRunsEventsWithTheOldOnesPerCommonDatapoint(HoneyHive hh) throws IOException {
    Runs runs = twoRuns(hh);

    ExperimentCompareEventsResponse sessions = call(api(hh).getExperimentCompareEvents(runs.newer, runs.older,
        null, null, null, null, null));
    ExperimentCompareEventsResponse chains = call(api(hh).getExperimentCompareEvents(runs.newer, runs.older,
        "answer", "chain", null, 1, 2));
    ExperimentCompareEventsResponse legacyPairs = call(legacy(hh).getExperimentCompareEventsLegacy(runs.newer,
        runs.older, null, null, null, null, null));
    ExperimentCompareEventsResponse filtered = call(api(hh).getExperimentCompareEvents(runs.newer, runs.older,
        null, "chain", "{\"metadata.datapoint_id\":\"dp-1\"}", null, null));

    assertThat(sessions.getTotalEvents()).isEqualTo(2);
    ExperimentEventPair first = sessions.getEvents().get(0);
    assertThat(first.getDatapointId()).isEqualTo("dp-1");
    assertThat(first.getEvent1()).containsEntry("event_id", runs.newSessions.get(0));
    assertThat(first.getEvent2()).containsEntry("event_id", runs.oldSessions.get(0));
    assertThat(chains.getTotalEvents()).isEqualTo(2);
    assertThat(chains.getEvents()).singleElement().satisfies(pair -> {
      assertThat(pair.getDatapointId()).isEqualTo("dp-2");
      assertThat(pair.getEvent1()).containsEntry("event_name", "answer").containsEntry("session_id",
          runs.newSessions.get(1));
    });
    assertThat(legacyPairs).isEqualTo(sessions);
    assertThat(filtered.getEvents()).extracting(ExperimentEventPair::getDatapointId).containsExactly("dp-1");
  }

  // --- fixtures ---

  /** Two runs over one dataset: the old on dp-1 and dp-2, the new on dp-1, dp-2 and dp-3 (accuracy >= 0.8 passes). */
  private record Runs(UUID older, List<String> oldSessions, UUID newer, List<String> newSessions) {}

  private static Runs twoRuns(HoneyHive hh) throws IOException {
    UUID older = createRun(hh, "old", Map.of());
    List<String> oldSessions = List.of(
        evaluate(hh, older, "evaluation-old", "dp-1", 0.5, false),
        evaluate(hh, older, "evaluation-old", "dp-2", 0.7, true));
    UUID newer = UUID.fromString(call(api(hh).createRun(new CreateRunRequest().runId(UUID.randomUUID().toString())
        .name("new").datasetId(DATASET)
        .passingRanges(Map.of("accuracy", new ExperimentPassingRange().min(0.8).max(1))))).getRunId());
    List<String> newSessions = List.of(
        evaluate(hh, newer, "evaluation-new", "dp-1", 0.9, true),
        evaluate(hh, newer, "evaluation-new", "dp-2", 0.6, false),
        evaluate(hh, newer, "evaluation-new", "dp-3", 1.0, true));
    for (UUID run : List.of(older, newer)) {
      List<String> sessions = run == older ? oldSessions : newSessions;
      call(api(hh).updateRun(run, new UpdateRunRequest().status(RunStatus.COMPLETED).eventIds(sessions)));
    }
    return new Runs(older, oldSessions, newer, newSessions);
  }

  /** One datapoint as HoneyHive's {@code evaluate()} traces it; the session's own metric must not count. */
  private static String evaluate(HoneyHive hh, UUID runId, String sessionName, String datapoint, double accuracy,
      boolean exactMatch) {
    Map<String, Object> metadata = Map.of("run_id", runId.toString(), "dataset_id", DATASET,
        "datapoint_id", datapoint);
    Session session = hh.session(sessionName).source("evaluation").metadata(metadata)
        .inputs(Map.of("question", "q-" + datapoint)).start();
    try (Span chain = session.chain("answer").metadata(metadata)
        .metrics(new TreeMap<>(Map.of("accuracy", accuracy, "exact_match", exactMatch))).start()) {
      chain.outputs(Map.of("answer", "a-" + datapoint));
    }
    session.metrics(Map.of("session_score", 100));
    session.end();
    return session.sessionId();
  }

  private static UUID createRun(HoneyHive hh, String name, Map<String, Object> metadata) throws IOException {
    return UUID.fromString(call(api(hh).createRun(new CreateRunRequest().runId(UUID.randomUUID().toString())
        .name(name).datasetId(DATASET).metadata(metadata))).getRunId());
  }

  private static ExperimentsApi api(HoneyHive hh) {
    return hh.raw().retrofit().create(ExperimentsApi.class);
  }

  private static LegacyApi legacy(HoneyHive hh) {
    return hh.raw().retrofit().create(LegacyApi.class);
  }

  private static <T> T call(Call<T> call) {
    try {
      Response<T> response = call.execute();
      assertThat(response.code()).as(call.request().url() + " answered").isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
