package ai.honeyhive.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code agent-extension} jar inside the real OpenTelemetry Java agent: {@code otel.traces.exporter=honeyhive} in
 * an application that has only OpenTelemetry's API on its class path. Run by failsafe after {@code package}; the jars'
 * paths come from the {@code javaagent.jar} and {@code agent.extension.jar} system properties.
 */
class AgentExtensionIT {
  private static final Path AGENT = Path.of(System.getProperty("javaagent.jar"));
  private static final Path EXTENSION = Path.of(System.getProperty("agent.extension.jar"));

  final FakeHoneyHive server = new FakeHoneyHive();

  @TempDir
  Path app;

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void aRefusedKeyIsLoggedNotSilent() throws Exception {
    server.status = 401;
    String output = runApplication();
    assertThat(server.requests).as(output).isNotEmpty();
    // The extension logs through java.util.logging (SLF4J's provider, relocated inside the jar), which the agent
    // writes into its own log.
    assertThat(output).as("the delivery failure is logged")
        .containsPattern("WARN ai.honeyhive.delivery - could not deliver .*HTTP 401");
  }

  @Test
  void theJavaAgentExportsAnApplicationSpanThroughTheExtension() throws Exception {
    String output = runApplication();
    String traceId = output.lines().filter(line -> line.startsWith("trace=")).findFirst()
        .orElseThrow(() -> new AssertionError(output)).substring(6);
    assertThat(traceId).as("a recorded span, not the API's no-op: %s", output).isNotEqualTo("0".repeat(32));
    String session = OtelIds.sessionOfTrace(traceId).toString();
    assertThat(server.sessionStarts()).as(output).singleElement().satisfies(start -> assertThat(start)
        .containsEntry("session_id", session).containsEntry("session_name", "agent-span"));
    // Only the application's span: the extension's own HTTP calls (relocated OkHttp) are not instrumented.
    assertThat(server.events()).as(output).singleElement().satisfies(event -> {
      assertThat(event).containsEntry("session_id", session).containsEntry("event_name", "agent-span");
      assertThat(event.get("metadata")).asInstanceOf(InstanceOfAssertFactories.MAP)
          .containsEntry("app.user", "u-42");
    });
    assertThat(server.requests).allSatisfy(request ->
        assertThat(request.headers().get("Authorization")).isEqualTo("Bearer test-key"));
    assertThat(output).doesNotContain("Exception", "ERROR", "SLF4J");
  }

  /** Runs the application under the agent with the extension; returns what it printed. */
  private String runApplication() throws Exception {
    assertThat(AGENT).exists();
    assertThat(EXTENSION).exists();
    String classPath = String.join(File.pathSeparator, applicationClassPath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java,
        "-javaagent:" + AGENT,
        "-Dotel.javaagent.extensions=" + EXTENSION,
        "-Dotel.traces.exporter=honeyhive", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
        "-Dotel.exporter.honeyhive.base.url=" + server.baseUrl(),
        "-Dotel.exporter.honeyhive.api.key=test-key",
        "-Dotel.bsp.schedule.delay=100",
        "-cp", classPath,
        AgentExtensionMain.class.getName(), "1000"))
        .redirectErrorStream(true)
        .start();
    String output;
    try {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).as("the agent started")
        .contains("opentelemetry-javaagent - version: " + System.getProperty("javaagent.version"));
    return output;
  }

  @Test
  void withOnlyOpenTelemetryBesideItTheJarsServicesAndClassesLoad() throws Exception {
    List<URL> openTelemetry = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Path.of(entry).getFileName().toString().startsWith("opentelemetry-")) {
        openTelemetry.add(Path.of(entry).toUri().toURL());
      }
    }
    try (URLClassLoader agent = new URLClassLoader(openTelemetry.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        URLClassLoader extension = new URLClassLoader(new URL[] {EXTENSION.toUri().toURL()}, agent)) {
      Class<?> spi = agent.loadClass(
          "io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider");
      List<String> providers = new ArrayList<>();
      for (Object provider : ServiceLoader.load(spi, extension)) {
        if (provider.getClass().getClassLoader() == extension) { // not OpenTelemetry's own (OTLP and others)
          providers.add(provider.getClass().getName());
        }
      }
      assertThat(providers).containsExactly(HoneyHiveSpanExporterProvider.class.getName());

      // The client's own ServiceLoader lookup finds the bridge in the jar (inside the agent it stays inactive: no
      // HoneyHive scope of the application's client reaches this class loader).
      Object bridge = extension.loadClass("ai.honeyhive.internal.bridge.ContextBridges").getMethod("get").invoke(null);
      assertThat(bridge.getClass().getName())
          .isEqualTo("ai.honeyhive.opentelemetry.internal.bridge.OpenTelemetryContextBridge");
      assertThat(bridge.getClass().getClassLoader()).isSameAs(extension);

      List<String> failed = new ArrayList<>();
      int loaded = 0;
      try (JarFile jar = new JarFile(EXTENSION.toFile())) {
        for (JarEntry entry : Collections.list(jar.entries())) {
          String name = entry.getName();
          if (!name.endsWith(".class")) {
            continue;
          }
          assertThat(name).as("every class under ai/honeyhive/").startsWith("ai/honeyhive/");
          String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
          try {
            Class.forName(className, false, extension);
            loaded++;
          } catch (LinkageError | ClassNotFoundException e) {
            failed.add(className + ": " + e);
          }
        }
      }
      // OkHttp's hooks for two libraries it uses only when present, as in a plain OkHttp jar: GraalVM's native-image
      // builder and Conscrypt.
      assertThat(failed).as("classes that do not load (%d loaded)", loaded).containsExactlyInAnyOrder(
          "ai.honeyhive.shaded.okhttp3.internal.graal.OkHttpFeature: "
              + "java.lang.NoClassDefFoundError: org/graalvm/nativeimage/hosted/Feature",
          "ai.honeyhive.shaded.okhttp3.internal.platform.ConscryptPlatform$DisabledHostnameVerifier: "
              + "java.lang.NoClassDefFoundError: org/conscrypt/ConscryptHostnameVerifier");
    }
  }

  /** A temporary directory with the main class alone, and OpenTelemetry's API (api, context, common). */
  private List<String> applicationClassPath() throws Exception {
    String resource = AgentExtensionMain.class.getName().replace('.', '/') + ".class";
    Path copy = app.resolve(resource);
    Files.createDirectories(copy.getParent());
    try (var in = AgentExtensionMain.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, copy);
    }
    return List.of(app.toString(), jarOf(GlobalOpenTelemetry.class), jarOf(Context.class),
        jarOf(Class.forName("io.opentelemetry.common.ComponentLoader")));
  }

  private static String jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
