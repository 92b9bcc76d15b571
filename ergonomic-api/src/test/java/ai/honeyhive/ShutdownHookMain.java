package ai.honeyhive;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Run in a JVM of its own by {@link ShutdownHookTest}: logs events to the server at {@code args[0]} with a batch delay
 * of an hour, so nothing is sent on the way, and returns from {@code main} without closing the client. Only the
 * shutdown hook can deliver them. Arguments: base URL, event count, {@code hook} or {@code nohook}.
 */
public final class ShutdownHookMain {
  private ShutdownHookMain() {}

  /**
   * Logs the events and exits.
   *
   * @param args the base URL, the number of events, and {@code hook} or {@code nohook}
   */
  public static void main(String[] args) {
    HoneyHive hh = HoneyHive.builder()
        .apiKey("hh-shutdown-test")
        .baseUrl(args[0])
        .maxBatchDelay(Duration.ofHours(1))
        .maxBatchSize(1000)
        .shutdownHook(args[2].equals("hook"))
        .build();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    int count = Integer.parseInt(args[1]);
    for (int i = 0; i < count; i++) {
      session.tool("search").inputs(Map.of("i", i)).log();
    }
    System.out.println("logged " + count + ", sent " + hh.stats().sent());
  }
}
