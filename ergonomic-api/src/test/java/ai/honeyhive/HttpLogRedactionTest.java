package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The debug HTTP log (logger {@code ai.honeyhive.http}) names custom headers but never shows their values. */
class HttpLogRedactionTest {
  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  @Test
  void customHeaderValuesAreRedactedAndTheirNamesKept() throws Exception {
    String log = CapturedLog.during(() -> {
      try (HoneyHive hh = mock.clientBuilder().header("X-Tenant-Token", "tenant-secret-4711")
          .header("x-gateway-key", "gateway-secret-0815").build()) {
        mock.enqueueOk();
        hh.attachSession(UUID.randomUUID().toString()).tool("t").log();
      }
    });

    assertThat(mock.takeRequest().getHeaders().get("X-Tenant-Token")).isEqualTo("tenant-secret-4711");
    assertThat(log).contains("--> POST ")
        .contains("X-Tenant-Token: ██")
        .contains("x-gateway-key: ██")
        .doesNotContain("tenant-secret-4711")
        .doesNotContain("gateway-secret-0815");
  }
}
