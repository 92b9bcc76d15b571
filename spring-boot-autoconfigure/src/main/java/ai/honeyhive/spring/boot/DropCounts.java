package ai.honeyhive.spring.boot;

import ai.honeyhive.DeliveryListener;
import ai.honeyhive.DropReason;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts dropped writes by {@link DropReason}, which {@link ai.honeyhive.DeliveryStats} only totals. The
 * auto-configured client reports to it (then to the application's own {@link DeliveryListener} beans); the metrics
 * read it. A client the application defines itself does not report here, and its drops are then one untagged total.
 */
public final class DropCounts {
  private final Map<DropReason, AtomicLong> counts = new EnumMap<>(DropReason.class);
  private final List<DeliveryListener> delegates;

  /**
   * Creates counts at zero that also pass every report on to {@code delegates}.
   *
   * @param delegates the application's listeners, in order
   */
  public DropCounts(List<DeliveryListener> delegates) {
    for (DropReason reason : DropReason.values()) {
      counts.put(reason, new AtomicLong());
    }
    this.delegates = List.copyOf(delegates);
  }

  /**
   * Returns how many writes were dropped for {@code reason} so far.
   *
   * @param reason the reason
   * @return the count
   */
  public long dropped(DropReason reason) {
    return counts.get(reason).get();
  }

  /** The listener to give the client's builder: counts, then tells the delegates. */
  DeliveryListener listener() {
    return new DeliveryListener() {
      @Override
      public void onFailed(List<String> ids, HoneyHiveException cause) {
        for (DeliveryListener delegate : delegates) {
          delegate.onFailed(ids, cause);
        }
      }

      @Override
      public void onDropped(List<String> ids, DropReason reason) {
        counts.get(reason).addAndGet(ids.size());
        for (DeliveryListener delegate : delegates) {
          delegate.onDropped(ids, reason);
        }
      }
    };
  }
}
