package ai.honeyhive.spring.boot;

import ai.honeyhive.HoneyHive;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@link HoneyHiveHealthIndicator} for Spring Boot 3, whose health API is {@code org.springframework.boot.actuate.health}
 * (artifact {@code spring-boot-actuator}): the same status ({@code UP}, or {@code DEGRADED} when writes failed or were
 * dropped since the previous check; never {@code DOWN}) and the same details (the delivery counters and the type of
 * the last error, never its message nor the API key).
 */
public final class HoneyHiveBoot3HealthIndicator implements HealthIndicator {
  /** The status while deliveries fail. */
  public static final Status DEGRADED = new Status(DeliveryHealth.DEGRADED, DeliveryHealth.DEGRADED_DESCRIPTION);

  private final DeliveryHealth delivery;

  /**
   * Creates the indicator.
   *
   * @param client the client to report on
   */
  public HoneyHiveBoot3HealthIndicator(HoneyHive client) {
    this.delivery = new DeliveryHealth(client);
  }

  @Override
  public Health health() {
    DeliveryHealth.Check check = delivery.check();
    Health.Builder health = check.degraded() ? Health.status(DEGRADED) : Health.up();
    return health.withDetails(check.details()).build();
  }
}
