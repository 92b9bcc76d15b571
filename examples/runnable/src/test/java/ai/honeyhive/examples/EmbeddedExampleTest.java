package ai.honeyhive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.HoneyHiveTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;

/**
 * What every example test shares: the embedded backend, what the example printed, and the checks after each test:
 * every request conformed to the spec and nothing was delivered twice.
 */
abstract class EmbeddedExampleTest {
  final Backend backend = Backend.embedded();
  final HoneyHiveTestServer server = backend.server().orElseThrow();
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @AfterEach
  void tearDown() {
    try {
      assertThat(server.validationErrors()).isEmpty();
      assertThat(server.duplicateDeliveries()).isEmpty();
    } finally {
      backend.close();
    }
  }
}
