package ai.honeyhive.spring.boot;

import ai.honeyhive.DeliveryStats;
import ai.honeyhive.DropReason;
import ai.honeyhive.HoneyHive;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * Exposes {@link HoneyHive#stats()} as meters: gauges {@code honeyhive.delivery.queued} and
 * {@code honeyhive.delivery.in_flight}; counters {@code honeyhive.delivery.sent}, {@code .failed}, {@code .retried}
 * and {@code .dropped}, the last tagged {@code reason} (one of {@link DropReason}, lower case) when the client is
 * the auto-configured one, untagged otherwise. Values are read from the client at each scrape.
 */
public final class HoneyHiveMetrics implements MeterBinder {
  private final HoneyHive client;
  private final DropCounts drops;

  /**
   * Creates the binder.
   *
   * @param client the client whose statistics to expose
   * @param drops drop counts by reason, or null for one untagged {@code dropped} counter
   */
  public HoneyHiveMetrics(HoneyHive client, DropCounts drops) {
    this.client = client;
    this.drops = drops;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "queued", "Writes waiting in the delivery queue", DeliveryStats::queued);
    gauge(registry, "in_flight", "Writes being sent now", DeliveryStats::inFlight);
    counter(registry, "sent", "Writes delivered", DeliveryStats::sent);
    counter(registry, "failed", "Writes that failed for good", DeliveryStats::failed);
    counter(registry, "retried", "Requests retried", DeliveryStats::retried);
    if (drops == null) {
      counter(registry, "dropped", "Writes dropped", DeliveryStats::dropped);
    } else {
      for (DropReason reason : DropReason.values()) {
        FunctionCounter.builder("honeyhive.delivery.dropped", drops, d -> d.dropped(reason))
            .description("Writes dropped")
            .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
            .register(registry);
      }
    }
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<DeliveryStats> f) {
    Gauge.builder("honeyhive.delivery." + name, client, c -> f.applyAsDouble(c.stats()))
        .description(description)
        .register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<DeliveryStats> f) {
    FunctionCounter.builder("honeyhive.delivery." + name, client, c -> f.applyAsDouble(c.stats()))
        .description(description)
        .register(registry);
  }
}
