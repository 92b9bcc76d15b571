package ai.honeyhive.opentelemetry.internal.bridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The last sessions the client started with a trace's id, so the exporter does not start them a second time (which
 * HoneyHive would merge, but which costs a request and may rename the session). Thread-safe; bounded, least recently
 * added forgotten first.
 */
final class ClientSessions {
  static final int CAPACITY = 10_000;

  private final Map<UUID, Boolean> ids = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized void add(UUID sessionId) {
    ids.put(sessionId, Boolean.TRUE);
  }

  synchronized boolean contains(UUID sessionId) {
    return ids.containsKey(sessionId);
  }
}
