package ai.honeyhive.internal.propagation;

import java.util.UUID;

/**
 * What a span propagates to the services it calls: its session, the event the callee's work nests under, and the
 * session's source, project and name when known.
 *
 * @param parentEventId the current event, or the session itself at the top
 * @param source the default source, or null
 * @param project the project, or null
 * @param sessionName the session's name, or null
 */
public record TraceContext(UUID sessionId, UUID parentEventId, String source, String project, String sessionName) {}
