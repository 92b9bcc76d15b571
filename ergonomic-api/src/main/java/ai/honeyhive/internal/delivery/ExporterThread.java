package ai.honeyhive.internal.delivery;

import java.util.concurrent.locks.LockSupport;

/**
 * The exporter's thread as the other parts of {@link BatchDelivery} see it: which thread runs the exporter, whether it
 * is asleep, and how to wake it. Writers wake it when a batch is due, workers when a window ended, flushes when they
 * start waiting.
 *
 * <p>Holds no lock: {@link DeliveryLifecycle} attaches and detaches the thread under its own, so that close never
 * interrupts a thread that has left the exporter.
 */
final class ExporterThread {
  private volatile Thread thread;
  private volatile boolean sleeping;

  /** Records that {@code running} runs the exporter from now on. */
  void attach(Thread running) {
    thread = running;
  }

  /** Records that no thread runs the exporter any more. */
  void detach() {
    thread = null;
  }

  /** Returns the thread running the exporter, or null before it started and after it stopped. */
  Thread get() {
    return thread;
  }

  /** Whether the calling thread runs the exporter. */
  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /** Whether the exporter is asleep, or about to be: a writer that fills a batch then wakes it. */
  boolean isSleeping() {
    return sleeping;
  }

  /** Set by the exporter around its sleep. */
  void setSleeping(boolean asleep) {
    sleeping = asleep;
  }

  /** Wakes the exporter if it sleeps, or makes its next sleep return at once. */
  void wake() {
    Thread running = thread;
    if (running != null) {
      LockSupport.unpark(running);
    }
  }
}
