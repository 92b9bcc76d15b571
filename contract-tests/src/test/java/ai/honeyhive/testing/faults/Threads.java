package ai.honeyhive.testing.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which threads a test left running: those started since a snapshot that are still alive and not daemons. */
final class Threads {
  private Threads() {}

  static Set<Thread> snapshot() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /**
   * Waits up to {@code timeout} for every non-daemon thread started since {@code before} to end, and returns the
   * names of those still alive. Daemon threads (OkHttp's shared TaskRunner, Okio's watchdog, idle pool threads) are
   * allowed to wind down in their own time: they never keep a JVM alive.
   */
  static List<String> nonDaemonLeftSince(Set<Thread> before, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> left = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
          .map(Thread::getName)
          .sorted()
          .collect(Collectors.toList());
      if (left.isEmpty() || System.nanoTime() > deadline) {
        return left;
      }
      Thread.sleep(20);
    }
  }
}
