package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.UUID;

/**
 * The one rule that ties OpenTelemetry ids to HoneyHive ids, in both directions, so that the exporter, the test
 * server's OTLP route, the context bridge and the {@code traceparent} header this client writes all agree:
 * <ul>
 *   <li>a trace id (32 hex digits) read as a UUID is a session id, and a session id without dashes is a trace id;
 *   <li>an event id is the session id's first 64 bits followed by the span id's 64 bits; a span id is an event id's
 *       last 64 bits (the last 16 hex digits, as in {@code traceparent}).
 * </ul>
 * The client makes its own event ids the same way (first half from the session), so the span id of a HoneyHive span
 * maps back to its event id.
 */
public final class OtelIds {
  private OtelIds() {}

  /** Returns the session id for a 32-hex-digit trace id. */
  public static UUID sessionOfTrace(String traceId) {
    return new UUID(Long.parseUnsignedLong(traceId.substring(0, 16), 16),
        Long.parseUnsignedLong(traceId.substring(16, 32), 16));
  }

  /** Returns the trace id (32 lowercase hex digits) for a session id. */
  public static String traceOfSession(UUID sessionId) {
    return hex(sessionId.getMostSignificantBits()) + hex(sessionId.getLeastSignificantBits());
  }

  /** Returns the event id of the span {@code spanId} (16 hex digits) in {@code sessionId}. */
  public static UUID eventOfSpan(UUID sessionId, String spanId) {
    return new UUID(sessionId.getMostSignificantBits(), Long.parseUnsignedLong(spanId, 16));
  }

  /** Returns the span id (16 lowercase hex digits) of {@code eventId}. */
  public static String spanOfEvent(UUID eventId) {
    return hex(eventId.getLeastSignificantBits());
  }

  /** Returns {@code value} as a UUID when it is one in the canonical 36-character form, else null. */
  static UUID uuidOrNull(Object value) {
    if (!(value instanceof String text) || text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String hex(long bits) {
    String digits = Long.toHexString(bits);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
