package ai.honeyhive.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The server's experiment runs, by {@code run_id}, in the order they were created. Thread-safe: every method locks
 * the store. A run is kept as its wire form ({@code ExperimentRun}) plus the request fields the wire form does not
 * carry ({@code passing_ranges}, {@code evaluators}, {@code session_ids}, {@code datapoint_ids}).
 *
 * <p>Ids: a {@code run_id} sent on creation is kept when it is a UUID (the run paths take only UUIDs); any other id,
 * or none, is replaced by a generated UUID, which the answer carries. Updates replace each field sent, whole.
 */
final class RunStore {
  /** Request fields stored with a run but not part of its wire form. */
  static final Set<String> HIDDEN_FIELDS = Set.of("passing_ranges", "evaluators", "session_ids", "datapoint_ids");
  /** Fields of a run that an update may replace. */
  private static final Set<String> WRITABLE_FIELDS = Set.of("name", "description", "status", "metadata", "results",
      "event_ids", "configuration", "evaluators", "session_ids", "datapoint_ids", "passing_ranges");
  /** Fields of a create request copied as sent. */
  private static final List<String> CREATE_FIELDS = List.of("name", "description", "metadata", "results",
      "event_ids", "configuration", "dataset_id", "evaluators", "session_ids", "datapoint_ids", "passing_ranges");

  private final Clock clock;
  private final String projectId;
  private final Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
  private long nextRecordId = 1;

  RunStore(Clock clock, String projectId) {
    this.clock = clock;
    this.projectId = projectId;
  }

  /** Whether {@code id} is a UUID in its canonical text form (case-insensitive). */
  static boolean isUuid(Object id) {
    if (!(id instanceof String text) || text.length() != 36) {
      return false;
    }
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Stores a new run from a create request; returns a snapshot of its full record. */
  synchronized Map<String, Object> create(Map<String, Object> sent) {
    Object requested = sent.get("run_id");
    String runId = isUuid(requested) && !runs.containsKey(((String) requested).toLowerCase())
        ? ((String) requested).toLowerCase() : UUID.randomUUID().toString();
    String now = Instant.now(clock).toString();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", String.format("%024x", nextRecordId++));
    run.put("run_id", runId);
    run.put("status", sent.get("status") != null ? sent.get("status") : "pending");
    run.put("metadata", Map.of());
    run.put("results", Map.of());
    run.put("event_ids", List.of());
    run.put("configuration", Map.of());
    for (String field : CREATE_FIELDS) {
      if (sent.containsKey(field) && sent.get(field) != null) {
        run.put(field, Json.mutableCopy(sent.get(field)));
      }
    }
    run.putIfAbsent("dataset_id", null);
    run.put("dataset_name", null);
    run.put("is_active", true);
    run.put("created_at", now);
    run.put("updated_at", now);
    run.put("scope_type", "project");
    run.put("scope_id", projectId);
    runs.put(runId, run);
    return snapshot(run);
  }

  /** A snapshot of the run {@code runId}'s full record, or null. */
  synchronized Map<String, Object> get(String runId) {
    Map<String, Object> run = runs.get(key(runId));
    return run == null ? null : snapshot(run);
  }

  /** Snapshots of every run, in creation order. */
  synchronized List<Map<String, Object>> all() {
    List<Map<String, Object>> all = new ArrayList<>();
    runs.values().forEach(run -> all.add(snapshot(run)));
    return all;
  }

  /**
   * Replaces each writable field {@code changes} carries (a null clears it); other fields are left.
   *
   * @return the run's full record after the update, or null when there is no such run
   */
  synchronized Map<String, Object> update(String runId, Map<String, Object> changes) {
    Map<String, Object> run = runs.get(key(runId));
    if (run == null) {
      return null;
    }
    changes.forEach((field, value) -> {
      if (WRITABLE_FIELDS.contains(field)) {
        run.put(field, Json.mutableCopy(value));
      }
    });
    run.put("updated_at", Instant.now(clock).toString());
    return snapshot(run);
  }

  /** Deletes the run {@code runId}; returns whether it existed. */
  synchronized boolean delete(String runId) {
    return runs.remove(key(runId)) != null;
  }

  /** The wire form of a run's record: without {@link #HIDDEN_FIELDS}. */
  static Map<String, Object> wireForm(Map<String, Object> record) {
    Map<String, Object> wire = new LinkedHashMap<>(record);
    HIDDEN_FIELDS.forEach(wire::remove);
    return wire;
  }

  private static String key(String runId) {
    return runId == null ? null : runId.toLowerCase();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> snapshot(Map<String, Object> run) {
    return (Map<String, Object>) Json.mutableCopy(run);
  }
}
