package ai.honeyhive;

import java.time.Duration;

/** How far an experiment got: datapoints done (failed included) and failed, of how many, and how fast. Immutable. */
public final class ExperimentProgress {
  private final int done;
  private final int failed;
  private final int total;
  private final Duration elapsed;

  ExperimentProgress(int done, int failed, int total, Duration elapsed) {
    this.done = done;
    this.failed = failed;
    this.total = total;
    this.elapsed = elapsed;
  }

  /**
   * Returns how many datapoints have ended, failed ones included.
   *
   * @return the number done
   */
  public int done() {
    return done;
  }

  /**
   * Returns how many datapoints failed: their task or an evaluator threw.
   *
   * @return the number failed
   */
  public int failed() {
    return failed;
  }

  /**
   * Returns how many datapoints the experiment has.
   *
   * @return the total
   */
  public int total() {
    return total;
  }

  /**
   * Returns the time since the experiment started its first datapoint.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns the datapoints done per second so far.
   *
   * @return the rate; 0 before any time has passed
   */
  public double perSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? done / seconds : 0;
  }

  /**
   * Returns the time left at the rate so far.
   *
   * @return the estimate; {@link Duration#ZERO} when everything is done, and also before the first datapoint ended
   */
  public Duration remaining() {
    if (done == 0 || done >= total) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) (elapsed.toNanos() / (double) done * (total - done)));
  }

  @Override
  public String toString() {
    return done + "/" + total + " done, " + failed + " failed, " + String.format("%.1f/s", perSecond()) + ", ~"
        + remaining().toSeconds() + " s left";
  }
}
