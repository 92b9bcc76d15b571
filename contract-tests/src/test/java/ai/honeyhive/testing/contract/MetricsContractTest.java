package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.client.api.MetricVersionsApi;
import ai.honeyhive.client.api.MetricsApi;
import ai.honeyhive.client.model.CreateMetricVersionRequest;
import ai.honeyhive.client.model.DeleteMetricResponse;
import ai.honeyhive.client.model.EventFilter;
import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import ai.honeyhive.client.model.LegacyRunMetricRequest;
import ai.honeyhive.client.model.LegacyUpdateMetricRequest;
import ai.honeyhive.client.model.Metric;
import ai.honeyhive.client.model.MetricCategory;
import ai.honeyhive.client.model.MetricDefinition;
import ai.honeyhive.client.model.MetricFilters;
import ai.honeyhive.client.model.MetricReturnType;
import ai.honeyhive.client.model.MetricThreshold;
import ai.honeyhive.client.model.MetricType;
import ai.honeyhive.client.model.MetricVersion;
import ai.honeyhive.client.model.RunMetricDefinition;
import ai.honeyhive.client.model.RunMetricEvent;
import ai.honeyhive.client.model.RunMetricRequest;
import ai.honeyhive.client.model.RunMetricResponse;
import ai.honeyhive.client.model.UpdateMetricRequest;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.RecordedExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The generated client on the metric routes ({@code Metrics} and {@code Metric Versions}), through
 * {@code hh.raw().retrofit()}: what is stored, the defaults, filters, versions and deploys, the deprecated forms,
 * and the test server's documented imitation of running a metric.
 */
@ExtendWith(HoneyHiveTestServerExtension.class)
@SuppressWarnings("deprecation") // the legacy metric routes are deprecated in the spec, and that is what is tested
class MetricsContractTest implements ContractTest {
  private static final String EXACT_MATCH = "def metric(event):\n"
      + "    return event[\"outputs\"][\"answer\"] == event[\"feedback\"][\"ground_truth\"]\n";

  @Test
  void aMetricIsStoredWithTheDocumentedDefaultsAndListedByTypeAndId(HoneyHive hh) throws IOException {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);

    String pythonId = ok(metrics.createMetric(new MetricDefinition().name("exact-match").type(MetricType.PYTHON)
        .criteria(EXACT_MATCH))).getMetricId();
    String llmId = ok(metrics.createMetric(new MetricDefinition().name("relevance").type(MetricType.LLM)
        .criteria("Rate the relevance of {{outputs.answer}} from 1 to 5.").modelProvider("openai")
        .modelName("gpt-4o").scale(5).returnType(MetricReturnType.FLOAT)
        .threshold(new MetricThreshold().min(3).max(5))
        .filters(new MetricFilters().filterArray(List.of(new EventFilter().field("event_type")
            .operator(FilterOperator.IS).value("model").type(FilterValueType.STRING))))))
        .getMetricId();

    Metric python = ok(metrics.getMetrics(null, pythonId)).getMetrics().get(0);
    assertThat(python.getId()).isEqualTo(pythonId).hasSize(24);
    assertThat(python.getName()).isEqualTo("exact-match");
    assertThat(python.getCriteria()).isEqualTo(EXACT_MATCH);
    assertThat(python.getDescription()).isEmpty();
    assertThat(python.getReturnType()).isEqualTo(MetricReturnType.FLOAT);
    assertThat(python.getEnabledInProd()).isFalse();
    assertThat(python.getNeedsGroundTruth()).isFalse();
    assertThat(python.getSamplingPercentage().intValue()).isEqualTo(10);
    assertThat(python.getFilters().getFilterArray()).isEmpty();
    assertThat(python.getCreatedAt()).isNotNull();
    assertThat(ok(metrics.getMetrics("LLM", null)).getMetrics()).extracting(Metric::getId).containsExactly(llmId);
    Metric llm = ok(metrics.getMetrics("LLM", llmId)).getMetrics().get(0);
    assertThat(llm.getThreshold().getMin().intValue()).isEqualTo(3);
    assertThat(llm.getFilters().getFilterArray()).singleElement().extracting(EventFilter::getField)
        .isEqualTo("event_type");
    assertThat(ok(metrics.getMetrics(null, null)).getMetrics()).extracting(Metric::getId)
        .containsExactly(pythonId, llmId);
    assertThat(ok(metrics.getMetrics("HUMAN", null)).getMetrics()).isEmpty();
  }

  @Test
  void anUpdateChangesOnlyTheFieldsSentAndADeleteRemovesTheMetric(HoneyHive hh) throws IOException {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);
    String id = ok(metrics.createMetric(new MetricDefinition().name("exact-match").type(MetricType.PYTHON)
        .criteria(EXACT_MATCH).description("equal answers"))).getMetricId();

    assertThat(ok(metrics.updateMetric(id, new UpdateMetricRequest().samplingPercentage(50).enabledInProd(true)))
        .getUpdated()).isTrue();
    Metric updated = ok(metrics.getMetrics(null, id)).getMetrics().get(0);
    assertThat(updated.getSamplingPercentage().intValue()).isEqualTo(50);
    assertThat(updated.getEnabledInProd()).isTrue();
    assertThat(updated.getDescription()).as("not sent, kept").isEqualTo("equal answers");
    assertThat(updated.getUpdatedAt()).isNotNull();
    assertThat(ok(metrics.updateMetric("000000000000000000000000", new UpdateMetricRequest().name("x")))
        .getUpdated()).as("no such metric: HoneyHive documents only the 200").isFalse();

    assertThat(ok(metrics.deleteMetric(id)).getDeleted()).isTrue();
    assertThat(ok(metrics.getMetrics(null, id)).getMetrics()).isEmpty();
    assertThat(ok(metrics.deleteMetric(id)).getDeleted()).as("already gone").isFalse();
  }

  @Test
  void theDeprecatedFormsTakeTheIdFromTheBodyAndTheQuery(HoneyHive hh, HoneyHiveTestServer server)
      throws IOException {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);
    String id = ok(metrics.createMetric(new MetricDefinition().name("exact-match").type(MetricType.PYTHON)
        .criteria(EXACT_MATCH))).getMetricId();

    assertThat(ok(metrics.updateMetricLegacy(new LegacyUpdateMetricRequest().id(id).name("renamed")))
        .getUpdated()).isTrue();
    assertThat(ok(metrics.getMetrics(null, id)).getMetrics().get(0).getName()).isEqualTo("renamed");
    Call<DeleteMetricResponse> delete = metrics.deleteMetricLegacy(id);
    assertThat(delete.request().url().encodedQuery()).isEqualTo("metric_id=" + id);
    assertThat(ok(delete).getDeleted()).isTrue();

    assertThat(ok(metrics.getMetrics(null, null)).getMetrics()).isEmpty();
    RecordedExchange deleted = exchange(server, "deleteMetricLegacy");
    assertThat(deleted.method()).isEqualTo("DELETE");
    assertThat(deleted.path()).isEqualTo("/v1/metrics");
    assertThat(deleted.status()).isEqualTo(200);
  }

  @Test
  void aVersionIsADraftUntilDeployedAndDeployingMakesItTheLiveDefinition(HoneyHive hh) throws Exception {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);
    MetricVersionsApi versions = hh.raw().retrofit().create(MetricVersionsApi.class);
    String id = ok(metrics.createMetric(new MetricDefinition().name("exact-match").type(MetricType.PYTHON)
        .criteria(EXACT_MATCH))).getMetricId();
    String lowerCase = EXACT_MATCH.replace("] ==", "].lower() ==");
    assertThat(ok(versions.getMetricVersions(id)).getData()).as("history starts empty").isEmpty();

    MetricVersion draft = ok(versions.createMetricVersion(id, new CreateMetricVersionRequest()
        .message("compare case-insensitively").content(new MetricDefinition().name("exact-match")
            .type(MetricType.PYTHON).criteria(lowerCase)))).getData();
    assertThat(draft.getName()).isEqualTo("v1");
    assertThat(draft.getDeployed()).isFalse();
    assertThat(draft.getMessage()).isEqualTo("compare case-insensitively");
    assertThat(draft.getContent().getCriteria()).isEqualTo(lowerCase);
    assertThat(draft.getContent().getReturnType()).as("default filled in").isEqualTo(MetricReturnType.FLOAT);
    assertThat(draft.getFullSha()).isEqualTo(sha1(
        "{\"criteria\":" + jsonString(lowerCase) + ",\"description\":\"\",\"enabled_in_prod\":false,"
            + "\"filters\":{\"filterArray\":[]},\"name\":\"exact-match\",\"needs_ground_truth\":false,"
            + "\"return_type\":\"float\",\"sampling_percentage\":10,\"type\":\"PYTHON\"}"));
    assertThat(ok(metrics.getMetrics(null, id)).getMetrics().get(0).getCriteria()).as("a draft changes nothing")
        .isEqualTo(EXACT_MATCH);

    MetricVersion live = ok(versions.createMetricVersion(id, new CreateMetricVersionRequest().message("boolean")
        .deployImmediately(true).content(new MetricDefinition().name("exact-match").type(MetricType.PYTHON)
            .criteria(EXACT_MATCH).returnType(MetricReturnType.BOOLEAN)))).getData();
    assertThat(live.getName()).isEqualTo("v2");
    assertThat(live.getDeployed()).isTrue();
    assertThat(ok(metrics.getMetrics(null, id)).getMetrics().get(0).getReturnType())
        .isEqualTo(MetricReturnType.BOOLEAN);

    MetricVersion redeployed = ok(versions.deployMetricVersion(id, "v1")).getData();
    assertThat(redeployed.getDeployed()).isTrue();
    Metric metric = ok(metrics.getMetrics(null, id)).getMetrics().get(0);
    assertThat(metric.getCriteria()).isEqualTo(lowerCase);
    assertThat(metric.getReturnType()).isEqualTo(MetricReturnType.FLOAT);
    assertThat(ok(versions.getMetricVersions(id)).getData())
        .extracting(MetricVersion::getName, MetricVersion::getDeployed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", true),
            org.assertj.core.groups.Tuple.tuple("v2", false));
  }

  @Test
  void theVersionRoutesAnswer404ForAnUnknownMetricOrVersionAnd400ForAnLlmWithoutItsModel(HoneyHive hh)
      throws IOException {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);
    MetricVersionsApi versions = hh.raw().retrofit().create(MetricVersionsApi.class);
    String id = ok(metrics.createMetric(new MetricDefinition().name("relevance").type(MetricType.LLM)
        .criteria("Rate {{outputs.answer}}").modelProvider("openai").modelName("gpt-4o"))).getMetricId();

    assertThat(versions.getMetricVersions("000000000000000000000000").execute().code()).isEqualTo(404);
    assertThat(versions.deployMetricVersion(id, "v9").execute().code()).isEqualTo(404);
    Response<?> llmWithoutModel = versions.createMetricVersion(id, new CreateMetricVersionRequest().message("m")
        .content(new MetricDefinition().name("relevance").type(MetricType.LLM).criteria("Rate it"))).execute();
    assertThat(llmWithoutModel.code()).isEqualTo(400);
    assertThat(llmWithoutModel.errorBody().string()).contains("content.model_provider: required for an LLM metric");
    assertThat(ok(versions.getMetricVersions(id)).getData()).isEmpty();
  }

  @Test
  void runningAMetricFollowsTheTestServersDocumentedRule(HoneyHive hh) throws IOException {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);
    RunMetricDefinition booleanMetric = new RunMetricDefinition().name("exact-match")
        .type(RunMetricDefinition.TypeEnum.PYTHON).criteria(EXACT_MATCH).returnType(MetricReturnType.BOOLEAN)
        .needsGroundTruth(true);

    RunMetricResponse matching = ok(metrics.runMetric(new RunMetricRequest().metric(booleanMetric)
        .event(event("Rotate it in Settings.", "Rotate it in Settings."))));
    RunMetricResponse differing = ok(metrics.runMetric(new RunMetricRequest()
        .metric(booleanMetric.returnType(MetricReturnType.FLOAT)).event(event("Rotate it.", "Call support."))));

    assertThat(matching.getSuccess()).isTrue();
    assertThat(matching.getLoading()).isFalse();
    assertThat(matching.getResult()).isEqualTo(true);
    assertThat(matching.getExplanation()).as("PYTHON metrics explain nothing").isNull();
    assertThat(((Number) differing.getResult()).doubleValue()).isEqualTo(0.0);
  }

  @Test
  void theDeprecatedRunRouteAnswersLikeTheCurrentOne(HoneyHive hh) throws IOException {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);
    RunMetricDefinition categorical = new RunMetricDefinition().name("tone")
        .type(RunMetricDefinition.TypeEnum.LLM).criteria("Classify the tone of {{outputs.answer}}.")
        .modelProvider("openai").modelName("gpt-4o").returnType(MetricReturnType.CATEGORICAL)
        .categories(List.of(new MetricCategory().category("polite").score(1),
            new MetricCategory().category("rude").score(0)));

    RunMetricResponse answer = ok(metrics.runMetricLegacy(new LegacyRunMetricRequest().metric(categorical)
        .event(event("Rotate it.", "Rotate it."))));

    assertThat(answer.getResult()).isEqualTo("polite");
    assertThat(answer.getExplanation()).contains("no model was asked");
  }

  @Test
  void aRunThatCannotStartIs400AndAFailedEvaluationIs422WithItsErrorCode(HoneyHive hh) throws IOException {
    MetricsApi metrics = hh.raw().retrofit().create(MetricsApi.class);
    RunMetricDefinition needsTruth = new RunMetricDefinition().name("exact-match")
        .type(RunMetricDefinition.TypeEnum.PYTHON).criteria(EXACT_MATCH).needsGroundTruth(true);

    Response<RunMetricResponse> noTruth = metrics.runMetric(new RunMetricRequest().metric(needsTruth)
        .event(new RunMetricEvent().eventType("chain").outputs(Map.of("answer", "x")))).execute();
    Response<RunMetricResponse> raising = metrics.runMetric(new RunMetricRequest().event(event("a", "a"))
        .metric(new RunMetricDefinition().name("boom").type(RunMetricDefinition.TypeEnum.PYTHON)
            .criteria("def metric(event):\n    raise ValueError('no')\n"))).execute();
    Response<RunMetricResponse> unbalanced = metrics.runMetric(new RunMetricRequest().event(event("a", "a"))
        .metric(new RunMetricDefinition().name("broken").type(RunMetricDefinition.TypeEnum.PYTHON)
            .criteria("def metric(event:\n    return 1\n"))).execute();

    assertThat(noTruth.code()).isEqualTo(400);
    assertThat(noTruth.errorBody().string()).contains("event.feedback.ground_truth: required");
    assertThat(raising.code()).isEqualTo(422);
    assertThat(raising.errorBody().string()).contains("\"errorCode\":\"execution_error\"");
    assertThat(unbalanced.code()).isEqualTo(422);
    assertThat(unbalanced.errorBody().string()).contains("\"errorCode\":\"compilation_error\"");
  }

  private static RunMetricEvent event(String answer, String groundTruth) {
    return new RunMetricEvent().eventType("chain").eventName("answer").inputs(Map.of("question", "reset key?"))
        .outputs(Map.of("answer", answer)).feedback(Map.of("ground_truth", groundTruth));
  }

  static <T> T ok(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    assertThat(response.isSuccessful()).as("%s -> %s", call.request().url(), response.code()).isTrue();
    return response.body();
  }

  static RecordedExchange exchange(HoneyHiveTestServer server, String operationId) {
    return server.exchanges().stream().filter(e -> operationId.equals(e.operationId())).findFirst().orElseThrow();
  }

  private static String sha1(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
