package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.examples.FakeModels.Completion;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nested span scopes: an agent's answer as a chain holding a planning call, a research chain of tool calls (one of
 * which fails and is recorded as an error), and the final model call. A span is timed from {@code start()} to
 * {@code close()}; events logged on it get it as their parent, and it lists them as its children.
 */
public final class NestedSpansExample implements Example {
  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new NestedSpansExample());
  }

  @Override
  public String title() {
    return "5. Nested span scopes: chains within chains, tools and models inside them";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    try (HoneyHive hh = backend.client("examples", DeliveryMode.BATCHED).build()) {
      String question = "How do I rotate an API key without downtime?";
      Session session = hh.session("research-agent").inputs(Map.of("question", question)).start();

      try (Span answer = session.chain("answer-question").inputs(Map.of("question", question)).start()) {
        Instant started = Instant.now();
        Completion plan = FakeModels.complete("Plan the research for: " + question, List.of());
        answer.model("gpt-4o-mini")
            .message("user", "Plan the research for: " + question)
            .completion(plan.text())
            .startTime(started)
            .endTime(Instant.now())
            .log();

        List<String> documents = new ArrayList<>();
        try (Span research = answer.chain("research").start()) {
          for (String query : List.of("rotate api key", "api key grace period")) {
            documents.addAll(research.tool("web-search").inputs(Map.of("query", query))
                .call(() -> FakeModels.search(query)));
          }
          try {
            research.tool("fetch-page").inputs(Map.of("url", "https://status.example.com")).call(() -> {
              FakeModels.pause(java.time.Duration.ofMillis(2));
              throw new IOException("connect timed out");
            });
          } catch (IOException e) {
            research.metadata(Map.of("skipped", "https://status.example.com"));
          }
          research.outputs(Map.of("documents", documents));
        }

        started = Instant.now();
        Completion reply = FakeModels.complete(question, documents);
        answer.model("gpt-4o")
            .message("user", question)
            .completion(reply.text())
            .usage(reply.promptTokens(), reply.completionTokens())
            .startTime(started)
            .endTime(Instant.now())
            .log();
        answer.outputs(Map.of("answer", reply.text()));
      }
      session.end();
      return List.of(session.sessionId());
    } // close() flushes what is queued
  }
}
