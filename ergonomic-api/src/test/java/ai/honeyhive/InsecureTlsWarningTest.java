package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turning TLS verification off is warned about once per client, never silently. */
class InsecureTlsWarningTest {
  private static final Pattern WARNING = Pattern.compile("WARN .*TLS verification is off");

  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  @Test
  void verifyTlsFalseWarnsOnceSayingCertificatesAndHostNamesAreNotChecked() throws Exception {
    String log = CapturedLog.during(() -> {
      try (HoneyHive hh = mock.clientBuilder().verifyTls(false).build()) {
        mock.enqueueOk(2);
        Session session = hh.attachSession(UUID.randomUUID().toString());
        session.tool("a").log();
        session.tool("b").log();
      }
    });

    assertThat(count(log)).isEqualTo(1);
    assertThat(log).contains("certificate and host name of " + mock.server.getHostName() + " are not checked");
  }

  @Test
  void hhVerifyTlsFalseWarnsToo() throws Exception {
    String log = CapturedLog.during(() -> HoneyHive.builder().shutdownHook(false)
        .fromEnv(Map.of("HH_API_KEY", "k", "HH_VERIFY_TLS", "false")::get).build().close());

    assertThat(count(log)).isEqualTo(1);
  }

  @Test
  void verifiedTlsDoesNotWarn() throws Exception {
    String log = CapturedLog.during(() -> mock.client().close());

    assertThat(count(log)).isZero();
  }

  private static int count(String log) {
    Matcher matcher = WARNING.matcher(log);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
