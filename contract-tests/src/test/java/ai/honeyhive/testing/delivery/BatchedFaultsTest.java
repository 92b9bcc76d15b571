package ai.honeyhive.testing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.FaultSchedule;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordingListener;
import ai.honeyhive.testing.ServerFault;
import ai.honeyhive.testing.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The default mode (batched, four requests in flight) against a server that fails a third of the write requests:
 * whatever the fault, every write ends exactly once as sent, failed or dropped, the counts add up to what was
 * written, an event reported failed was not stored, and one not reported was stored exactly once.
 */
class BatchedFaultsTest {
  private static final int THREADS = 4;
  private static final int SESSIONS_PER_THREAD = 5;
  private static final int EVENTS_PER_SESSION = 40;

  enum Fault {
    SERVER_ERROR(ServerFault.serverError(503), false),
    RATE_LIMITED(ServerFault.rateLimited(Duration.ofSeconds(1)), false),
    CONNECTION_RESET(ServerFault.connectionReset(), false),
    RESET_AFTER_STORING(ServerFault.connectionResetAfterStoring(), true),
    HTML_BAD_GATEWAY(ServerFault.badGatewayHtml(), false);

    final ServerFault fault;
    /** Whether a write can be stored although its request failed, so a retry delivers it twice. */
    final boolean storesBeforeFailing;

    Fault(ServerFault fault, boolean storesBeforeFailing) {
      this.fault = fault;
      this.storesBeforeFailing = storesBeforeFailing;
    }
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void everyWriteEndsExactlyOnceAndTheCountsAddUp(Fault fault) throws Exception {
    RecordingListener listener = new RecordingListener();
    Set<String> failed = listener.failed;
    Set<String> dropped = listener.dropped;
    FaultPlan plan = FaultPlan.builder(fault.fault)
        .schedule(FaultSchedule.random(0.35, fault.ordinal()))
        .operations("createSession", "createSessionEventBatch", "createEventBatch", "updateEvent")
        .build();
    List<String> events = new ArrayList<>();
    DeliveryReport report;
    try (HoneyHiveTestServer server = HoneyHiveTestServer.builder().faults(plan).start()) {
      try (HoneyHive hh = server.clientBuilder()
          .deliveryMode(DeliveryMode.BATCHED)
          .shutdownHook(false)
          .maxBatchSize(50)
          .maxRetries(2)
          .sleeper(duration -> { }) // retry at once: the schedule, not the clock, decides what fails
          .deliveryListener(listener)
          .build()) {
        events.addAll(logFromThreads(hh));
        report = hh.flush(Duration.ofSeconds(60));
      }

      int writes = THREADS * SESSIONS_PER_THREAD * (EVENTS_PER_SESSION + 2); // start, events, end
      assertThat(report.pending()).isZero();
      assertThat(report.sent() + report.failed() + report.dropped()).isEqualTo(writes);
      assertThat(report.dropped()).isZero();
      assertThat(dropped).isEmpty();
      assertThat(report.failed()).as("failures reported to the listener").isPositive();
      assertThat(server.injectedFaults()).isNotEmpty();

      Map<String, Long> stored = server.events().stream().filter(event -> !event.isSession())
          .collect(Collectors.groupingBy(StoredEvent::eventId, Collectors.counting()));
      for (String id : events) {
        if (failed.contains(id)) {
          if (!fault.storesBeforeFailing) {
            assertThat(server.deliveryCount(id)).as("deliveries of %s, reported failed", id).isZero();
          }
        } else {
          assertThat(stored.get(id)).as("copies stored of %s", id).isEqualTo(1);
          if (!fault.storesBeforeFailing) {
            assertThat(server.deliveryCount(id)).as("deliveries of %s", id).isEqualTo(1);
          }
        }
      }
      assertThat(server.validationErrors()).isEmpty();
      System.out.printf("batched under %s: %d writes, %d sent, %d failed, %d dropped, %d faults injected%n", fault,
          writes, report.sent(), report.failed(), report.dropped(), server.injectedFaults().size());
    }
  }

  /** Logs from several threads at once, each its sessions and their events; returns the events' ids. */
  private static List<String> logFromThreads(HoneyHive hh) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> logged = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        logged.add(threads.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int s = 0; s < SESSIONS_PER_THREAD; s++) {
            Session session = hh.session("faulty-" + thread + "-" + s).start();
            for (int i = 0; i < EVENTS_PER_SESSION; i++) {
              ids.add(session.tool("step").inputs(Map.of("thread", thread, "i", i)).log());
            }
            session.end();
          }
          return ids;
        }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<List<String>> future : logged) {
        ids.addAll(future.get());
      }
      return ids;
    } finally {
      threads.shutdownNow();
    }
  }
}
