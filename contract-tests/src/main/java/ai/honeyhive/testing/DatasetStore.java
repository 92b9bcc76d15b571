package ai.honeyhive.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's datasets and datapoints, in wire form, in the order they were created, and the links between them
 * kept both ways: a dataset's {@code datapoints} and each datapoint's {@code linked_datasets}. Thread-safe: every
 * method locks the store, and every answer is a copy.
 *
 * <p>Ids are 24 hex digits, shaped like the MongoDB ObjectIds of HoneyHive's examples (seconds since the epoch, then
 * a counter shared by datasets and datapoints); clients must treat them as opaque strings. An id that names nothing
 * (a dataset listing a datapoint that does not exist, a datapoint listing an unknown dataset) is kept as sent, and
 * linked only where its other end exists. Deleting a dataset keeps its datapoints; deleting a datapoint takes it out
 * of every dataset.
 */
final class DatasetStore {
  static final String DEFAULT_NAME = "Untitled Dataset";

  private final Clock clock;
  private final Map<String, Map<String, Object>> datasets = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> datapoints = new LinkedHashMap<>();
  private long counter;

  DatasetStore(Clock clock) {
    this.clock = clock;
  }

  // ---- Datasets --------------------------------------------------------------------------------------------------

  /** Creates a dataset holding {@code datapointIds}; returns its id. */
  synchronized String createDataset(String name, String description, List<String> datapointIds) {
    String id = nextId();
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("id", id);
    dataset.put("name", name != null ? name : DEFAULT_NAME);
    dataset.put("description", description);
    dataset.put("datapoints", new ArrayList<String>());
    datasets.put(id, dataset);
    datapointIds.forEach(datapointId -> link(id, datapointId));
    stamp(dataset, true); // created with its datapoints: one moment
    return id;
  }

  /** The datasets with id {@code id} and name {@code name} (each filter ignored when null), oldest first. */
  synchronized List<Object> datasets(String id, String name) {
    List<Object> matching = new ArrayList<>();
    datasets.values().stream()
        .filter(dataset -> id == null || id.equals(dataset.get("id")))
        .filter(dataset -> name == null || name.equals(dataset.get("name")))
        .forEach(dataset -> matching.add(Json.mutableCopy(dataset)));
    return matching;
  }

  synchronized boolean hasDataset(String id) {
    return datasets.containsKey(id);
  }

  /**
   * Applies {@code changes} ({@code name}, {@code description}, {@code datapoints}, each optional) to dataset
   * {@code id}; {@code datapoints} replaces the list and the links. Returns the dataset as it is now, or null.
   */
  synchronized Map<String, Object> updateDataset(String id, Map<String, Object> changes) {
    Map<String, Object> dataset = datasets.get(id);
    if (dataset == null) {
      return null;
    }
    if (changes.containsKey("name")) {
      dataset.put("name", changes.get("name"));
    }
    if (changes.containsKey("description")) {
      dataset.put("description", changes.get("description"));
    }
    List<String> wanted = strings(changes.get("datapoints"));
    if (wanted != null) {
      new ArrayList<>(ids(dataset, "datapoints")).stream()
          .filter(datapointId -> !wanted.contains(datapointId))
          .forEach(datapointId -> unlink(id, datapointId));
      wanted.forEach(datapointId -> link(id, datapointId));
    }
    stamp(dataset, false);
    return asMap(Json.mutableCopy(dataset));
  }

  /** Deletes dataset {@code id}, keeping its datapoints (they lose the link); false when there is none. */
  synchronized boolean deleteDataset(String id) {
    Map<String, Object> dataset = datasets.get(id);
    if (dataset == null) {
      return false;
    }
    new ArrayList<>(ids(dataset, "datapoints")).forEach(datapointId -> unlink(id, datapointId));
    datasets.remove(id);
    return true;
  }

  /**
   * Takes datapoint {@code datapointId} out of dataset {@code datasetId}, keeping the datapoint.
   *
   * @return null when the dataset does not exist, else whether the datapoint was in it
   */
  synchronized Boolean removeDatapoint(String datasetId, String datapointId) {
    Map<String, Object> dataset = datasets.get(datasetId);
    if (dataset == null) {
      return null;
    }
    if (!ids(dataset, "datapoints").contains(datapointId)) {
      return false;
    }
    unlink(datasetId, datapointId);
    return true;
  }

  // ---- Datapoints ------------------------------------------------------------------------------------------------

  /**
   * Creates one datapoint per element of {@code fields} (see {@link #createDatapoint}), each also added to
   * {@code datasetId} when that is not null. Returns their ids, or null (and creates nothing) when
   * {@code datasetId} names no dataset.
   */
  synchronized List<String> createDatapoints(List<Map<String, Object>> fields, String datasetId) {
    if (datasetId != null && !datasets.containsKey(datasetId)) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> one : fields) {
      String id = createDatapoint(one);
      if (datasetId != null) {
        link(datasetId, id);
      }
      ids.add(id);
    }
    return ids;
  }

  /**
   * Creates a datapoint from {@code fields}: {@code inputs} (default {}), {@code history} (default []),
   * {@code ground_truth}, {@code metadata}, {@code linked_event} (default null) and {@code linked_datasets}, each of
   * which that exists gains the datapoint. Returns its id.
   */
  synchronized String createDatapoint(Map<String, Object> fields) {
    String id = nextId();
    Map<String, Object> datapoint = new LinkedHashMap<>();
    datapoint.put("id", id);
    datapoint.put("inputs", fields.get("inputs") != null ? Json.mutableCopy(fields.get("inputs")) : new LinkedHashMap<>());
    datapoint.put("history", fields.get("history") != null ? Json.mutableCopy(fields.get("history")) : new ArrayList<>());
    datapoint.put("ground_truth", Json.mutableCopy(fields.get("ground_truth")));
    datapoint.put("metadata", Json.mutableCopy(fields.get("metadata")));
    datapoint.put("linked_event", fields.get("linked_event"));
    datapoint.put("linked_datasets", new ArrayList<String>());
    datapoints.put(id, datapoint);
    List<String> linked = strings(fields.get("linked_datasets"));
    if (linked != null) {
      linked.forEach(datasetId -> link(datasetId, id));
    }
    stamp(datapoint, true);
    return id;
  }

  /** The datapoint {@code id}, or null. */
  synchronized Map<String, Object> datapoint(String id) {
    Map<String, Object> datapoint = datapoints.get(id);
    return datapoint == null ? null : asMap(Json.mutableCopy(datapoint));
  }

  /**
   * The datapoints with the given ids (all when {@code ids} is null), of the datasets named {@code datasetName}
   * (all when null, else in the datasets' order), each once.
   */
  synchronized List<Object> datapoints(List<String> ids, String datasetName) {
    List<String> candidates = new ArrayList<>();
    if (datasetName == null) {
      candidates.addAll(datapoints.keySet());
    } else {
      datasets.values().stream()
          .filter(dataset -> datasetName.equals(dataset.get("name")))
          .flatMap(dataset -> ids(dataset, "datapoints").stream())
          .filter(id -> datapoints.containsKey(id) && !candidates.contains(id))
          .forEach(candidates::add);
    }
    List<Object> matching = new ArrayList<>();
    candidates.stream()
        .filter(id -> ids == null || ids.contains(id))
        .forEach(id -> matching.add(Json.mutableCopy(datapoints.get(id))));
    return matching;
  }

  /**
   * Replaces the fields of datapoint {@code id} that {@code changes} carries; {@code linked_datasets} replaces the
   * links. Returns false when there is no such datapoint.
   */
  synchronized boolean updateDatapoint(String id, Map<String, Object> changes) {
    Map<String, Object> datapoint = datapoints.get(id);
    if (datapoint == null) {
      return false;
    }
    for (String field : List.of("inputs", "history", "ground_truth", "metadata", "linked_event")) {
      if (changes.containsKey(field)) {
        datapoint.put(field, Json.mutableCopy(changes.get(field)));
      }
    }
    List<String> wanted = strings(changes.get("linked_datasets"));
    if (wanted != null) {
      new ArrayList<>(ids(datapoint, "linked_datasets")).stream()
          .filter(datasetId -> !wanted.contains(datasetId))
          .forEach(datasetId -> unlink(datasetId, id));
      wanted.forEach(datasetId -> link(datasetId, id));
    }
    stamp(datapoint, false);
    return true;
  }

  /** Deletes datapoint {@code id} and takes it out of every dataset; false when there is none. */
  synchronized boolean deleteDatapoint(String id) {
    if (!datapoints.containsKey(id)) {
      return false;
    }
    datasets.keySet().forEach(datasetId -> unlink(datasetId, id));
    datapoints.remove(id);
    return true;
  }

  // ---- Links, ids and times --------------------------------------------------------------------------------------

  /** Puts the datapoint in the dataset and the dataset in the datapoint's links, on whichever side exists. */
  private void link(String datasetId, String datapointId) {
    Map<String, Object> dataset = datasets.get(datasetId);
    Map<String, Object> datapoint = datapoints.get(datapointId);
    if (dataset != null && !ids(dataset, "datapoints").contains(datapointId)) {
      ids(dataset, "datapoints").add(datapointId);
      stamp(dataset, false);
    }
    if (datapoint != null && !ids(datapoint, "linked_datasets").contains(datasetId)) {
      ids(datapoint, "linked_datasets").add(datasetId);
      stamp(datapoint, false);
    }
  }

  private void unlink(String datasetId, String datapointId) {
    Map<String, Object> dataset = datasets.get(datasetId);
    Map<String, Object> datapoint = datapoints.get(datapointId);
    if (dataset != null && ids(dataset, "datapoints").remove(datapointId)) {
      stamp(dataset, false);
    }
    if (datapoint != null && ids(datapoint, "linked_datasets").remove(datasetId)) {
      stamp(datapoint, false);
    }
  }

  /** 24 hex digits: the seconds of the store's clock, then a counter. */
  private String nextId() {
    long seconds = clock.millis() / 1000;
    return String.format("%08x%016x", seconds & 0xffffffffL, ++counter);
  }

  private void stamp(Map<String, Object> object, boolean created) {
    String now = Instant.ofEpochMilli(clock.millis()).toString();
    if (created) {
      object.put("created_at", now);
    }
    object.put("updated_at", now);
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> object, String field) {
    return (List<String>) object.get(field);
  }

  /** A JSON array as strings; null when {@code value} is not an array. */
  static List<String> strings(Object value) {
    List<Object> array = Json.array(value);
    if (array == null) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    array.stream().filter(Objects::nonNull).forEach(element -> strings.add(String.valueOf(element)));
    return strings;
  }

  private static Map<String, Object> asMap(Object value) {
    return Json.object(value);
  }
}
