package ai.honeyhive.testing.spool;

import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The child JVMs of {@link SpoolCrashTest}. Arguments: mode, server URL, API key, spool directory, and a count.
 * <ul>
 *   <li>{@code first}: starts a session and logs {@code count} events, flushing both (the server stores them), then
 *       logs {@code count} more that the server refuses (503, retried for minutes), prints their ids as it logs, then
 *       {@code LOGGED} and waits to be killed.
 *   <li>{@code second}: opens the same spool, waits until {@code count} writes were sent (what the first left), then
 *       closes and prints {@code SENT <n>}.
 * </ul>
 */
public final class SpoolCrashMain {
  private SpoolCrashMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int count = Integer.parseInt(args[4]);
    HoneyHive.Builder builder = HoneyHive.builder()
        .baseUrl(args[1])
        .apiKey(args[2])
        .spoolDirectory(Path.of(args[3]))
        .maxBatchDelay(Duration.ofHours(1))
        .shutdownHook(false);
    if (mode.equals("first")) {
      HoneyHive hh = builder.maxRetries(1_000).retryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
      Session session = hh.session("before the crash").start();
      check(hh.flush(Duration.ofSeconds(30)));
      for (int i = 0; i < count; i++) {
        System.out.println("STORED " + session.tool("search").inputs(Map.of("phase", 1, "i", i)).log());
      }
      check(hh.flush(Duration.ofSeconds(30)));
      for (int i = 0; i < count; i++) {
        System.out.println("LEFT " + session.tool("search").inputs(Map.of("phase", 2, "i", i)).log());
      }
      System.out.println("LOGGED");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE); // until kill -9
    } else {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      try (HoneyHive hh = builder.build()) {
        while (hh.stats().sent() < count && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        check(hh.flush(Duration.ofSeconds(30)));
        System.out.println("SENT " + hh.stats().sent() + " DROPPED " + hh.stats().dropped());
      }
    }
  }

  private static void check(DeliveryReport report) {
    if (!report.isComplete() || report.failed() > 0 || report.dropped() > 0) {
      System.out.println("INCOMPLETE " + report);
      System.exit(3);
    }
  }
}
