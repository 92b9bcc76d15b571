package ai.honeyhive.langchain4j.internal.support;

import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the integration records of prompts, completions, tool arguments and results: everything (through the
 * redaction hook) or only their shapes. Immutable; shared by the listeners of one configuration.
 */
public final class Capture {
  private static final Logger log = LoggerFactory.getLogger(Capture.class);
  /** Recorded in place of a text whose redaction threw: the text itself never is. */
  public static final String REDACTION_FAILED = "[redaction failed]";

  private final boolean content;
  private final UnaryOperator<String> redactor;

  public Capture(boolean content, UnaryOperator<String> redactor) {
    this.content = content;
    this.redactor = redactor;
  }

  /** Whether texts are recorded at all. */
  public boolean content() {
    return content;
  }

  /**
   * The text as recorded: null when content capture is off or the text is null, else the redactor's result. A
   * redactor that throws or returns null never lets the original through.
   */
  public String text(String text) {
    if (!content || text == null) {
      return null;
    }
    try {
      String redacted = redactor.apply(text);
      return redacted == null ? REDACTION_FAILED : redacted;
    } catch (RuntimeException e) {
      log.warn("HoneyHive LangChain4j redactor threw {}; recording {} instead of the text", e.getClass().getName(),
          REDACTION_FAILED);
      return REDACTION_FAILED;
    }
  }

  /**
   * An error as recorded: {@code Type: message}, the message (redacted) only when content is captured, since it may
   * quote the input; {@code unknown error} for null.
   */
  public String describe(Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    String message = text(error.getMessage());
    return error.getClass().getName() + (message == null ? "" : ": " + message);
  }

  /** {@link #text(String)} of {@code String.valueOf(value)}, or null for a null value. */
  public String value(Object value) {
    return value == null ? null : text(String.valueOf(value));
  }
}
