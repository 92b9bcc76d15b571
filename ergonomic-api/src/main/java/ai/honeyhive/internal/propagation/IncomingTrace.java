package ai.honeyhive.internal.propagation;

import java.util.UUID;

/**
 * What the headers of an incoming request say about the trace it continues; each field null when absent or unusable.
 *
 * @param sessionId the session to join
 * @param parentId the event to nest under; null when the parent is the session itself, or no session came
 * @param project the caller's project
 * @param source the caller's source
 * @param sessionName the session's name
 */
public record IncomingTrace(UUID sessionId, UUID parentId, String project, String source, String sessionName) {}
