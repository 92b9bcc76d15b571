package ai.honeyhive.examples;

import java.io.PrintStream;
import java.util.List;

/** One runnable example: it traces something with HoneyHive and prints the sessions it produced as trees. */
interface Example {
  /** A one-line title, printed as the example's banner. */
  String title();

  /**
   * Runs the example against {@code backend}, printing to {@code out}, and returns the ids of the sessions it made,
   * in order. Every client it builds is closed (and so flushed) before it returns.
   */
  List<String> run(Backend backend, PrintStream out) throws Exception;

  /** Runs {@code example} on its own, as its {@code main} does: against the backend the environment chooses. */
  static void runStandalone(Example example) throws Exception {
    try (Backend backend = Backend.fromEnvironment()) {
      RunAllExamples.runOne(example, backend, System.out);
    }
  }
}
