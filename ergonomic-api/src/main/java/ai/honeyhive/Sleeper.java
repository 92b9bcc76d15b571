package ai.honeyhive;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests install one that records the delay and returns
 * at once, so no test waits for a backoff.
 */
@FunctionalInterface
public interface Sleeper {
  /** The default: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait; never negative
   * @throws InterruptedException if the thread is interrupted while waiting; the request is then abandoned
   */
  void sleep(Duration duration) throws InterruptedException;
}
