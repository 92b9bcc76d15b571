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
 * Strategy 1 of HoneyHive's "Tracing via API" guide, synchronous LLM ingestion: start a session when the interaction
 * begins, then log each model call when it ends. In {@link DeliveryMode#SYNCHRONOUS} mode each write is one request,
 * made before the call returns, and a failure is thrown: the easiest setup, for low traffic.
 */
public final class SyncLlmExample implements Example {
  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new SyncLlmExample());
  }

  @Override
  public String title() {
    return "1. Synchronous LLM ingestion: start the session, log each model call as it ends";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    try (HoneyHive hh = backend.client("examples", DeliveryMode.SYNCHRONOUS).build()) {
      Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).start();
      for (String question : List.of("How do I reset my API key?", "Can I rotate it without downtime?")) {
        Instant started = Instant.now();
        Completion reply = FakeModels.complete(question, List.of());
        session.model("gpt-4o")
            .provider("openai")
            .temperature(0.2)
            .message("user", question)
            .completion(reply.text())
            .usage(reply.promptTokens(), reply.completionTokens())
            .startTime(started)
            .endTime(Instant.now())
            .log(); // sent before log() returns
      }
      session.end();
      out.println("requests: " + backend.requestsSinceLastCall());
      return List.of(session.sessionId());
    }
  }
}
