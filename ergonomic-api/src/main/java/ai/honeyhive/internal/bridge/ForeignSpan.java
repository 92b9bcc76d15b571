package ai.honeyhive.internal.bridge;

import java.util.UUID;

/**
 * The other tracer's current span, in HoneyHive's terms.
 *
 * @param traceSession the session its trace maps to (the trace id read as a UUID)
 * @param spanId its 64-bit span id; its event id is {@code traceSession}'s first 64 bits followed by these
 * @param honeyHiveScope the HoneyHive scope that was current (attached) when the span started, or null
 * @param sessionsJoinTrace whether a session started while this span is current takes {@code traceSession} as its id
 */
public record ForeignSpan(UUID traceSession, long spanId, Object honeyHiveScope, boolean sessionsJoinTrace) {

  /** Returns the event id this span has in {@code sessionId}. */
  public UUID eventIn(UUID sessionId) {
    return new UUID(sessionId.getMostSignificantBits(), spanId);
  }
}
