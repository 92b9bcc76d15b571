package ai.honeyhive.examples;

import ai.honeyhive.DatapointResult;
import ai.honeyhive.DeliveryMode;
import ai.honeyhive.EventScope;
import ai.honeyhive.ExperimentResult;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.MetricChange;
import ai.honeyhive.MetricTrial;
import ai.honeyhive.RunComparison;
import ai.honeyhive.ServerMetric;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An offline experiment: two prompt variants of a support bot run over the same small in-memory dataset, each
 * answer scored by two client-side evaluators (an exact keyword check and a length judge), a table of results per
 * run, a metric defined for HoneyHive to compute on its servers and tried on one answer, then HoneyHive's comparison
 * of the two runs on their common datapoints.
 */
public final class ExperimentExample implements Example {
  private static final List<Map<String, Object>> DATASET = List.of(
      Map.of("inputs", Map.of("question", "How do I reset my API key?"),
          "ground_truth", Map.of("keyword", "settings")),
      Map.of("inputs", Map.of("question", "Where are my traces?"), "ground_truth", Map.of("keyword", "sessions")),
      Map.of("inputs", Map.of("question", "Can I export events?"), "ground_truth", Map.of("keyword", "export")),
      Map.of("inputs", Map.of("question", "Does it work offline?"), "ground_truth", Map.of("keyword", "test server")));

  /** The answers of the fake model, by prompt variant: the second knows more. */
  private static final Map<String, Map<String, String>> KNOWLEDGE = Map.of(
      "terse", Map.of("How do I reset my API key?", "Open settings.", "Where are my traces?", "In HoneyHive.",
          "Can I export events?", "Yes.", "Does it work offline?", "No."),
      "grounded", Map.of("How do I reset my API key?", "Open settings, then API keys, then rotate.",
          "Where are my traces?", "Under sessions, one tree per session.",
          "Can I export events?", "Yes: use the export route or search with filters.",
          "Does it work offline?", "Yes: the test server stands in for HoneyHive."));

  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new ExperimentExample());
  }

  @Override
  public String title() {
    return "9. Experiments: two prompt variants over one dataset, two evaluators, and their comparison";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    List<String> sessions = new ArrayList<>();
    try (HoneyHive hh = backend.client("examples", DeliveryMode.BATCHED).build()) {
      ExperimentResult terse = experiment(hh, "terse");
      ExperimentResult grounded = experiment(hh, "grounded");
      for (ExperimentResult result : List.of(terse, grounded)) {
        table(result, out);
        result.datapoints().stream().map(DatapointResult::sessionId).forEach(sessions::add);
      }
      serverSideMetric(hh, grounded, out);
      RunComparison comparison = hh.runs().compare(grounded.runId(), terse.runId());
      out.println();
      out.println("comparison of " + grounded.name() + " with " + terse.name() + " on "
          + comparison.commonDatapoints().size() + " common datapoints:");
      for (MetricChange metric : comparison.metrics()) {
        out.printf(Locale.ROOT, "  %-16s %6.2f -> %6.2f%n", metric.name(), metric.oldValue(), metric.newValue());
      }
    }
    return sessions;
  }

  private static ExperimentResult experiment(HoneyHive hh, String variant) {
    return hh.experiment("support-bot-" + variant).dataset(DATASET).progressLine(false).concurrency(4)
        .metadata(Map.of("prompt_variant", variant))
        .task(datapoint -> {
          String question = (String) datapoint.inputs().get("question");
          return Map.of("answer", model(variant, question));
        })
        .evaluator("mentions_keyword", (output, inputs, truth) -> answer(output).toLowerCase(Locale.ROOT)
            .contains(((String) truth.get("keyword")).toLowerCase(Locale.ROOT)))
        .evaluator("helpfulness", (output, inputs, truth) -> Map.of(
            "score", Math.min(1.0, answer(output).length() / 40.0),
            "explanation", answer(output).length() < 20 ? "too short to help" : "specific enough"))
        .run();
  }

  /**
   * A metric HoneyHive computes on its servers for every future run: defined once, then tried on one datapoint's
   * answer before relying on it. (The embedded test server imitates HoneyHive's answer: it runs no code.)
   */
  private static void serverSideMetric(HoneyHive hh, ExperimentResult run, PrintStream out) {
    ServerMetric cites = ServerMetric.python("answer_matches_truth",
            "def metric(event):\n    return event['outputs'] == event['feedback']['ground_truth']")
        .returnType("boolean").needsGroundTruth(true).description("the answer is the expected one");
    String metricId = hh.metrics().create(cites);
    DatapointResult first = run.datapoints().get(0);
    MetricTrial trial = hh.metrics().tryOn(cites, first.datapoint().inputs(), Map.of("keyword", "settings"),
        first.datapoint().groundTruth());
    out.println();
    out.println("server-side metric " + cites.name() + " defined (" + metricId + "), tried on \""
        + first.datapoint().inputs().get("question") + "\": " + trial.result());
  }

  /**
   * The fake model call, traced as a model event nested in the experiment's task chain: the chain is the current
   * scope while the task runs.
   */
  private static String model(String variant, String question) {
    return EventScope.current().orElseThrow().model("fake-gpt").provider("fake").message("user", question)
        .parameter("prompt_variant", variant)
        .call(span -> {
          FakeModels.pause(Duration.ofMillis(5));
          String answer = KNOWLEDGE.get(variant).get(question);
          span.completion(answer);
          return answer;
        });
  }

  private static String answer(Object output) {
    return (String) ((Map<?, ?>) output).get("answer");
  }

  private static void table(ExperimentResult result, PrintStream out) {
    out.println();
    out.println(result.name() + " (" + result.status() + ", run " + result.runId() + ", dataset "
        + result.datasetId() + ")");
    out.printf(Locale.ROOT, "  %-30s %-9s %-12s %s%n", "question", "keyword", "helpfulness", "answer");
    for (DatapointResult datapoint : result.datapoints()) {
      out.printf(Locale.ROOT, "  %-30s %-9s %-12.2f %s%n", datapoint.datapoint().inputs().get("question"),
          datapoint.metrics().get("mentions_keyword"), ((Number) datapoint.metrics().get("helpfulness")).doubleValue(),
          answer(datapoint.output()));
    }
    out.println("  means: " + result.metricMeans());
  }
}
