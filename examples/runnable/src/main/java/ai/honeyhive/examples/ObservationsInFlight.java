package ai.honeyhive.examples;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Duration;
import org.springframework.core.Ordered;

/**
 * Counts the observations started and not yet stopped, so that {@link SpringAiBootExample} can close its application
 * right after a streamed call without losing it. Spring AI stops a stream's observations in {@code doFinally}, which
 * runs just after the last part has reached the caller: an application that shuts down at once would close the
 * HoneyHive client before the integration ended (and so queued) the stream's chain and model events, and they would
 * never be sent. A long-running application never notices; a short one waits, as here.
 *
 * <p>Registered first ({@link Ordered#HIGHEST_PRECEDENCE}): Micrometer calls {@code onStop} on the handlers in reverse
 * order, so this one hears of a stop after every other handler, HoneyHive's included, has handled it.
 */
final class ObservationsInFlight implements ObservationHandler<Observation.Context>, Ordered {
  private int open;

  @Override
  public boolean supportsContext(Observation.Context context) {
    return true;
  }

  @Override
  public synchronized void onStart(Observation.Context context) {
    open++;
  }

  @Override
  public synchronized void onStop(Observation.Context context) {
    open--;
    notifyAll();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /**
   * Waits until every observation started has stopped, for at most {@code timeout}.
   *
   * @param timeout the longest wait
   * @return whether none is open
   * @throws InterruptedException if interrupted while waiting
   */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
