package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.openapi.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The spec version and hash the client reports at run time are those of the spec packaged with it. */
class SpecInfoTest {
  @Test
  void theVersionIsInfoVersionOfThePackagedSpec() {
    String infoVersion = Spec.tree().path("info").path("version").asText();

    assertThat(infoVersion).isNotBlank();
    assertThat(SpecInfo.version()).isEqualTo(infoVersion);
  }

  @Test
  void theHashIsTheSha256OfThePackagedSpecsBytes() throws Exception {
    byte[] bytes = Spec.text().getBytes(StandardCharsets.UTF_8);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

    assertThat(SpecInfo.sha256()).isEqualTo(expected).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void theVersionIsTheOneDirectlyUnderInfoWhateverSurroundsIt() {
    String yaml = """
        \uFEFF# version: 7.7.7 in a comment
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
