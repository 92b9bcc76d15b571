package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code mapping} of {@code POST /v1/datasets/{dataset_id}/datapoints} and {@code POST /v1/datapoints/batch}: which
 * fields of a source go into a datapoint's {@code inputs}, {@code ground_truth} and {@code history}. It turns a source
 * into the fields {@link DatasetStore#createDatapoint} takes.
 *
 * @param inputs fields that become keys of {@code inputs}
 * @param groundTruth fields that become keys of {@code ground_truth}
 * @param history fields whose values are appended to {@code history}
 */
record DatapointMapping(List<String> inputs, List<String> groundTruth, List<String> history) {
  /** Reads a request's {@code mapping}; a missing mapping or list reads as empty. */
  static DatapointMapping from(Object json) {
    Map<String, Object> mapping = Json.object(json);
    if (mapping == null) {
      mapping = Map.of();
    }
    return new DatapointMapping(names(mapping.get("inputs")), names(mapping.get("ground_truth")),
        names(mapping.get("history")));
  }

  boolean isEmpty() {
    return inputs.isEmpty() && groundTruth.isEmpty() && history.isEmpty();
  }

  /**
   * The datapoint made of one raw record: mapped fields where the mapping says (a field named in two lists goes to
   * both), and every field the mapping names nowhere in {@code metadata}. HoneyHive does not say what becomes of
   * those; keeping them loses nothing. {@code ground_truth} and {@code metadata} are null when nothing went there.
   */
  Map<String, Object> fromRecord(Map<String, Object> record) {
    Map<String, Object> datapoint = map(record::containsKey, record::get, false);
    Set<String> named = new LinkedHashSet<>(inputs);
    named.addAll(groundTruth);
    named.addAll(history);
    Map<String, Object> metadata = new LinkedHashMap<>();
    record.forEach((name, value) -> {
      if (!named.contains(name)) {
        metadata.put(name, value);
      }
    });
    datapoint.put("metadata", metadata.isEmpty() ? null : metadata);
    return datapoint;
  }

  /**
   * The datapoint made of one stored event, linked to it. Fields are dotted paths into the event
   * ({@code inputs.question}, {@code outputs.content}), each stored under its last part. Without a mapping, the
   * event's {@code inputs} become the inputs and its {@code outputs} (when not empty) the ground truth.
   */
  Map<String, Object> fromEvent(StoredEvent event) {
    Map<String, Object> fields = event.toMap();
    Map<String, Object> datapoint;
    if (isEmpty()) {
      datapoint = new LinkedHashMap<>();
      datapoint.put("inputs", event.inputs());
      Map<String, Object> outputs = Json.object(fields.get("outputs"));
      datapoint.put("history", List.of());
      datapoint.put("ground_truth", outputs == null || outputs.isEmpty() ? null : outputs);
    } else {
      datapoint = map(path -> SearchFilter.lookup(fields, path) != null, path -> SearchFilter.lookup(fields, path),
          true);
    }
    datapoint.put("metadata", null);
    datapoint.put("linked_event", event.eventId());
    return datapoint;
  }

  private interface Has {
    boolean has(String field);
  }

  private interface Get {
    Object get(String field);
  }

  /** With {@code dotted}, a field is a path stored under its last part; else a plain name. */
  private Map<String, Object> map(Has has, Get get, boolean dotted) {
    Map<String, Object> inputValues = new LinkedHashMap<>();
    Map<String, Object> truth = new LinkedHashMap<>();
    List<Object> turns = new ArrayList<>();
    inputs.stream().filter(has::has).forEach(field -> inputValues.put(key(field, dotted), get.get(field)));
    groundTruth.stream().filter(has::has).forEach(field -> truth.put(key(field, dotted), get.get(field)));
    history.stream().filter(has::has).forEach(field -> appendTurns(turns, key(field, dotted), get.get(field)));
    Map<String, Object> datapoint = new LinkedHashMap<>();
    datapoint.put("inputs", inputValues);
    datapoint.put("history", turns);
    datapoint.put("ground_truth", truth.isEmpty() ? null : truth);
    return datapoint;
  }

  /** An array adds its elements, an object itself, any other value {@code {field: value}}. */
  private static void appendTurns(List<Object> turns, String field, Object value) {
    List<Object> array = Json.array(value);
    if (array != null) {
      array.forEach(element -> appendTurns(turns, field, element));
    } else if (Json.object(value) != null) {
      turns.add(value);
    } else {
      Map<String, Object> turn = new LinkedHashMap<>();
      turn.put(field, value);
      turns.add(turn);
    }
  }

  /** The key a field is stored under: a path's last part, or the name itself. */
  private static String key(String field, boolean dotted) {
    return dotted ? field.substring(field.lastIndexOf('.') + 1) : field;
  }

  private static List<String> names(Object value) {
    List<String> names = DatasetStore.strings(value);
    return names == null ? List.of() : List.copyOf(names);
  }
}
