package ai.honeyhive.spring.boot;

import ai.honeyhive.DeliveryStats;
import ai.honeyhive.HoneyHive;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What both health indicators ({@link HoneyHiveHealthIndicator} on Spring Boot 4,
 * {@link HoneyHiveBoot3HealthIndicator} on Spring Boot 3) report, computed once here from {@link HoneyHive#stats()}:
 * degraded when writes failed or were dropped since the previous check (the first check compares with zero), and
 * the details: the delivery counters and the type of the last error, never its message (nor the API key).
 */
final class DeliveryHealth {
  /** The code of the status while deliveries fail. */
  static final String DEGRADED = "DEGRADED";
  /** Its description. */
  static final String DEGRADED_DESCRIPTION = "HoneyHive deliveries are failing";

  private final HoneyHive client;
  private final Object lock = new Object();
  private long lastFailed;
  private long lastDropped;

  DeliveryHealth(HoneyHive client) {
    this.client = client;
  }

  /** Reads the client's statistics and compares them with the previous check's. */
  Check check() {
    DeliveryStats stats;
    boolean degraded;
    synchronized (lock) {
      stats = client.stats();
      degraded = stats.failed() > lastFailed || stats.dropped() > lastDropped;
      lastFailed = stats.failed();
      lastDropped = stats.dropped();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("queued", stats.queued());
    details.put("inFlight", stats.inFlight());
    details.put("sent", stats.sent());
    details.put("failed", stats.failed());
    details.put("dropped", stats.dropped());
    details.put("retried", stats.retried());
    stats.lastError().ifPresent(e -> details.put("lastError", e.getClass().getSimpleName()));
    return new Check(degraded, Collections.unmodifiableMap(details));
  }

  /**
   * One check's outcome.
   *
   * @param degraded whether writes failed or were dropped since the previous check
   * @param details the details to report, in order
   */
  record Check(boolean degraded, Map<String, Object> details) {
  }
}
