package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.examples.FakeModels.Completion;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Strategy 2, synchronous LLM + tool ingestion: like strategy 1, with the external tool calls (a vector search, a
 * ticketing API) logged next to the model calls, each as soon as it ends. {@code call(...)} times a block of code and
 * logs it, recording an exception as the event's error.
 */
public final class SyncLlmToolExample implements Example {
  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new SyncLlmToolExample());
  }

  @Override
  public String title() {
    return "2. Synchronous LLM + tool ingestion: log each tool and model call as it ends";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    try (HoneyHive hh = backend.client("examples", DeliveryMode.SYNCHRONOUS).build()) {
      String question = "My invoice shows the wrong VAT number";
      Session session = hh.session("support-agent").inputs(Map.of("question", question)).start();

      List<String> documents = session.tool("vector-search")
          .inputs(Map.of("query", question, "top_k", 2))
          .call(() -> FakeModels.search(question));

      Instant started = Instant.now();
      Completion reply = FakeModels.complete(question, documents);
      session.model("gpt-4o")
          .message("system", "Answer from the documents: " + documents)
          .message("user", question)
          .completion(reply.text())
          .usage(reply.promptTokens(), reply.completionTokens())
          .startTime(started)
          .endTime(Instant.now())
          .log();

      String ticket = session.tool("create-ticket")
          .inputs(Map.of("summary", question, "queue", "billing"))
          .call(() -> {
            FakeModels.pause(java.time.Duration.ofMillis(3));
            return "T-1042";
          });
      session.outputs(Map.of("answer", reply.text(), "ticket", ticket));
      session.end();
      out.println("requests: " + backend.requestsSinceLastCall());
      return List.of(session.sessionId());
    }
  }
}
