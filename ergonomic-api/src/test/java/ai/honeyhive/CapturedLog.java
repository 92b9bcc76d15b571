package ai.honeyhive;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (to {@code System.err}, at debug level in tests: see
 * {@code simplelogger.properties}) while a piece of code runs.
 */
final class CapturedLog {
  /** Code that may throw, run with the log captured. */
  interface Action {
    void run() throws Exception;
  }

  private CapturedLog() {}

  /** Runs {@code action} and returns everything logged meanwhile. */
  static String during(Action action) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.err.flush();
      System.setErr(originalErr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
