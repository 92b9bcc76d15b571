package ai.honeyhive.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One workload against one faulty server: starts the server and a client, then closes both, checks that no thread
 * was left running and that every request the client sent conformed to the spec, and tallies the {@link Outcome}.
 */
final class FaultRun {
  private static final Duration THREAD_WIND_DOWN = Duration.ofSeconds(5);

  private final Set<Thread> threadsBefore = Threads.snapshot();
  final HoneyHiveTestServer server;
  final HoneyHive hh;

  private FaultRun(FaultPlan plan, UnaryOperator<HoneyHive.Builder> client) {
    this.server = HoneyHiveTestServer.builder().faults(plan).start();
    // Synchronous unless the test says otherwise: the suite asserts what each call throws.
    this.hh = client.apply(server.clientBuilder().deliveryMode(DeliveryMode.SYNCHRONOUS)).build();
  }

  /**
   * Starts a server with {@code plan} and a synchronous client from its {@link HoneyHiveTestServer#clientBuilder()},
   * changed by {@code client}.
   */
  static FaultRun start(FaultPlan plan, UnaryOperator<HoneyHive.Builder> client) {
    return new FaultRun(plan, client);
  }

  /** Closes the run and tallies an ergonomic workload, whose events are found by their {@code inputs.n}. */
  Outcome finish(String fault, EventWorkload workload) throws InterruptedException {
    int threadsLeft = close();
    return Outcome.tally(fault, server, workload.attempted, workload.logged, workload.failed.keySet(),
        FaultRun::marker, Set.of("createEvent"), threadsLeft);
  }

  /** Closes the run and tallies a batch workload on {@code operationId}, whose events are found by id. */
  Outcome finish(String fault, BatchWorkload workload, String operationId) throws InterruptedException {
    int threadsLeft = close();
    return Outcome.tally(fault, server, workload.attempted, workload.confirmed, workload.failed,
        event -> event.isSession() ? null : event.eventId(), Set.of(operationId), threadsLeft);
  }

  private int close() throws InterruptedException {
    hh.close();
    server.close();
    List<String> left = Threads.nonDaemonLeftSince(threadsBefore, THREAD_WIND_DOWN);
    assertThat(left).as("non-daemon threads still running %s after close()", THREAD_WIND_DOWN).isEmpty();
    assertThat(server.validationErrors()).as("every request conformed to the spec, faults or not").isEmpty();
    return left.size();
  }

  private static String marker(StoredEvent event) {
    return event.isSession() ? null : (String) event.inputs().get("n");
  }
}
