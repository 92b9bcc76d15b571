package ai.honeyhive.internal.http;

import ai.honeyhive.client.api.MetricVersionsApi;
import ai.honeyhive.client.api.MetricsApi;
import ai.honeyhive.client.model.CreateMetricResponse;
import ai.honeyhive.client.model.CreateMetricVersionRequest;
import ai.honeyhive.client.model.MetricDefinition;
import ai.honeyhive.client.model.MetricVersionResponse;
import ai.honeyhive.client.model.RunMetricRequest;
import ai.honeyhive.client.model.RunMetricResponse;
import ai.honeyhive.errors.HoneyHiveException;
import retrofit2.Retrofit;

/**
 * HoneyHive's server-side metric routes: create a metric, add and deploy versions of it, try a definition on an
 * event. Through the same retries and error mapping as every other call; a disabled client's gateway answers 404.
 */
public final class MetricsGateway {
  private final MetricsApi metrics;
  private final MetricVersionsApi versions;
  private final Calls calls;

  private MetricsGateway(MetricsApi metrics, MetricVersionsApi versions, Calls calls) {
    this.metrics = metrics;
    this.versions = versions;
    this.calls = calls;
  }

  /** The gateway of a client that sends. */
  public static MetricsGateway of(Retrofit retrofit, Calls calls) {
    return new MetricsGateway(retrofit.create(MetricsApi.class), retrofit.create(MetricVersionsApi.class), calls);
  }

  /** The gateway of a disabled client. */
  public static MetricsGateway disabled() {
    return new MetricsGateway(null, null, null);
  }

  /** {@code POST /v1/metrics}; returns the metric's id. */
  public String createMetric(MetricDefinition definition) {
    String request = "POST /v1/metrics";
    CreateMetricResponse created = Answers.required(request,
        calls().execute(request, metrics.createMetric(definition)));
    if (created.getMetricId() == null) {
      throw new HoneyHiveException(request + " succeeded but its response named no metric_id", null);
    }
    return created.getMetricId();
  }

  /** {@code POST /v1/metrics/{metric_id}/versions}; returns the version's name. */
  public String createVersion(String metricId, CreateMetricVersionRequest version) {
    String request = "POST /v1/metrics/" + metricId + "/versions";
    return versionName(request, calls().execute(request, versions.createMetricVersion(metricId, version)));
  }

  /** {@code POST /v1/metrics/{metric_id}/versions/{version_name}/deploy}. */
  public void deployVersion(String metricId, String versionName) {
    String request = "POST /v1/metrics/" + metricId + "/versions/" + versionName + "/deploy";
    calls().send(request, versions.deployMetricVersion(metricId, versionName));
  }

  /** {@code POST /v1/metrics/run}. */
  public RunMetricResponse runMetric(RunMetricRequest trial) {
    String request = "POST /v1/metrics/run";
    return Answers.required(request, calls().execute(request, metrics.runMetric(trial)));
  }

  private static String versionName(String request, MetricVersionResponse answer) {
    if (answer == null || answer.getData() == null || answer.getData().getName() == null) {
      throw new HoneyHiveException(request + " succeeded but its response named no version", null);
    }
    return answer.getData().getName();
  }

  private Calls calls() {
    if (calls == null) {
      throw Answers.disabled("metrics");
    }
    return calls;
  }

}
