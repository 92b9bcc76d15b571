package ai.honeyhive.opentelemetry.internal.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the sessions the exporter has started, so a trace exported in several batches starts its session once:
 * the most recently used {@code capacity} ids, the least recently used forgotten first. Forgetting only costs a
 * second session start, which HoneyHive merges (the start is idempotent on the session id). Thread-safe; one lock.
 */
public final class StartedSessions {
  private final int capacity;
  private final Map<UUID, Boolean> ids;

  /**
   * Remembers up to {@code capacity} session ids.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public StartedSessions(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, but was " + capacity);
    }
    this.capacity = capacity;
    this.ids = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
        return size() > StartedSessions.this.capacity;
      }
    };
  }

  /** Whether {@code sessionId} was started (and not forgotten since); counts as a use. */
  public boolean contains(UUID sessionId) {
    synchronized (ids) {
      return ids.get(sessionId) != null;
    }
  }

  /** Remembers that {@code sessionId} was started. */
  public void add(UUID sessionId) {
    synchronized (ids) {
      ids.put(sessionId, Boolean.TRUE);
    }
  }

  /** How many ids are remembered now. */
  public int size() {
    synchronized (ids) {
      return ids.size();
    }
  }

  /** The most ids remembered. */
  public int capacity() {
    return capacity;
  }
}
