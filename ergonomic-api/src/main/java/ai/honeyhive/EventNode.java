package ai.honeyhive;

import java.util.List;

/** One event of a session read back ({@link HoneyHive#getSession}), with the events nested under it. Immutable. */
public final class EventNode {
  private final Event event;
  private final List<EventNode> children;

  EventNode(Event event, List<EventNode> children) {
    this.event = event;
    this.children = List.copyOf(children);
  }

  /**
   * Returns the event.
   *
   * @return the event
   */
  public Event event() {
    return event;
  }

  /**
   * Returns the events whose {@code parent_id} is this event's id, by start time.
   *
   * @return the children; unmodifiable
   */
  public List<EventNode> children() {
    return children;
  }

  void draw(StringBuilder out, String indent, boolean last) {
    out.append(indent).append(last ? "└── " : "├── ").append(event.type() == null ? "?" : event.type().wireName())
        .append(" \"").append(event.name()).append("\"\n");
    for (int i = 0; i < children.size(); i++) {
      children.get(i).draw(out, indent + (last ? "    " : "│   "), i == children.size() - 1);
    }
  }

  @Override
  public String toString() {
    return "EventNode{" + event.name() + ", children=" + children.size() + "}";
  }
}
