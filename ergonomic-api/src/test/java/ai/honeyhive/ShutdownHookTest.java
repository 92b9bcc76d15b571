package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JVM shutdown hook drains the queue when an application exits without closing the client. Each test runs
 * {@link ShutdownHookMain} in a separate JVM, on this test's classpath, against a mock server.
 */
class ShutdownHookTest {
  private static final int EVENTS = 2_500;

  private final MockHoneyHive mock = new MockHoneyHive();
  private final DeliverySink sink = new DeliverySink();

  @BeforeEach
  void setUp() {
    mock.server.setDispatcher(sink);
  }

  @AfterEach
  void tearDown() {
    mock.close();
  }

  @Test
  void theShutdownHookDeliversWhatIsQueuedWhenTheJvmExits() throws Exception {
    Result result = runMain("hook");

    assertThat(result.exitCode).as(result.output).isZero();
    assertThat(result.output).contains("logged " + EVENTS + ", sent 0");
    Set<String> ids = new HashSet<>();
    int total = 0;
    for (DeliverySink.Request batch : sink.batches()) {
      ids.addAll(batch.ids());
      total += batch.ids().size();
    }
    assertThat(total).isEqualTo(EVENTS);
    assertThat(ids).hasSize(EVENTS);
    assertThat(sink.batches()).hasSize(3); // batches of 1000
  }

  @Test
  void withoutTheHookNothingIsDelivered() throws Exception {
    Result result = runMain("nohook");

    assertThat(result.exitCode).as(result.output).isZero();
    assertThat(sink.requests()).isEmpty();
  }

  private record Result(int exitCode, String output) {}

  private Result runMain(String hook) throws IOException, InterruptedException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ShutdownHookMain.class.getName(),
        mock.server.url("/").toString(), Integer.toString(EVENTS), hook))
        .redirectErrorStream(true)
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not exit within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }
}
