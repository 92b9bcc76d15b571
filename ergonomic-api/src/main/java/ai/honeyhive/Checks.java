package ai.honeyhive;

import java.time.Duration;

/** Argument checks whose messages name the argument. */
final class Checks {
  private Checks() {}

  static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new NullPointerException(field + " == null");
    }
    return value;
  }

  /** A name shown in HoneyHive: not null, not blank. Returns it stripped. */
  static String name(String field, String value) {
    notNull(field, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value.strip();
  }

  static Duration positive(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, but was " + value);
    }
    return value;
  }

  static Duration notNegative(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, but was " + value);
    }
    return value;
  }
}
