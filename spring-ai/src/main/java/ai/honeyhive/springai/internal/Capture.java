package ai.honeyhive.springai.internal;

import java.util.function.UnaryOperator;

/**
 * What the handler records of prompts, completions, tool arguments and results: nothing when content capture is off,
 * otherwise each text after the redaction hook. Never throws: a failing hook gives a placeholder, never the
 * unredacted text.
 */
public final class Capture {
  /** Recorded in place of a text whose redaction hook threw. */
  public static final String REDACTION_FAILED = "[redaction failed]";

  private final boolean enabled;
  private final UnaryOperator<String> redactor;

  /**
   * Creates the capture policy.
   *
   * @param enabled whether content is recorded at all
   * @param redactor applied to every recorded text
   */
  public Capture(boolean enabled, UnaryOperator<String> redactor) {
    this.enabled = enabled;
    this.redactor = redactor;
  }

  /** Whether content is recorded. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Returns {@code text} as it may be recorded: null when capture is off or the text is null, else the redacted text.
   */
  public String text(String text) {
    if (!enabled || text == null) {
      return null;
    }
    try {
      return redactor.apply(text);
    } catch (RuntimeException e) {
      return REDACTION_FAILED;
    }
  }

  /**
   * An error as recorded: its class name, then {@code ": "} and its message when content is captured (through the
   * redaction hook: a message may quote the prompt); {@code unknown error} for null.
   */
  public String describe(Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    String message = text(error.getMessage());
    return error.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
