package ai.honeyhive.opentelemetry.internal.mapping;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a span's attributes before the conventions read them: takes out the families that are many
 * attributes each ({@code gen_ai.request.*}, the numbered messages of GenAI and OpenInference) and notes which
 * conventions the span uses at all, so the mapping looks up no name of a convention the span does not use. The
 * exporter maps every span on the span processor's thread; this keeps that to a few microseconds.
 */
final class AttributeGroups {
  /** {@code gen_ai.request.*} but the model, in attribute order. */
  final List<Map.Entry<String, Object>> request = new ArrayList<>(4);
  final Numbered prompt = new Numbered();
  final Numbered completion = new Numbered();
  final Numbered llmInput = new Numbered();
  final Numbered llmOutput = new Numbered();
  boolean genAi;
  boolean openInference;
  boolean traceloop;

  /** Takes the families out of {@code rest} and notes the conventions it uses. */
  static AttributeGroups take(Map<String, Object> rest) {
    AttributeGroups groups = new AttributeGroups();
    for (Iterator<Map.Entry<String, Object>> it = rest.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Object> entry = it.next();
      if (groups.took(entry.getKey(), entry.getValue())) {
        it.remove();
      }
    }
    return groups;
  }

  private boolean took(String key, Object value) {
    if (key.startsWith("gen_ai.")) {
      genAi = true;
      if (key.startsWith("request.", 7) && !key.equals("gen_ai.request.model")) {
        request.add(new SimpleImmutableEntry<>(key, value));
        return true;
      }
      return (key.startsWith("prompt.", 7) && prompt.take(key, 14, value))
          || (key.startsWith("completion.", 7) && completion.take(key, 18, value));
    }
    if (key.startsWith("llm.")) {
      openInference = true;
      return (key.startsWith("input_messages.", 4) && llmInput.take(key, 19, value))
          || (key.startsWith("output_messages.", 4) && llmOutput.take(key, 20, value));
    }
    if (key.startsWith("input.") || key.startsWith("output.") || key.startsWith("tool.")
        || key.startsWith("tool_call.")) {
      openInference = true;
    } else if (key.startsWith("traceloop.")) {
      traceloop = true;
    }
    return false;
  }

  /**
   * Numbered attributes such as {@code gen_ai.prompt.0.role} and {@code gen_ai.prompt.0.content}, gathered into one
   * map per number.
   */
  static final class Numbered {
    /** The highest number taken: beyond it an attribute stays under metadata. */
    static final int MAX_INDEX = 9_999;
    private static final String[] KNOWN_FIELDS = {"role", "content", "finish_reason", "message.role",
        "message.content", "tool_calls", "name"};

    /** The items by number; null where a number was skipped. */
    private ArrayList<Object> items;
    private boolean deep;

    /**
     * Takes {@code key} when a number of 1 to 4 digits (at most {@link #MAX_INDEX}) follows {@code from}, ended by a dot or the key's end; its value
     * read as JSON when it is JSON text.
     */
    boolean take(String key, int from, Object value) {
      int end = key.indexOf('.', from);
      end = end < 0 ? key.length() : end;
      if (end == from || end - from > 4) {
        return false;
      }
      for (int i = from; i < end; i++) {
        if (key.charAt(i) < '0' || key.charAt(i) > '9') {
          return false;
        }
      }
      int index = Integer.parseInt(key, from, end, 10);
      if (index > MAX_INDEX) {
        return false; // stays under metadata rather than making a list that long
      }
      if (items == null) {
        items = new ArrayList<>(4);
      }
      while (items.size() <= index) {
        items.add(null);
      }
      Object parsed = JsonText.parseStructured(value);
      Object item = items.get(index);
      if (end == key.length()) {
        if (item == null) {
          items.set(index, parsed);
        }
        return true;
      }
      if (item == null) {
        item = new LinkedHashMap<String, Object>(8);
        items.set(index, item);
      } else if (!(item instanceof Map)) {
        return false; // "gen_ai.prompt.0" was a value already: this one stays under metadata
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) item;
      String field = field(key, end + 1);
      if (field.indexOf('.') >= 0) {
        deep = true;
        Buckets.putPath(fields, field, parsed);
      } else {
        fields.put(field, parsed);
      }
      return true;
    }

    /** The items in number order, or null when there were none. */
    List<Object> list() {
      if (items == null) {
        return null;
      }
      List<Object> list = new ArrayList<>(items.size());
      for (Object item : items) {
        if (item != null) {
          list.add(deep ? Buckets.listify(item) : item);
        }
      }
      return list;
    }

    /** The field name at {@code from}: a constant for the usual ones, so its hash is not computed per span. */
    private static String field(String key, int from) {
      int length = key.length() - from;
      for (String known : KNOWN_FIELDS) {
        if (known.length() == length && key.startsWith(known, from)) {
          return known;
        }
      }
      return key.substring(from);
    }
  }
}
