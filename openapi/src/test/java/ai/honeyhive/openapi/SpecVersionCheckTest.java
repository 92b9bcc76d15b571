package ai.honeyhive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's version check ({@code src/main/java/ai/honeyhive/openapi/SpecVersion.java}, run in the {@code validate} phase): the spec's
 * {@code info.version} must be the artifact version without {@code -SNAPSHOT}. Runs the program the way the build
 * does, as a separate {@code java} process, and reads its exit status.
 */
class SpecVersionCheckTest {
  private static final Path CHECKER =
      Path.of(System.getProperty("honeyhive.spec.checker", "src/main/java/ai/honeyhive/openapi/SpecVersion.java"));

  /** Every trap for a line-based reader at once: comments, quotes, and other {@code version} keys. */
  static final String SPEC = """
      # version: 7.7.7 in a comment
      openapi: 3.0.3
      info:
        title: "version: 6.6.6"
        description: |
          version: 9.9.9
        license:
          name: Apache-2.0
          version: 8.8.8
        version: '0.3.0'   # the spec version
      paths: {}
      """;

  @TempDir
  Path dir;

  @Test
  void aSnapshotOfTheSameVersionPasses() throws Exception {
    Result result = check(SPEC, "0.3.0-SNAPSHOT");

    assertThat(result.exitCode).as(result.output).isZero();
    assertThat(result.output).contains("info.version 0.3.0 matches artifact version 0.3.0-SNAPSHOT");
  }

  @Test
  void anotherVersionFailsTheBuildNamingBoth() throws Exception {
    Result result = check(SPEC, "0.4.0-SNAPSHOT");

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.output).contains("info.version of spec.yaml is 0.3.0",
        "artifact version is 0.4.0-SNAPSHOT, which requires info.version 0.4.0");
  }

  @Test
  void aSpecWithoutInfoVersionFailsTheBuild() throws Exception {
    Result result = check("openapi: 3.0.3\ninfo:\n  title: no version\npaths: {}\n", "0.3.0");

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.output).contains("has no info.version");
  }

  private Result check(String spec, String projectVersion) throws IOException, InterruptedException {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, spec, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        CHECKER.toString(), file.toString(), projectVersion)
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the check finishes").isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
