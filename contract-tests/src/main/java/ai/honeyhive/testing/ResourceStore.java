package ai.honeyhive.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory collection of JSON objects by id, in creation order, for the resources that are plain records (charts,
 * annotation queues, configurations). Ids look like HoneyHive's (24 hex digits, as MongoDB object ids): the creation
 * second, then a counter shared by every store, so ids never repeat within one run. Objects are copied in and out.
 */
final class ResourceStore {
  private static final AtomicLong COUNTER = new AtomicLong();

  private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();

  /** A new id: 8 hex digits of the epoch second, 16 of a counter. */
  static String newId() {
    return String.format(Locale.ROOT, "%08x%016x", Instant.now().getEpochSecond(), COUNTER.incrementAndGet());
  }

  /** The current time as HoneyHive writes it in answers (ISO-8601, UTC). */
  static String now() {
    return Instant.now().toString();
  }

  /** Stores {@code record} under a new id, which it also puts first in the record as {@code id}; returns it. */
  synchronized Map<String, Object> create(Map<String, Object> record) {
    String id = newId();
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("id", id);
    record.forEach((name, value) -> {
      if (!"id".equals(name)) {
        stored.put(name, Json.mutableCopy(value));
      }
    });
    records.put(id, stored);
    return copy(stored);
  }

  /** A copy of the record with this id, or null. */
  synchronized Map<String, Object> get(String id) {
    Map<String, Object> stored = records.get(id);
    return stored == null ? null : copy(stored);
  }

  /** Copies of every record, in creation order. */
  synchronized List<Map<String, Object>> all() {
    List<Map<String, Object>> all = new ArrayList<>();
    records.values().forEach(record -> all.add(copy(record)));
    return all;
  }

  /**
   * Sets each field of {@code changes} on the record (a JSON null included), except {@code id}; returns a copy of
   * the result, or null when there is no such record.
   */
  synchronized Map<String, Object> merge(String id, Map<String, Object> changes) {
    Map<String, Object> stored = records.get(id);
    if (stored == null) {
      return null;
    }
    changes.forEach((name, value) -> {
      if (!"id".equals(name)) {
        stored.put(name, Json.mutableCopy(value));
      }
    });
    return copy(stored);
  }

  /** Removes the record; whether there was one. */
  synchronized boolean remove(String id) {
    return records.remove(id) != null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> record) {
    return (Map<String, Object>) Json.mutableCopy(record);
  }
}
