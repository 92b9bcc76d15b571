package ai.honeyhive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate, applied to this build's spec: the current document against the committed baseline, the
 * last released spec in {@code openapi/baseline/}. The build fails when the change is incompatible and
 * {@code info.version} was not bumped to a breaking version (see {@link SpecCompatibility}). Either way the report is
 * written to {@code openapi/target/spec-diff/spec-diff.md}.
 *
 * <p>Release step, after a release of version X.Y.Z is published: replace the file in {@code openapi/baseline/} by a
 * byte-for-byte copy of the released spec named {@code honeyhive-openapi-X.Y.Z.yaml} (for example
 * {@code git rm openapi/baseline/*.yaml && cp openapi/src/main/resources/honeyhive-openapi.yaml
 * openapi/baseline/honeyhive-openapi-X.Y.Z.yaml}), then move the project to its next version. openapi/README.md,
 * "Spec versions and regeneration", lists the whole procedure.
 */
class SpecCompatibilityTest {
  private static final Pattern BASELINE_NAME = Pattern.compile("honeyhive-openapi-(.+)\\.yaml");

  private static final Path BASELINE_DIR = Path.of(property("honeyhive.spec.baseline", "baseline"));
  private static final Path CURRENT = Path.of(
      property("honeyhive.spec.current", "src/main/resources/honeyhive-openapi.yaml"));
  private static final Path REPORT_DIR = Path.of(property("honeyhive.spec.report", "target/spec-diff"));

  @Test
  void theBaselineIsOneReleasedSpecNamedAfterItsVersion() throws IOException {
    Path baseline = baseline();
    Matcher name = BASELINE_NAME.matcher(baseline.getFileName().toString());

    assertThat(name.matches()).isTrue();
    assertThat(SemVer.parse(infoVersion(baseline)).text())
        .as("info.version inside %s", baseline.getFileName())
        .isEqualTo(name.group(1));
  }

  @Test
  void theCurrentSpecIsCompatibleWithTheBaselineOrBumpsToABreakingVersion() throws IOException {
    Path baseline = baseline();
    SpecCompatibility.Verdict verdict = SpecCompatibility.compare(read(baseline), read(CURRENT));
    String report = verdict.toMarkdown("openapi/baseline/" + baseline.getFileName(),
        "openapi/src/main/resources/" + CURRENT.getFileName());
    Path reportFile = REPORT_DIR.resolve("spec-diff.md");
    Files.createDirectories(REPORT_DIR);
    Files.writeString(reportFile, report, StandardCharsets.UTF_8);

    assertThat(verdict.passed())
        .as("spec compatibility gate (report: %s):%n%s", reportFile.toAbsolutePath(), report)
        .isTrue();
  }

  private static Path baseline() throws IOException {
    List<Path> candidates;
    try (Stream<Path> files = Files.list(BASELINE_DIR)) {
      candidates = files.filter(f -> BASELINE_NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
    }
    assertThat(candidates)
        .as("%s must hold exactly one honeyhive-openapi-<version>.yaml, the last released spec", BASELINE_DIR)
        .hasSize(1);
    return candidates.get(0);
  }

  private static String infoVersion(Path spec) throws IOException {
    return new YAMLMapper().readTree(spec.toFile()).path("info").path("version").asText();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String property(String name, String fallback) {
    return System.getProperty(name, fallback);
  }
}
