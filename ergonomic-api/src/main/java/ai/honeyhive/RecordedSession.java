package ai.honeyhive;

import java.util.List;
import java.util.Optional;

/**
 * A session read back from HoneyHive ({@link HoneyHive#getSession}): the session event, and its events nested by
 * {@code parent_id}. An event whose parent was not found among the session's events is listed at the top level, as
 * HoneyHive shows it. Immutable.
 */
public final class RecordedSession {
  private final String sessionId;
  private final Event session;
  private final List<EventNode> events;
  private final int size;

  RecordedSession(String sessionId, Event session, List<EventNode> events, int size) {
    this.sessionId = sessionId;
    this.session = session;
    this.events = List.copyOf(events);
    this.size = size;
  }

  /**
   * Returns the session's id.
   *
   * @return the id
   */
  public String sessionId() {
    return sessionId;
  }

  /**
   * Returns the session event (its name, inputs, outputs, feedback, metadata...).
   *
   * @return the session event, or empty when HoneyHive returned events of the session but not the session itself
   *     (its start not indexed yet)
   */
  public Optional<Event> session() {
    return Optional.ofNullable(session);
  }

  /**
   * Returns the session's top-level events, by start time, each with its children.
   *
   * @return the events; unmodifiable
   */
  public List<EventNode> events() {
    return events;
  }

  /**
   * Returns how many events the session has, the session event not counted.
   *
   * @return the number of events
   */
  public int size() {
    return size;
  }

  /**
   * Returns the tree as text, one event per line: {@code session "name"}, then {@code ├── type "name"} lines.
   *
   * @return the outline
   */
  public String outline() {
    StringBuilder out = new StringBuilder("session \"")
        .append(session != null ? session.name() : sessionId).append("\"\n");
    for (int i = 0; i < events.size(); i++) {
      events.get(i).draw(out, "", i == events.size() - 1);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return outline();
  }
}
