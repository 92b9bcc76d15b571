package ai.honeyhive.opentelemetry.internal.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Decides which sessions a batch of mapped spans must start, and under which name: a session derived from a trace
 * (or one a span asks to auto-create) is started once, before its first event. HoneyHive's session start is
 * idempotent on the session id, so two services of one distributed trace that both start it do no harm.
 *
 * <p>The name: a {@code honeyhive.session_name} carried by a span of the batch; else the trace root's name when the
 * root is in the batch; else the name of a local root (the first span of this process in a distributed trace); else
 * the earliest span's name. The root span of a trace usually ends last, so a trace whose first spans are exported
 * before its root is named after one of those spans.
 */
public final class SessionStarts {
  private SessionStarts() {}

  /**
   * One session to start.
   *
   * @param sessionId the session id
   * @param name the session's name
   * @param start the earliest start among the batch's spans of this session
   * @param source the source a span of the session names, or null
   */
  public record Start(UUID sessionId, String name, Instant start, String source) {}

  /**
   * Returns the sessions {@code batch} must start, in the order of their first span, leaving out those
   * {@code alreadyStarted} accepts.
   */
  public static List<Start> plan(List<MappedEvent> batch, Predicate<UUID> alreadyStarted) {
    Map<UUID, List<MappedEvent>> bySession = new LinkedHashMap<>();
    for (MappedEvent event : batch) {
      if (event.startsSession() && !alreadyStarted.test(event.sessionId())) {
        bySession.computeIfAbsent(event.sessionId(), id -> new ArrayList<>()).add(event);
      }
    }
    List<Start> starts = new ArrayList<>(bySession.size());
    bySession.forEach((id, events) -> starts.add(startOf(id, events)));
    return starts;
  }

  private static Start startOf(UUID sessionId, List<MappedEvent> events) {
    MappedEvent named = null;
    MappedEvent root = null;
    MappedEvent localRoot = null;
    MappedEvent earliest = events.get(0);
    String source = null;
    for (MappedEvent event : events) {
      named = named == null && event.sessionName() != null && !event.sessionName().isBlank() ? event : named;
      root = root == null && event.traceRoot() ? event : root;
      localRoot = localRoot == null && event.localRoot() ? event : localRoot;
      earliest = event.start().isBefore(earliest.start()) ? event : earliest;
      source = source == null ? event.source() : source;
    }
    String name = named != null ? named.sessionName()
        : root != null ? root.eventName() : localRoot != null ? localRoot.eventName() : earliest.eventName();
    return new Start(sessionId, name, earliest.start(), source);
  }
}
