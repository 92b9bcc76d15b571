package ai.honeyhive.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.opentelemetry.internal.otlp.ModuleVersion;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HoneyHiveOtlpTest {
  final FakeHoneyHive server = new FakeHoneyHive();

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void sendsProtobufToTheTracesPathWithTheBearerKeyAndClientHeaders() {
    OtlpHttpSpanExporter exporter = HoneyHiveOtlp.builder()
        .apiKey(FakeHoneyHive.API_KEY)
        .baseUrl(server.baseUrl())
        .source("staging")
        .build();

    boolean exported = exporter.export(List.of(Spans.root("answer"))).join(10, TimeUnit.SECONDS).isSuccess();
    exporter.shutdown().join(10, TimeUnit.SECONDS);

    assertThat(exported).isTrue();
    assertThat(server.requests).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/opentelemetry/v1/traces");
      assertThat(request.headers()).containsEntry("Authorization", "Bearer " + FakeHoneyHive.API_KEY)
          .containsEntry("Content-Type", "application/x-protobuf")
          .containsEntry("hh-client-language", "java")
          .containsEntry("hh-client-package", "honeyhive-opentelemetry")
          .containsEntry("hh-client-version", ModuleVersion.VERSION)
          .containsEntry("X-Source", "staging");
      assertThat(request.body()).isNotEmpty();
    });
    assertThat(ModuleVersion.VERSION).isNotEqualTo("unknown");
  }

  @Test
  void defaultsToHoneyHivesEndpoint() {
    assertThat(HoneyHiveOtlp.builder().resolvedEndpoint())
        .isEqualTo("https://api.dp1.us.honeyhive.ai/opentelemetry/v1/traces");
  }

  @Test
  void readsTheClientsBaseUrlVariablesAndLetsTheOtlpEndpointWin() {
    assertThat(HoneyHiveOtlp.builder().fromEnv(Map.of("HH_BASE_URL", "https://hh.example.com/")::get)
        .resolvedEndpoint()).isEqualTo("https://hh.example.com/opentelemetry/v1/traces");
    assertThat(HoneyHiveOtlp.builder().fromEnv(Map.of("HH_API_URL", "https://a.example.com",
        "HH_OTLP_ENDPOINT", "https://collector.example.com/v1/traces")::get).resolvedEndpoint())
        .isEqualTo("https://collector.example.com/v1/traces");
  }

  @Test
  void refusesJsonSayingWhyAndNamingTheVariable() {
    assertThatThrownBy(() -> HoneyHiveOtlp.builder().fromEnv(Map.of("HH_OTLP_PROTOCOL", "http/json")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HH_OTLP_PROTOCOL")
        .hasMessageContaining("protobuf");
    assertThat(HoneyHiveOtlp.builder().protocol("HTTP/PROTOBUF").toString()).contains("protocol=http/protobuf");
  }

  @Test
  void needsAKeyAndNeverShowsIt() {
    assertThatThrownBy(() -> HoneyHiveOtlp.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HH_API_KEY");
    assertThat(HoneyHiveOtlp.builder().apiKey(FakeHoneyHive.API_KEY).toString())
        .contains("apiKey=set").doesNotContain(FakeHoneyHive.API_KEY);
  }
}
