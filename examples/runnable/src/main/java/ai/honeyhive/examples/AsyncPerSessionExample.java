package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.examples.FakeModels.Completion;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strategy 3, asynchronous ingestion per session: nothing is sent while the user interaction runs; when it completes,
 * its whole session goes out. The batched client queues every write ({@code log()} returns in about a microsecond);
 * with the batch delay set long, {@link HoneyHive#flush(Duration)} at the end of each session is what sends it.
 */
public final class AsyncPerSessionExample implements Example {
  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new AsyncPerSessionExample());
  }

  @Override
  public String title() {
    return "3. Asynchronous ingestion per session: queue while the interaction runs, send when it completes";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    List<String> sessionIds = new ArrayList<>();
    try (HoneyHive hh = backend.client("examples", DeliveryMode.BATCHED)
        .maxBatchDelay(Duration.ofMinutes(1)) // a session is sent when it completes (flush), not on a timer
        .build()) {
      List<String> orders = List.of("A-1001", "A-1002", "A-1003");
      for (String order : orders) {
        Session session = hh.session("order-status").userProperties(Map.of("order", order)).start();
        String question = "Where is order " + order + "?";
        List<String> documents = session.tool("order-lookup")
            .inputs(Map.of("order", order))
            .call(() -> FakeModels.search("order " + order));
        Instant started = Instant.now();
        Completion reply = FakeModels.complete(question, documents);
        session.model("gpt-4o")
            .message("user", question)
            .completion(reply.text())
            .usage(reply.promptTokens(), reply.completionTokens())
            .startTime(started)
            .endTime(Instant.now())
            .log();
        session.end();

        DeliveryReport report = hh.flush(Duration.ofSeconds(10)); // the interaction is over: send its session
        out.printf("session for %s completed, flushed (sent %d writes so far, %d pending): %s%n", order,
            report.sent(), report.pending(), backend.requestsSinceLastCall());
        sessionIds.add(session.sessionId());
      }
    }
    return sessionIds;
  }
}
