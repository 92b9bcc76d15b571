package ai.honeyhive.examples;

import ai.honeyhive.Event;
import ai.honeyhive.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws events read back from the real API as a tree, in the format of the test server's {@code SessionTree}: the
 * session at the root, each event under its {@code parent_id}, children by start time.
 */
final class EventTreeText {
  private EventTreeText() {}

  static String render(String sessionId, List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing((Event e) -> e.startTime() == null ? Instant.MIN : e.startTime()));
    Event root = null;
    Map<String, Event> byId = new HashMap<>();
    for (Event event : sorted) {
      if (event.type() == EventType.SESSION && sessionId.equals(event.eventId())) {
        root = event;
      } else {
        byId.put(event.eventId(), event);
      }
    }
    Map<String, List<Event>> children = new HashMap<>();
    List<Event> top = new ArrayList<>();
    for (Event event : sorted) {
      if (event == root) {
        continue;
      }
      if (event.parentId() != null && byId.containsKey(event.parentId())) {
        children.computeIfAbsent(event.parentId(), key -> new ArrayList<>()).add(event);
      } else {
        top.add(event);
      }
    }
    StringBuilder out = new StringBuilder(root == null
        ? "session (not found yet: HoneyHive may still be indexing it)" : label(root)).append('\n');
    draw(top, children, "", out, 0);
    return out.toString();
  }

  private static void draw(List<Event> nodes, Map<String, List<Event>> children, String indent, StringBuilder out,
      int depth) {
    for (int i = 0; i < nodes.size(); i++) {
      boolean last = i == nodes.size() - 1;
      Event node = nodes.get(i);
      out.append(indent).append(last ? "└── " : "├── ").append(label(node)).append('\n');
      if (depth < 64) {
        draw(children.getOrDefault(node.eventId(), List.of()), children, indent + (last ? "    " : "│   "), out,
            depth + 1);
      }
    }
  }

  private static String label(Event event) {
    String type = event.type() == null ? "event" : event.type().wireName();
    String text = type + " \"" + event.name() + "\"";
    if (event.duration() != null) {
      text += String.format(Locale.ROOT, " %.1f ms", event.duration().toNanos() / 1e6);
    }
    return text;
  }
}
