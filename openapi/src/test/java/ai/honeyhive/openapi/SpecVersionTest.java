package ai.honeyhive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@link SpecVersion#infoVersion} finds {@code info.version} without a YAML library. */
class SpecVersionTest {
  @Test
  void theVersionIsTheOneDirectlyUnderInfoWhateverSurroundsIt() {
    String yaml = "\uFEFF" + SpecVersionCheckTest.SPEC;

    assertThat(SpecVersion.infoVersion(yaml)).isEqualTo("0.3.0");
    assertThat(SpecVersion.infoVersion(yaml.replace("\n", "\r\n"))).isEqualTo("0.3.0");
    assertThat(SpecVersion.infoVersion("info:\n    version: \"1.2.3\"\n")).isEqualTo("1.2.3");
  }

  @Test
  void aDocumentWithoutInfoVersionHasNone() {
    assertThat(SpecVersion.infoVersion("openapi: 3.0.3\ninfo:\n  title: t\nversion: 1.0.0\npaths: {}\n")).isNull();
    assertThat(SpecVersion.infoVersion("openapi: 3.0.3\npaths:\n  version: 1.0.0\n")).isNull();
    assertThat(SpecVersion.infoVersion("info:\n  version:\n")).isNull();
  }
}
