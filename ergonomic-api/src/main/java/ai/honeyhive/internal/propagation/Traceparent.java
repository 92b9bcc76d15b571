package ai.honeyhive.internal.propagation;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The W3C Trace Context {@code traceparent} header as HoneyHive uses it: written from a session and a parent event,
 * and, when read, only checked, since its 64-bit parent id cannot hold HoneyHive's UUIDs (the baggage decides).
 *
 * <pre>
 * traceparent: 00-{session id, 32 hex digits}-{last 16 hex digits of the parent event id}-01
 * </pre>
 */
final class Traceparent {
  /** The header's name. */
  static final String HEADER = "traceparent";
  private static final Logger log = LoggerFactory.getLogger("ai.honeyhive.propagation");
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final UUID NIL = new UUID(0, 0);

  private Traceparent() {}

  /** Returns the traceparent for a session and parent, or null when either id is all zeros (W3C forbids that). */
  static String format(UUID sessionId, UUID parentEventId) {
    long spanId = parentEventId.getLeastSignificantBits();
    if (sessionId.equals(NIL) || spanId == 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(55).append("00-").append(hex(sessionId)).append('-');
    hex(spanId, out);
    return out.append("-01").toString();
  }

  /**
   * Checks the incoming traceparent {@code values} against W3C Trace Context and logs (debug) what is wrong with it
   * or how it differs from the session and parent read from the baggage. The baggage is authoritative: a proxy or an
   * OpenTelemetry agent between the services may restart or re-parent the trace, and the trace context alone cannot
   * carry HoneyHive's UUIDs.
   *
   * @param sessionId the session read from the other headers, or null
   * @param parentId the parent read from the other headers, or null
   */
  static void check(List<String> values, UUID sessionId, UUID parentId) {
    if (values.isEmpty()) {
      return;
    }
    if (values.size() > 1) {
      log.debug("ignoring traceparent: {} headers arrived, W3C allows one", values.size());
      return;
    }
    String value = values.get(0).strip();
    String problem = problem(value);
    if (problem != null) {
      log.debug("ignoring traceparent '{}': {}", BaggageCodec.abbreviate(value), problem);
      return;
    }
    if (sessionId != null && !value.regionMatches(3, hex(sessionId), 0, 32)) {
      log.debug("traceparent's trace id is not session {} (another tracer or a proxy started this"
          + " trace); using the baggage", sessionId);
    } else if (parentId != null && !value.regionMatches(36, hex(parentId), 16, 16)) {
      log.debug("traceparent's parent id does not end parent event {} (a proxy re-parented the"
          + " request?); using the baggage", parentId);
    }
  }

  /** Returns what makes {@code value} an invalid W3C traceparent, or null when it is valid. */
  static String problem(String value) {
    if (value.length() < 55) {
      return "too short";
    }
    if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
      return "expected version-traceid-parentid-flags";
    }
    String version = value.substring(0, 2);
    if (!isLowerHex(version) || version.equals("ff")) {
      return "invalid version";
    }
    if (version.equals("00") ? value.length() != 55 : value.length() > 55 && value.charAt(55) != '-') {
      return "unexpected data after the flags";
    }
    String traceId = value.substring(3, 35);
    if (!isLowerHex(traceId) || traceId.chars().allMatch(c -> c == '0')) {
      return "invalid trace id";
    }
    String spanId = value.substring(36, 52);
    if (!isLowerHex(spanId) || spanId.chars().allMatch(c -> c == '0')) {
      return "invalid parent id";
    }
    if (!isLowerHex(value.substring(53, 55))) {
      return "invalid flags";
    }
    return null;
  }

  /** Returns the 32 hex digits of {@code id}. */
  static String hex(UUID id) {
    StringBuilder out = new StringBuilder(32);
    hex(id.getMostSignificantBits(), out);
    hex(id.getLeastSignificantBits(), out);
    return out.toString();
  }

  private static void hex(long value, StringBuilder out) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      out.append(HEX[(int) (value >>> shift) & 0xf]);
    }
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
