package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What HoneyHive's legacy model routes ({@code POST /events/model}, {@code POST /events/model/batch}) do with the
 * deprecated flat fields of a model event, as HoneyHive's spec 1.9.0 describes them: each is moved under
 * {@code inputs} ({@code response} under {@code outputs}) before the event is stored, and the model is named by
 * {@code model_name}, or its older name {@code model}, which also names the event when it has no {@code event_name}
 * and fills {@code config.model}. A value already under {@code inputs}, {@code outputs} or {@code config} wins over the
 * flat field of the same name.
 */
final class LegacyModelFields {
  /** The flat fields moved under {@code inputs}. {@code error} and {@code duration} move too, on model events. */
  private static final List<String> INTO_INPUTS = List.of("messages", "provider", "usage", "cost", "hyperparameters",
      "template", "template_inputs", "tools", "tool_choice", "response_format", "error", "duration");

  private LegacyModelFields() {}

  /** Returns a copy of {@code sent} with the flat fields moved into place; {@code sent} is not changed. */
  static Map<String, Object> moveIntoPlace(Map<String, Object> sent) {
    Map<String, Object> event = new LinkedHashMap<>(sent);
    for (String name : INTO_INPUTS) {
      move(event, name, "inputs");
    }
    move(event, "response", "outputs");
    Object model = event.get("model_name") instanceof String ? event.get("model_name") : event.get("model");
    event.remove("model");
    if (model instanceof String) {
      event.putIfAbsent("event_name", model);
      child(event, "config").putIfAbsent("model", model);
    }
    return event;
  }

  private static void move(Map<String, Object> event, String name, String into) {
    if (!event.containsKey(name)) {
      return;
    }
    Object value = event.remove(name);
    if (value != null) {
      child(event, into).putIfAbsent(name, value);
    }
  }

  /** The object field {@code name} of {@code event} as a mutable copy put back into the event, created if absent. */
  private static Map<String, Object> child(Map<String, Object> event, String name) {
    Map<String, Object> existing = Json.object(event.get(name));
    Map<String, Object> copy = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing);
    event.put(name, copy);
    return copy;
  }
}
