package ai.honeyhive;

import ai.honeyhive.internal.wire.JsonValues;
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

  /**
   * A name shown in HoneyHive: not null, not blank, without a lone UTF-16 surrogate (which has no UTF-8 form). Returns
   * it stripped.
   */
  static String name(String field, String value) {
    notNull(field, value);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    JsonValues.checkText(field, value);
    return value.strip();
  }

  /** A free text sent as a string, such as an error message: not null, without a lone UTF-16 surrogate. */
  static String text(String field, String value) {
    notNull(field, value);
    JsonValues.checkText(field, value);
    return value;
  }

  /**
   * An id HoneyHive stores as a plain string, which need not be a UUID (ids from OpenTelemetry ingestion or other
   * SDKs): not null, not blank, without surrounding white space, control characters or a lone UTF-16 surrogate, at most
   * 1024 characters.
   */
  static String id(String field, String value) {
    notNull(field, value);
    if (value.isBlank() || value.length() > 1024 || !value.equals(value.strip())) {
      throw new IllegalArgumentException(field + " must be a non-blank id of at most 1024 characters without"
          + " surrounding white space, but was '" + abbreviate(value) + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(field + " must not hold control characters, but had one at index " + i);
      }
    }
    JsonValues.checkText(field, value);
    return value;
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
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
