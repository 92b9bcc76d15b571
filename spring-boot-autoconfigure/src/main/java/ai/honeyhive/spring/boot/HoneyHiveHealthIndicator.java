package ai.honeyhive.spring.boot;

import ai.honeyhive.DeliveryStats;
import ai.honeyhive.HoneyHive;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the HoneyHive delivery: {@code UP}, or {@code DEGRADED} when writes failed or were dropped since the
 * previous check (the first check compares with zero). Tracing failures must not take the application out of a
 * load balancer, so it is never {@code DOWN}; Boot answers it with HTTP 200. Add {@code DEGRADED} to
 * {@code management.endpoint.health.status.order} to rank it. Details: the delivery counters and the type of the
 * last error, never its message (nor, of course, the API key).
 */
public final class HoneyHiveHealthIndicator implements HealthIndicator {
  /** The status while deliveries fail. */
  public static final Status DEGRADED = new Status("DEGRADED", "HoneyHive deliveries are failing");

  private final HoneyHive client;
  private long lastFailed;
  private long lastDropped;

  /**
   * Creates the indicator.
   *
   * @param client the client to report on
   */
  public HoneyHiveHealthIndicator(HoneyHive client) {
    this.client = client;
  }

  @Override
  public synchronized Health health() {
    DeliveryStats stats = client.stats();
    boolean failing = stats.failed() > lastFailed || stats.dropped() > lastDropped;
    lastFailed = stats.failed();
    lastDropped = stats.dropped();
    Health.Builder health = failing ? Health.status(DEGRADED) : Health.up();
    health.withDetail("queued", stats.queued())
        .withDetail("inFlight", stats.inFlight())
        .withDetail("sent", stats.sent())
        .withDetail("failed", stats.failed())
        .withDetail("dropped", stats.dropped())
        .withDetail("retried", stats.retried());
    stats.lastError().ifPresent(e -> health.withDetail("lastError", e.getClass().getSimpleName()));
    return health.build();
  }
}
