package ai.honeyhive.opentelemetry.internal.mapping;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What one span becomes in HoneyHive: an event with its ids, type, times and the seven field buckets, plus what the
 * session it belongs to needs ({@link SessionStarts}).
 *
 * @param sessionId the session: {@code honeyhive.session_id} when the span carries a UUID there, else the trace id
 * @param sessionFromTrace whether {@code sessionId} was derived from the trace id
 * @param sessionAutoCreate whether the span asks for its session to be created ({@code honeyhive.session_auto_create})
 * @param sessionName the session name the span carries ({@code honeyhive.session_name}), or null
 * @param localRoot whether the span has no parent in its process (see {@link SpanRecord#isLocalRoot()})
 * @param traceRoot whether the span has no parent at all
 * @param eventId the event id, derived from the session and span ids
 * @param parentId the parent event's id, or null when the session is the parent
 * @param eventType {@code model}, {@code tool} or {@code chain}
 * @param eventName the event's name
 * @param source the source the span names, or null for the client's own
 * @param start when the span started
 * @param end when it ended
 * @param inputs the inputs
 * @param outputs the outputs
 * @param config the configuration
 * @param metadata the metadata
 * @param metrics the metrics
 * @param feedback the feedback
 * @param userProperties the user properties
 * @param error the error, or null when the span succeeded
 */
public record MappedEvent(UUID sessionId, boolean sessionFromTrace, boolean sessionAutoCreate, String sessionName,
    boolean localRoot, boolean traceRoot, UUID eventId, UUID parentId, String eventType, String eventName,
    String source, Instant start, Instant end, Map<String, Object> inputs, Map<String, Object> outputs,
    Map<String, Object> config, Map<String, Object> metadata, Map<String, Object> metrics,
    Map<String, Object> feedback, Map<String, Object> userProperties, String error) {

  /** Whether this event's session should be started by whoever delivers the event (see {@link SessionStarts}). */
  public boolean startsSession() {
    return sessionFromTrace || sessionAutoCreate;
  }
}
