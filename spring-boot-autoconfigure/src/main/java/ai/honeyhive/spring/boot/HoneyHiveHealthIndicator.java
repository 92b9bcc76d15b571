package ai.honeyhive.spring.boot;

import ai.honeyhive.HoneyHive;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the HoneyHive delivery on Spring Boot 4 (health API {@code org.springframework.boot.health.contributor},
 * module {@code spring-boot-health}): {@code UP}, or {@code DEGRADED} when writes failed or were dropped since the
 * previous check (the first check compares with zero). Tracing failures must not take the application out of a load
 * balancer, so it is never {@code DOWN}; Boot answers it with HTTP 200. Add {@code DEGRADED} to
 * {@code management.endpoint.health.status.order} to rank it. Details: the delivery counters and the type of the
 * last error, never its message (nor, of course, the API key). {@link HoneyHiveBoot3HealthIndicator} is the same on
 * Spring Boot 3.
 */
public final class HoneyHiveHealthIndicator implements HealthIndicator {
  /** The status while deliveries fail. */
  public static final Status DEGRADED = new Status(DeliveryHealth.DEGRADED, DeliveryHealth.DEGRADED_DESCRIPTION);

  private final DeliveryHealth delivery;

  /**
   * Creates the indicator.
   *
   * @param client the client to report on
   */
  public HoneyHiveHealthIndicator(HoneyHive client) {
    this.delivery = new DeliveryHealth(client);
  }

  @Override
  public Health health() {
    DeliveryHealth.Check check = delivery.check();
    Health.Builder health = check.degraded() ? Health.status(DEGRADED) : Health.up();
    return health.withDetails(check.details()).build();
  }
}
