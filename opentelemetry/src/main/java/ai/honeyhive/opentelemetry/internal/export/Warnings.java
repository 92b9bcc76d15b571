package ai.honeyhive.opentelemetry.internal.export;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Logs a warning once per distinct reason, so a span that fails the same way a million times writes one line, not a
 * million: a reason is the exception's class and message. At most {@value #MAX_REASONS} reasons are remembered; past
 * that, one last warning says that further reasons are only counted. Thread-safe; no lock.
 */
public final class Warnings {
  /** How many distinct reasons are logged at most. */
  public static final int MAX_REASONS = 64;

  private final Logger log;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean saturated = new AtomicBoolean();

  /** Logs to {@code log}. */
  public Warnings(Logger log) {
    this.log = log;
  }

  /**
   * Logs {@code what} with {@code failure}'s class and message, unless that reason was logged before.
   *
   * @return whether a line was logged
   */
  public boolean warn(String what, Throwable failure) {
    String reason = failure.getClass().getName() + ": " + failure.getMessage();
    if (seen.contains(reason)) {
      return false;
    }
    if (seen.size() >= MAX_REASONS) {
      if (saturated.compareAndSet(false, true)) {
        log.warn("{} distinct reasons for refused spans logged; further reasons are counted"
            + " (HoneyHiveSpanExporter.refusedSpans()) but not logged", MAX_REASONS);
      }
      return false;
    }
    if (!seen.add(reason)) {
      return false;
    }
    log.warn("{}: {} (logged once per distinct reason)", what, reason);
    return true;
  }
}
