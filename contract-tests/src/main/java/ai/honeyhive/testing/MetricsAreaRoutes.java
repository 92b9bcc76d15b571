package ai.honeyhive.testing;

import java.util.Map;

/**
 * Registers the routes of metrics, metric versions, charts, annotation queues and (deprecated) configurations, each
 * area with its own store.
 */
final class MetricsAreaRoutes {
  private MetricsAreaRoutes() {}

  static void register(Map<String, Route> routes) {
    MetricRoutes metrics = new MetricRoutes(new MetricStore());
    MetricRunner runner = new MetricRunner();
    routes.put("getMetrics", metrics::list);
    routes.put("createMetric", metrics::create);
    routes.put("updateMetric", metrics::update);
    routes.put("deleteMetric", metrics::delete);
    routes.put("updateMetricLegacy", metrics::updateLegacy);
    routes.put("deleteMetricLegacy", metrics::deleteLegacy);
    routes.put("getMetricVersions", metrics::versions);
    routes.put("createMetricVersion", metrics::createVersion);
    routes.put("deployMetricVersion", metrics::deploy);
    routes.put("runMetric", runner::run);
    routes.put("runMetricLegacy", runner::run);
    ChartRoutes charts = new ChartRoutes();
    routes.put("getCharts", charts::list);
    routes.put("createChart", charts::create);
    routes.put("getChart", charts::get);
    routes.put("updateChart", charts::update);
    routes.put("deleteChart", charts::delete);
    QueueRoutes queues = new QueueRoutes();
    routes.put("getQueues", queues::list);
    routes.put("createQueue", queues::create);
    routes.put("getQueue", queues::get);
    routes.put("updateQueue", queues::update);
    routes.put("deleteQueue", queues::delete);
    ConfigurationRoutes configurations = new ConfigurationRoutes();
    routes.put("getConfigurations", configurations::list);
    routes.put("createConfiguration", configurations::create);
    routes.put("updateConfiguration", configurations::update);
    routes.put("deleteConfiguration", configurations::delete);
  }
}
