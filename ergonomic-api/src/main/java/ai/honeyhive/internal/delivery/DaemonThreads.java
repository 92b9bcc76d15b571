package ai.honeyhive.internal.delivery;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the client's threads ({@code honeyhive-async-1}, ...) and makes them daemons, so they never keep a JVM up. */
public final class DaemonThreads implements ThreadFactory {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  public DaemonThreads(String name) {
    this.prefix = name + "-" + POOLS.incrementAndGet() + "-";
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
