package ai.honeyhive.internal.wire;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Session and event ids. HoneyHive types ids in bodies as plain strings but wants UUIDs in the paths of its
 * {@code /v1} routes; this client makes every id itself, as a UUID, so a request that is retried can never create a
 * second event.
 */
public final class Ids {
  private Ids() {}

  /**
   * Returns a random version 4 UUID. Ids must be unique, not secret, so {@link ThreadLocalRandom} serves: it does not
   * contend between threads the way {@link UUID#randomUUID()}'s {@code SecureRandom} does.
   */
  public static UUID newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(most, least);
  }

  /**
   * Returns a new event id for the session {@code sessionId}: the session id's first 64 bits, then 64 random bits with
   * the IETF variant, so a version 4 session id gives version 4 event ids. The last 64 bits are the event's span id in
   * W3C {@code traceparent} (whose trace id is the session id), and OpenTelemetry's span id maps back to the event id
   * by the same rule, so spans of other tracers nested under an event of this client find their parent.
   */
  public static UUID newEventId(UUID sessionId) {
    long least = (ThreadLocalRandom.current().nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(sessionId.getMostSignificantBits(), least);
  }

  /**
   * Parses {@code value} as the UUID named {@code field}.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is not a UUID
   */
  public static UUID parse(String field, String value) {
    if (value == null) {
      throw new NullPointerException(field + " == null");
    }
    // UUID.fromString accepts short forms such as "1-2-3-4-5"; HoneyHive wants the canonical 36 characters.
    if (value.length() != 36) {
      throw notAUuid(field, value);
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw notAUuid(field, value);
    }
  }

  /** Returns {@code value} as a UUID when it is one in the canonical 36-character form, else null. */
  public static UUID parseOrNull(String value) {
    if (value == null || value.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static IllegalArgumentException notAUuid(String field, String value) {
    return new IllegalArgumentException(
        field + " must be a UUID such as 6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80, but was '" + value + "'");
  }
}
