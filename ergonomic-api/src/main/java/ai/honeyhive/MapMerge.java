package ai.honeyhive;

import ai.honeyhive.internal.wire.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one rule of this client's map setters, for the classes that keep their maps as plain values
 * ({@link SessionBuilder}, {@link SessionImport}, {@link EventUpdate}); the event drafts of builders and spans follow
 * it in {@link EventDraft#putAll}. A call adds its entries to those set before; a key set again takes the later value
 * and keeps its place.
 */
final class MapMerge {
  private MapMerge() {}

  /**
   * Returns {@code current} with {@code added}'s entries put in, as a new unmodifiable map; {@code current} is not
   * changed, so a request that was handed it (and may wait in the queue) never sees a later call.
   *
   * @param field the setter's argument name, for messages
   * @param current what was set before, or null
   * @throws NullPointerException if {@code added} is null or has a null key; nothing is merged then
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is merged
   */
  static Map<String, Object> merge(String field, Map<String, Object> current, Map<String, ?> added) {
    Map<String, Object> checked = JsonValues.copyOf(field, added);
    if (current == null || current.isEmpty()) {
      return checked;
    }
    Map<String, Object> merged = new LinkedHashMap<>(current);
    merged.putAll(checked);
    return Collections.unmodifiableMap(merged);
  }
}
