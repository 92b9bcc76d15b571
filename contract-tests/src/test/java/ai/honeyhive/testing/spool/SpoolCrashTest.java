package ai.honeyhive.testing.spool;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.FaultSchedule;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.ServerFault;
import ai.honeyhive.testing.StoredEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero loss across {@code kill -9}: a child JVM with a disk spool has some events stored and more refused by its
 * server when it is killed with SIGKILL; a second JVM on the same spool delivers exactly the ones the first left,
 * each once, and nothing the first had delivered.
 */
class SpoolCrashTest {
  private static final int EVENTS = 1_000;

  @TempDir Path spool;

  @Test
  void whatAKilledJvmLeftIsDeliveredOnceByTheNext() throws Exception {
    // The first JVM's session start and its first EVENTS events (1 + EVENTS / 100 requests) are stored; every later
    // request is answered 503, which the client retries for minutes: those events are only in its queue and spool.
    int storedRequests = 1 + EVENTS / 100;
    FaultPlan refuseLater = FaultPlan.builder(ServerFault.serverError(503))
        .schedule(FaultSchedule.requests(IntStream.rangeClosed(storedRequests + 1, 100_000).toArray()))
        .build();
    List<String> stored = new ArrayList<>();
    List<String> left = new ArrayList<>();
    try (HoneyHiveTestServer first = HoneyHiveTestServer.builder().faults(refuseLater).start()) {
      Process process = start("first", first, EVENTS);
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null && !line.equals("LOGGED"); line = output.readLine()) {
          if (line.startsWith("STORED ")) {
            stored.add(line.substring(7));
          } else if (line.startsWith("LEFT ")) {
            left.add(line.substring(5));
          } else {
            System.out.println("first JVM: " + line);
          }
        }
        assertThat(left).as("the first JVM logged everything before it was killed").hasSize(EVENTS);
        // Let the refused requests and their retries go on for a moment, then kill -9 (SIGKILL on Linux).
        Thread.sleep(300);
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
      assertThat(first.eventsOfType("tool")).extracting(StoredEvent::eventId).containsExactlyInAnyOrderElementsOf(stored);
      assertThat(first.validationErrors()).isEmpty();
    }
    assertThat(segmentFiles()).as("the spool kept what was not delivered").isNotEmpty();

    try (HoneyHiveTestServer second = HoneyHiveTestServer.start()) {
      Process process = start("second", second, EVENTS);
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).contains("SENT " + EVENTS + " DROPPED 0");
      // Exactly the events the first JVM left, each once; none it had delivered.
      assertThat(second.eventsOfType("tool")).extracting(StoredEvent::eventId).containsExactlyInAnyOrderElementsOf(left);
      assertThat(second.duplicateDeliveries()).isEmpty();
      assertThat(second.validationErrors()).isEmpty();
    }
    assertThat(segmentFiles()).as("the second JVM emptied the spool").isEmpty();
  }

  private Process start(String mode, HoneyHiveTestServer server, int count) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", SpoolCrashMain.class.getName(), mode, server.baseUrl(),
        server.apiKey(), spool.toString(), Integer.toString(count)))
        .redirectErrorStream(true)
        .start();
  }

  private List<Path> segmentFiles() throws Exception {
    try (Stream<Path> files = Files.list(spool)) {
      return files.filter(path -> path.toString().endsWith(".seg")).toList();
    }
  }
}
