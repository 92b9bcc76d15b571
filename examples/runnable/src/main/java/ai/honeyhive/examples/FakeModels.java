package ai.honeyhive.examples;

import java.time.Duration;
import java.util.List;

/**
 * Stand-ins for a language model and a document index, so the examples run without any key. Each call takes a few
 * milliseconds, like a (very fast) real one, so the traces have durations worth drawing.
 */
final class FakeModels {
  private FakeModels() {}

  /** What the model answered, with its token counts. */
  record Completion(String text, long promptTokens, long completionTokens) {}

  /** Answers {@code question}, grounded in {@code documents}. */
  static Completion complete(String question, List<String> documents) {
    pause(Duration.ofMillis(12));
    String text = documents.isEmpty()
        ? "Happy to help with \"" + question + "\"."
        : "From " + documents.get(0) + ": here is how to handle \"" + question + "\".";
    return new Completion(text, 20L + question.length() / 4 + documents.size() * 50L, 10L + text.length() / 4);
  }

  /** Finds documents relevant to {@code query}, best first. */
  static List<String> search(String query) {
    pause(Duration.ofMillis(4));
    return List.of("kb/" + query.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "") + ".md",
        "kb/faq.md");
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
