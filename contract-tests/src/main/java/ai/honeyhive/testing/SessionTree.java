package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The events of one session as a tree: the session event at the root, every other event under its {@code parent_id}.
 * Built by {@link HoneyHiveTestServer#sessionTree(String)} from what the server stored.
 *
 * <pre>
 * session "support-chat" 1520.0 ms
 * ├── model "gpt-4o" 640.1 ms
 * └── chain "answer" 812.0 ms
 *     └── tool "vector-search" 120.0 ms
 * </pre>
 *
 * <p>Children are ordered by start time, then by arrival. An event whose parent was never received (or whose parents
 * form a cycle) hangs under the root and is marked {@link Node#parentMissing()}. When events name the session but
 * the session itself was never started, the root is a placeholder whose {@link Node#event()} is null.
 *
 * <p>Immutable and safe to share between threads: a snapshot of the store when it was built.
 */
public final class SessionTree {
  private final String sessionId;
  private final Node root;
  private final int size;

  private SessionTree(String sessionId, Node root, int size) {
    this.sessionId = sessionId;
    this.root = root;
    this.size = size;
  }

  static SessionTree of(String sessionId, List<StoredEvent> sessionEvents) {
    List<StoredEvent> events = new ArrayList<>(sessionEvents);
    events.sort(Comparator.comparing((StoredEvent e) -> e.startTime() == null ? Long.MIN_VALUE : e.startTime())
        .thenComparingLong(StoredEvent::sequence));
    StoredEvent rootEvent = null;
    Map<String, StoredEvent> byId = new LinkedHashMap<>();
    for (StoredEvent event : events) {
      if (event.isSession() && event.eventId().equals(sessionId)) {
        rootEvent = event;
      } else {
        byId.put(event.eventId(), event);
      }
    }
    Map<String, List<StoredEvent>> children = new HashMap<>();
    List<StoredEvent> underRoot = new ArrayList<>();
    for (StoredEvent event : byId.values()) {
      String parent = event.parentId();
      if (parent != null && byId.containsKey(parent) && !parent.equals(event.eventId())) {
        children.computeIfAbsent(parent, key -> new ArrayList<>()).add(event);
      } else {
        underRoot.add(event);
      }
    }
    Set<String> placed = new HashSet<>();
    List<Node> rootChildren = new ArrayList<>();
    for (StoredEvent event : underRoot) {
      boolean missing = event.parentId() == null || !event.parentId().equals(sessionId);
      rootChildren.add(build(event, missing, children, placed));
    }
    for (StoredEvent event : byId.values()) {
      if (!placed.contains(event.eventId())) { // parents in a cycle: unreachable from the root
        rootChildren.add(build(event, true, children, placed));
      }
    }
    return new SessionTree(sessionId, new Node(rootEvent, rootChildren, false), placed.size() + 1);
  }

  private static Node build(StoredEvent event, boolean parentMissing, Map<String, List<StoredEvent>> children,
      Set<String> placed) {
    placed.add(event.eventId());
    List<Node> nodes = new ArrayList<>();
    for (StoredEvent child : children.getOrDefault(event.eventId(), List.of())) {
      if (!placed.contains(child.eventId())) {
        nodes.add(build(child, false, children, placed));
      }
    }
    return new Node(event, nodes, parentMissing);
  }

  /** Returns the session's id. */
  public String sessionId() {
    return sessionId;
  }

  /** Returns the root: the session event's node, or a placeholder when the session was never started. */
  public Node root() {
    return root;
  }

  /** Returns the number of nodes, the root included. */
  public int size() {
    return size;
  }

  /**
   * Returns the tree with each event's type, name and duration, one event per line, drawn with box characters as in
   * the class description. Durations that were not recorded are left out.
   */
  public String render() {
    return draw(true);
  }

  /**
   * Returns the tree like {@link #render()} without durations: stable from run to run, for assertions such as
   * {@code assertThat(tree.outline()).isEqualTo("session \"s\"\n└── tool \"t\"\n")}.
   */
  public String outline() {
    return draw(false);
  }

  /** Returns {@link #render()}. */
  @Override
  public String toString() {
    return render();
  }

  private String draw(boolean durations) {
    StringBuilder out = new StringBuilder();
    out.append(root.label(durations)).append('\n');
    drawChildren(root, "", durations, out);
    return out.toString();
  }

  private static void drawChildren(Node node, String indent, boolean durations, StringBuilder out) {
    for (int i = 0; i < node.children.size(); i++) {
      boolean last = i == node.children.size() - 1;
      Node child = node.children.get(i);
      out.append(indent).append(last ? "└── " : "├── ").append(child.label(durations)).append('\n');
      drawChildren(child, indent + (last ? "    " : "│   "), durations, out);
    }
  }

  /** One event of the tree and the events nested directly under it. Immutable. */
  public static final class Node {
    private final StoredEvent event;
    private final List<Node> children;
    private final boolean parentMissing;

    Node(StoredEvent event, List<Node> children, boolean parentMissing) {
      this.event = event;
      this.children = List.copyOf(children);
      this.parentMissing = parentMissing;
    }

    /** Returns the stored event, or null for the placeholder root of a session that was never started. */
    public StoredEvent event() {
      return event;
    }

    /** Returns the event's name; {@code "(session not started)"} for a placeholder root. */
    public String name() {
      return event == null ? "(session not started)" : event.eventName();
    }

    /** Returns the event's type, such as {@code "tool"}; {@code "session"} for the root. */
    public String type() {
      return event == null ? "session" : event.eventType();
    }

    /** Returns the duration in milliseconds, or null when none is known. */
    public Double durationMillis() {
      return event == null ? null : event.durationMillis();
    }

    /** Returns the nodes directly under this one, by start time. Never null. */
    public List<Node> children() {
      return children;
    }

    /**
     * Returns whether the event hangs under the root only because its {@code parent_id} names no event of the
     * session (or its parents form a cycle).
     */
    public boolean parentMissing() {
      return parentMissing;
    }

    String label(boolean withDuration) {
      StringBuilder label = new StringBuilder(type()).append(' ');
      label.append(event == null ? name() : "\"" + name() + "\"");
      if (withDuration && durationMillis() != null) {
        label.append(String.format(Locale.ROOT, " %.1f ms", durationMillis()));
      }
      if (parentMissing) {
        label.append(event.parentId() == null ? " [no parent]"
            : " [parent " + event.parentId() + " not received]");
      }
      return label.toString();
    }

    /** Returns the node's label, such as {@code tool "vector-search" 120.0 ms}; the format may change. */
    @Override
    public String toString() {
      return label(true);
    }
  }
}
