package ai.honeyhive;

import java.time.Clock;
import java.time.Instant;

/**
 * Event times in nanoseconds since the epoch. The system source anchors {@link System#nanoTime()} to the wall clock
 * once, so times only move forward and a child's start and end always lie within its parent's, even if the wall clock
 * is adjusted mid-span. A caller-supplied {@link Clock} (tests) is used as it is.
 */
abstract class TimeSource {
  abstract long nowEpochNanos();

  static TimeSource of(Clock clock) {
    return clock.equals(Clock.systemUTC()) ? new Monotonic(clock.instant()) : new FromClock(clock);
  }

  private static final class Monotonic extends TimeSource {
    private final long anchorEpochNanos;
    private final long anchorNanoTime;

    Monotonic(Instant now) {
      this.anchorNanoTime = System.nanoTime();
      this.anchorEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    long nowEpochNanos() {
      return anchorEpochNanos + (System.nanoTime() - anchorNanoTime);
    }
  }

  private static final class FromClock extends TimeSource {
    private final Clock clock;

    FromClock(Clock clock) {
      this.clock = clock;
    }

    @Override
    long nowEpochNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
  }
}
