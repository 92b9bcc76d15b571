package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;

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
}
