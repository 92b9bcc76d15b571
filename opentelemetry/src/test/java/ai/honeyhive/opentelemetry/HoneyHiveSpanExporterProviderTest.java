package ai.honeyhive.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HoneyHiveSpanExporterProviderTest {
  final FakeHoneyHive server = new FakeHoneyHive();

  @AfterEach
  void tearDown() {
    server.close();
  }

  ConfigProperties config(Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.exporter.honeyhive.api.key", FakeHoneyHive.API_KEY);
    properties.put("otel.exporter.honeyhive.base.url", server.baseUrl());
    properties.putAll(extra);
    return DefaultConfigProperties.createFromMap(properties);
  }

  @Test
  void isFoundByServiceLoaderUnderTheNameHoneyhive() {
    assertThat(ServiceLoader.load(ConfigurableSpanExporterProvider.class))
        .filteredOn(provider -> provider.getName().equals("honeyhive"))
        .singleElement()
        .isInstanceOf(HoneyHiveSpanExporterProvider.class);
  }

  @Test
  void buildsAnExporterThatOwnsItsClientAndSendsToTheConfiguredUrl() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporterProvider.createExporter(
        config(Map.of("otel.exporter.honeyhive.source", "staging", "otel.exporter.honeyhive.timeout", "5s",
            "otel.exporter.honeyhive.max.queue.size", "100", "otel.exporter.honeyhive.max.batch.size", "10")),
        Set.of("otel.exporter.honeyhive.api.key", "otel.exporter.honeyhive.base.url"));

    exporter.export(List.of(Spans.root("answer")));
    assertThat(exporter.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

    assertThat(server.sessionStarts()).singleElement()
        .satisfies(start -> assertThat(start).containsEntry("source", "staging"));
    assertThat(server.events()).singleElement().satisfies(event -> assertThat(event).containsEntry("source", "staging"));
    assertThat(exporter.toString()).contains("closesClient=true").doesNotContain(FakeHoneyHive.API_KEY);
  }

  @Test
  void endpointIsAnAliasOfBaseUrl() {
    Map<String, String> properties = Map.of("otel.exporter.honeyhive.api.key", FakeHoneyHive.API_KEY,
        "otel.exporter.honeyhive.endpoint", server.baseUrl());
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporterProvider.createExporter(
        DefaultConfigProperties.createFromMap(properties), Set.of());

    exporter.export(List.of(Spans.root("answer")));
    exporter.shutdown().join(10, TimeUnit.SECONDS);

    assertThat(server.events()).hasSize(1);
  }

  @Test
  void anUnknownPropertyIsRefusedByName() {
    assertThatThrownBy(() -> HoneyHiveSpanExporterProvider.createExporter(config(Map.of()),
        Set.of("otel.exporter.honeyhive.api.key", "otel.exporter.honeyhive.batch.delay")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("otel.exporter.honeyhive.batch.delay")
        .hasMessageContaining("otel.exporter.honeyhive.max.batch.size");
  }

  @Test
  void aBadValueIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> HoneyHiveSpanExporterProvider.createExporter(
        config(Map.of("otel.exporter.honeyhive.max.queue.size", "many")), Set.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("otel.exporter.honeyhive.max.queue.size");
  }

  @Test
  void noApiKeyAnywhereIsAConfigurationErrorNamingBothPlaces() {
    assumeTrue(System.getenv("HH_API_KEY") == null && System.getProperty("HH_API_KEY") == null);

    assertThatThrownBy(() -> HoneyHiveSpanExporterProvider.createExporter(
        DefaultConfigProperties.createFromMap(Map.of("otel.exporter.honeyhive.base.url", server.baseUrl())),
        Set.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("HH_API_KEY")
        .hasMessageContaining("otel.exporter.honeyhive.api.key");
  }
}
