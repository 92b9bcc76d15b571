package ai.honeyhive;

import ai.honeyhive.internal.experiment.ExternalIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks the maps of an in-memory dataset and makes its {@link Datapoint}s. */
final class ExperimentData {
  private ExperimentData() {}

  /** Returns {@code datapoint}, checked: its fields have the shapes HoneyHive's datapoints have. */
  static Map<String, ?> checked(int index, Map<String, ?> datapoint) {
    Checks.notNull("datapoints[" + index + "]", datapoint);
    for (String field : new String[] {"inputs", "ground_truth", "metadata"}) {
      Object value = datapoint.get(field);
      if (value != null && !(value instanceof Map)) {
        throw new IllegalArgumentException("datapoints[" + index + "]." + field + " must be a map, but was "
            + value.getClass().getName());
      }
    }
    Object history = datapoint.get("history");
    if (history != null && !(history instanceof List)) {
      throw new IllegalArgumentException("datapoints[" + index + "].history must be a list, but was "
          + history.getClass().getName());
    }
    return datapoint;
  }

  static List<Datapoint> datapoints(List<Map<String, ?>> maps) {
    List<Datapoint> datapoints = new ArrayList<>(maps.size());
    for (int i = 0; i < maps.size(); i++) {
      Map<String, ?> map = maps.get(i);
      datapoints.add(new Datapoint(ExternalIds.datapointId(map, i), i, map(map.get("inputs")),
          map(map.get("ground_truth")), list(map.get("history")), map(map.get("metadata"))));
    }
    return datapoints;
  }

  /** The datapoint a stored dataset's datapoint is, at {@code index}. */
  static Datapoint of(ai.honeyhive.client.model.Datapoint stored, int index) {
    return new Datapoint(stored.getId(), index, map(stored.getInputs()), map(stored.getGroundTruth()),
        list(stored.getHistory()), map(stored.getMetadata()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) value));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : Collections.unmodifiableList(new ArrayList<>((List<Object>) value));
  }
}
