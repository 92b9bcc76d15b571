package ai.honeyhive.internal.delivery;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Keeps the exporter's loop running for the life of the client: if the loop throws anything, {@link Error}s
 * included, it is counted ({@link ai.honeyhive.DeliveryStats#exporterRestarts}), logged, and started again on the same thread after
 * a short pause, so delivery goes on instead of the queue filling until close drops it. The loop itself ends the
 * window it held (see {@link ExportLoop}), so nothing it took is left uncounted.
 */
public final class ExporterSupervisor {
  /** The pause before the first restart; it doubles up to {@link #MAX_PAUSE_NANOS} while the loop keeps failing. */
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private ExporterSupervisor() {}

  /**
   * Runs {@code loop} until it returns, restarting it whenever it throws, unless {@code stopped} says the client is
   * stopping: then the failure is logged and this returns.
   */
  public static void run(Runnable loop, BooleanSupplier stopped, DeliveryCounters counters) {
    long pause = FIRST_PAUSE_NANOS;
    while (true) {
      try {
        loop.run();
        return;
      } catch (Throwable t) {
        if (stopped.getAsBoolean()) {
          DeliveryCounters.log.error("the HoneyHive exporter failed while stopping", t);
          return;
        }
        counters.exporterRestarts.increment();
        long restarts = counters.exporterRestarts.sum();
        if (restarts == 1) {
          DeliveryCounters.log.error("the HoneyHive exporter failed and was restarted", t);
        } else {
          DeliveryCounters.log.error("the HoneyHive exporter failed and was restarted ({} restarts): {}", restarts,
              String.valueOf(t));
        }
        // Parks, not sleeps: an interrupt (close abandoning the exporter) stays set for the loop to see.
        long deadline = System.nanoTime() + pause;
        for (long left = pause; left > 0 && !stopped.getAsBoolean() && !Thread.currentThread().isInterrupted();
            left = deadline - System.nanoTime()) {
          LockSupport.parkNanos(left);
        }
        pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
      }
    }
  }
}
