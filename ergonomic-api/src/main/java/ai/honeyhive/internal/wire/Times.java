package ai.honeyhive.internal.wire;

import java.time.Instant;

/** Conversions of the times builders are given to the epoch nanoseconds the client counts in. */
public final class Times {
  private Times() {}

  /** {@code instant} in nanoseconds since the epoch. */
  public static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
