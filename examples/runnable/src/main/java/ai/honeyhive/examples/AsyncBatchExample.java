package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strategy 4, asynchronous batching: collect many completed sessions (HoneyHive advises 100 to 1000) and flush them
 * regularly in large batches, as when importing conversations already stored in a database. Here 250 sessions of 2
 * events each, flushed every 100 sessions: the events of 100 sessions go out in one batch request (up to 1000 events
 * per request). Each session's start and end are requests of their own ({@code POST /v1/sessions},
 * {@code PUT /v1/events/{id}}), made by the same background exporter.
 */
public final class AsyncBatchExample implements Example {
  static final int SESSIONS = 250;
  static final int FLUSH_EVERY = 100;

  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new AsyncBatchExample());
  }

  @Override
  public String title() {
    return "4. Asynchronous batching: " + SESSIONS + " completed sessions, flushed every " + FLUSH_EVERY;
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    List<String> sessionIds = new ArrayList<>();
    try (HoneyHive hh = backend.client("examples", DeliveryMode.BATCHED)
        .maxBatchSize(1000)
        .maxBatchDelay(Duration.ofMinutes(1)) // batches go out when flushed (or when 1000 events are queued)
        .build()) {
      for (int i = 0; i < SESSIONS; i++) {
        // One stored conversation: when it happened and how long each step took.
        Instant begun = Instant.now();
        Duration lookup = Duration.ofMillis(3 + i % 5);
        Duration answer = Duration.ofMillis(40 + i % 17);
        String order = "B-" + (2000 + i);

        Session session = hh.session("order-status").userProperties(Map.of("user_id", "u-" + i)).start();
        session.tool("order-lookup")
            .inputs(Map.of("order", order))
            .outputs(Map.of("status", i % 3 == 0 ? "delayed" : "shipped"))
            .startTime(begun)
            .duration(lookup)
            .log();
        session.model("gpt-4o")
            .message("user", "Where is order " + order + "?")
            .completion("Your order " + order + " is on its way.")
            .usage(31, 12)
            .startTime(begun.plus(lookup).plusMillis(1))
            .duration(answer)
            .log();
        // The conversation is over: end the session at its recorded end, not at the time of the import.
        Instant ended = begun.plus(lookup).plusMillis(1).plus(answer);
        session.update().endTime(ended).duration(Duration.between(begun, ended)).send();
        sessionIds.add(session.sessionId());

        if ((i + 1) % FLUSH_EVERY == 0 || i + 1 == SESSIONS) {
          DeliveryReport report = hh.flush(Duration.ofSeconds(30));
          out.printf("after %d sessions: flushed, %d writes sent so far, %d pending: %s%n", i + 1, report.sent(),
              report.pending(), backend.requestsSinceLastCall());
        }
      }
    }
    return sessionIds;
  }
}
