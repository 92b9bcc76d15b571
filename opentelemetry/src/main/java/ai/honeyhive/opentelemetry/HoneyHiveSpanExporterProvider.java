package ai.honeyhive.opentelemetry;

import ai.honeyhive.opentelemetry.internal.export.ProviderConfig;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * Makes {@link HoneyHiveSpanExporter} available to OpenTelemetry's SDK autoconfiguration (and so to the Java agent
 * and the Spring Boot starter) as {@code otel.traces.exporter=honeyhive}. Found through {@link java.util.ServiceLoader};
 * applications do not call it.
 *
 * <p>The exporter writes through a client of its own, which its shutdown flushes and closes. The client is configured
 * from the {@code HH_*} variables ({@link ai.honeyhive.HoneyHive.Builder#fromEnv()}), overlaid by these properties
 * (also readable as {@code OTEL_EXPORTER_HONEYHIVE_*} environment variables):
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>Property</th><th>Client option</th><th>Default</th></tr>
 *   <tr><td>{@code otel.exporter.honeyhive.api.key}</td><td>API key</td><td>{@code HH_API_KEY}; required</td></tr>
 *   <tr><td>{@code otel.exporter.honeyhive.base.url} (alias {@code otel.exporter.honeyhive.endpoint})</td>
 *       <td>base URL</td><td>{@code HH_API_URL}, else {@code https://api.dp1.us.honeyhive.ai}</td></tr>
 *   <tr><td>{@code otel.exporter.honeyhive.source}</td><td>source</td><td>{@code HH_SOURCE}, else unset</td></tr>
 *   <tr><td>{@code otel.exporter.honeyhive.timeout}</td><td>call timeout (a duration: {@code 10s},
 *       {@code 500ms}; a bare number is milliseconds)</td><td>{@code HH_CALL_TIMEOUT}, else none</td></tr>
 *   <tr><td>{@code otel.exporter.honeyhive.max.queue.size}</td><td>delivery queue size</td>
 *       <td>{@code HH_MAX_QUEUE_SIZE}, else 8192</td></tr>
 *   <tr><td>{@code otel.exporter.honeyhive.max.batch.size}</td><td>events per request</td>
 *       <td>{@code HH_BATCH_SIZE}, else 100</td></tr>
 * </table>
 * The client's JVM shutdown hook is turned off: the SDK's shutdown shuts the exporter down, which flushes and closes
 * the client after the span processor's last export.
 */
public final class HoneyHiveSpanExporterProvider implements ConfigurableSpanExporterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public HoneyHiveSpanExporterProvider() {}

  /**
   * Returns the exporter's name in {@code otel.traces.exporter}.
   *
   * @return {@code honeyhive}
   */
  @Override
  public String getName() {
    return "honeyhive";
  }

  /**
   * Builds the exporter and its client.
   *
   * @param config the SDK's configuration
   * @return an exporter that owns its client
   * @throws ConfigurationException if an {@code otel.exporter.honeyhive.*} property set as a system property or
   *     environment variable is unknown (naming it), if a property or {@code HH_*} variable holds a bad value (naming
   *     it), or if no API key is set and the client is not disabled
   */
  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return createExporter(config, ProviderConfig.presentNames());
  }

  /** Builds the exporter, checking the names in {@code present}. */
  static HoneyHiveSpanExporter createExporter(ConfigProperties config, Collection<String> present) {
    return HoneyHiveSpanExporter.builder(ProviderConfig.client(config, present)).closeClientOnShutdown(true).build();
  }
}
