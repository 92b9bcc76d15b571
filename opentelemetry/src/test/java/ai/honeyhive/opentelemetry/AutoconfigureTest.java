package ai.honeyhive.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code otel.traces.exporter=honeyhive} in a clean JVM, as an application configured by properties would run. */
class AutoconfigureTest {
  final FakeHoneyHive server = new FakeHoneyHive();

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void theSdkAutoconfigurationSendsASpanThroughTheHoneyHiveExporter() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dotel.traces.exporter=honeyhive", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
        "-Dotel.exporter.honeyhive.base.url=" + server.baseUrl(),
        "-Dotel.exporter.honeyhive.api.key=test-key",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        AutoconfigureMain.class.getName()))
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();

    String traceId = output.lines().filter(line -> line.startsWith("trace=")).findFirst()
        .orElseThrow(() -> new AssertionError(output)).substring(6);
    String session = OtelIds.sessionOfTrace(traceId).toString();
    assertThat(server.sessionStarts()).singleElement().satisfies(start -> assertThat(start)
        .containsEntry("session_id", session).containsEntry("session_name", "child-jvm-span"));
    assertThat(server.events()).singleElement().satisfies(event -> assertThat(event)
        .containsEntry("session_id", session).containsEntry("event_name", "child-jvm-span"));
    assertThat(server.requests).allSatisfy(request ->
        assertThat(request.headers().get("Authorization")).isEqualTo("Bearer test-key"));
  }
}
