package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code -standalone.jar}, run as {@code java -jar} in its own process, as a developer would: no JUnit
 * on its classpath, the spec inside, and a SIGTERM stops it through its shutdown hook. Run by failsafe after
 * {@code package}; the jar's path comes from the {@code standalone.jar} system property.
 */
class StandaloneJarIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final String SESSION = "9bf47942-7e51-4e22-ac5a-16533163f6f5";

  @Test
  void runsWithJavaDashJarAndPrintsTheSessionsItReceives() throws Exception {
    Path jar = Path.of(System.getProperty("standalone.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--quiet-period", "100")
        .redirectErrorStream(true)
        .start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String url = null;
      for (String line; url == null && (line = lines.readLine()) != null; ) {
        output.append(line).append('\n');
        Matcher matcher = LISTENING.matcher(line);
        url = matcher.find() ? matcher.group(1) : null;
      }
      assertThat(url).as("the URL line in:\n%s", output).isNotNull();

      assertThat(post(url + "/v1/sessions", "{\"session_id\":\"" + SESSION + "\",\"session_name\":\"from-a-jar\"}"))
          .isEqualTo(200);
      for (String line; (line = lines.readLine()) != null && !line.contains("session \"from-a-jar\""); ) {
        output.append(line).append('\n');
      }
      // SIGTERM, as Ctrl-C would stop it: the shutdown hook prints a summary. Through the handle, which keeps the
      // output open to read it (Process.destroy() closes it).
      process.toHandle().destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      for (String line; (line = lines.readLine()) != null; ) {
        output.append(line).append('\n');
      }
    } finally {
      process.destroyForcibly();
    }

    assertThat(output.toString())
        .contains("session " + SESSION + ", 1 event")
        .contains("Stopped after 1 request, 1 session, 0 validation errors.")
        .doesNotContain("SLF4J", "Exception", "junit");
  }

  private static int post(String url, String json) throws IOException {
    OkHttpClient client = new OkHttpClient();
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer any-key")
        .post(RequestBody.create(json, MediaType.get("application/json")))
        .build();
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
