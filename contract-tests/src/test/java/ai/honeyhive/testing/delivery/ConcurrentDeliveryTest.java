package ai.honeyhive.testing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.QueueFullPolicy;
import ai.honeyhive.Session;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batched delivery under concurrency, against the spec-validating test server: every event logged by many threads
 * at once arrives exactly once, counted by event id, in requests that conform to the spec.
 */
class ConcurrentDeliveryTest {
  private static final int THREADS = 8;
  private static final int EVENTS_PER_THREAD = 10_000;

  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE = HoneyHiveTestServerExtension.builder()
      .client(client -> client
          .deliveryMode(DeliveryMode.BATCHED)
          .shutdownHook(false)
          .maxBatchSize(1000)
          .queueFullPolicy(QueueFullPolicy.BLOCK) // the writers outpace the exporter: wait instead of dropping
          .blockTimeout(Duration.ofSeconds(30)))
      .build();

  @Test
  void eightThreadsLoggingTenThousandEventsEachDeliverEveryEventExactlyOnce(HoneyHive hh, HoneyHiveTestServer server)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> logged = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<List<String>> writer = () -> {
          Session session = hh.session("worker-" + thread).start();
          List<String> ids = new ArrayList<>(EVENTS_PER_THREAD + 1);
          ids.add(session.sessionId());
          for (int i = 0; i < EVENTS_PER_THREAD; i++) {
            ids.add(session.tool("step").inputs(Map.of("thread", thread, "i", i)).log());
          }
          session.end();
          return ids;
        };
        logged.add(threads.submit(writer));
      }
      List<String> ids = new ArrayList<>();
      for (Future<List<String>> future : logged) {
        ids.addAll(future.get());
      }

      DeliveryReport report = hh.flush(Duration.ofSeconds(60));

      int writes = THREADS * (EVENTS_PER_THREAD + 2); // each thread: a session start, its events, the session end
      assertThat(report.pending()).isZero();
      assertThat(report.sent()).isEqualTo(writes);
      assertThat(report.failed()).isZero();
      assertThat(report.dropped()).isZero();
      assertThat(ids).hasSize(THREADS * (EVENTS_PER_THREAD + 1)).doesNotHaveDuplicates();
      for (String id : ids) {
        assertThat(server.deliveryCount(id)).as("deliveries of %s", id).isEqualTo(1);
      }
      assertThat(server.duplicateDeliveries()).isEmpty();
      assertThat(server.validationErrors()).isEmpty();
      for (int t = 0; t < THREADS; t++) {
        String sessionId = ids.get(t * (EVENTS_PER_THREAD + 1));
        assertThat(server.eventsInSession(sessionId)).hasSize(EVENTS_PER_THREAD + 1);
        assertThat(server.event(sessionId).orElseThrow().endTime()).isNotNull();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
