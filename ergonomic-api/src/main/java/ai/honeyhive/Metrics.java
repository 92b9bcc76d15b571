package ai.honeyhive;

import ai.honeyhive.client.model.CreateMetricVersionRequest;
import ai.honeyhive.client.model.MetricDefinition;
import ai.honeyhive.client.model.MetricReturnType;
import ai.honeyhive.client.model.MetricType;
import ai.honeyhive.client.model.RunMetricDefinition;
import ai.honeyhive.client.model.RunMetricEvent;
import ai.honeyhive.client.model.RunMetricRequest;
import ai.honeyhive.client.model.RunMetricResponse;
import ai.honeyhive.internal.http.MetricsGateway;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HoneyHive's server-side metrics: define one, add versions of its definition, deploy a version, and try a definition
 * on an event before storing it. Returned by {@link HoneyHive#metrics()}. Thread-safe; every call is one request on the
 * calling thread, and a failure is thrown as a {@link ai.honeyhive.errors.HoneyHiveException} in every delivery mode.
 */
public final class Metrics {
  private final MetricsGateway gateway;

  Metrics(MetricsGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Stores {@code metric} and returns its id.
   *
   * @param metric the definition
   * @return the metric's id
   * @throws NullPointerException if {@code metric} is null
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public String create(ServerMetric metric) {
    return gateway.createMetric(definition(Checks.notNull("metric", metric)));
  }

  /**
   * Adds a version of the metric {@code metricId} with the definition {@code metric}: a draft, or the live version at
   * once when {@code deploy} is true.
   *
   * @param metricId the metric's id
   * @param message what changed, shown in the version history; not blank
   * @param metric the new definition
   * @param deploy whether the version goes live at once
   * @return the version's name, for {@link #deploy}
   * @throws IllegalArgumentException if {@code metricId} or {@code message} is blank
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries (404: no such metric)
   */
  public String addVersion(String metricId, String message, ServerMetric metric, boolean deploy) {
    CreateMetricVersionRequest version = new CreateMetricVersionRequest()
        .message(Checks.name("message", message))
        .content(definition(Checks.notNull("metric", metric)))
        .deployImmediately(deploy);
    return gateway.createVersion(Checks.name("metricId", metricId), version);
  }

  /**
   * Makes the version {@code versionName} of the metric {@code metricId} the live one.
   *
   * @param metricId the metric's id
   * @param versionName the version's name, as {@link #addVersion} returned it
   * @throws IllegalArgumentException if an argument is blank
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries (404: no such version)
   */
  public void deploy(String metricId, String versionName) {
    gateway.deployVersion(Checks.name("metricId", metricId), Checks.name("versionName", versionName));
  }

  /**
   * Tries {@code metric} on one event, without storing anything ({@code POST /v1/metrics/run}): only {@code PYTHON}
   * and {@code LLM} metrics can be tried.
   *
   * @param metric the definition
   * @param inputs the event's inputs
   * @param outputs the event's outputs
   * @param groundTruth the expected answer, sent as {@code feedback.ground_truth}; null when the metric needs none
   * @return what the metric gave
   * @throws NullPointerException if {@code metric}, {@code inputs} or {@code outputs} is null
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries: 400 when the metric needs
   *     ground truth and none was given, 422 when the metric itself failed (its error code says how)
   */
  public MetricTrial tryOn(ServerMetric metric, Map<String, ?> inputs, Map<String, ?> outputs,
      Map<String, ?> groundTruth) {
    Checks.notNull("metric", metric);
    RunMetricDefinition definition = new RunMetricDefinition()
        .name(metric.name())
        .type(metric.type().equals("LLM") ? RunMetricDefinition.TypeEnum.LLM : RunMetricDefinition.TypeEnum.PYTHON)
        .criteria(metric.criteria())
        .returnType(MetricReturnType.fromValue(metric.returnTypeName()))
        .needsGroundTruth(metric.needsGroundTruthFlag());
    if (metric.descriptionText() != null) {
      definition.description(metric.descriptionText());
    }
    if (metric.modelProvider() != null) {
      definition.modelProvider(metric.modelProvider()).modelName(metric.modelName());
    }
    RunMetricEvent event = new RunMetricEvent()
        .inputs(new LinkedHashMap<>(Checks.notNull("inputs", inputs)))
        .outputs(new LinkedHashMap<>(Checks.notNull("outputs", outputs)));
    if (groundTruth != null) {
      event.feedback(new LinkedHashMap<>(Map.of("ground_truth", groundTruth)));
    }
    RunMetricResponse answer = gateway.runMetric(new RunMetricRequest().metric(definition).event(event));
    return new MetricTrial(answer.getResult(), answer.getExplanation(), Boolean.TRUE.equals(answer.getLoading()));
  }

  private static MetricDefinition definition(ServerMetric metric) {
    MetricDefinition definition = new MetricDefinition()
        .name(metric.name())
        .type(MetricType.fromValue(metric.type()))
        .criteria(metric.criteria())
        .returnType(MetricReturnType.fromValue(metric.returnTypeName()))
        .needsGroundTruth(metric.needsGroundTruthFlag());
    if (metric.descriptionText() != null) {
      definition.description(metric.descriptionText());
    }
    if (metric.modelProvider() != null) {
      definition.modelProvider(metric.modelProvider()).modelName(metric.modelName());
    }
    return definition;
  }

  @Override
  public String toString() {
    return "Metrics{}";
  }
}
