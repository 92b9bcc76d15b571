package ai.honeyhive.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.InternalServerException;
import ai.honeyhive.errors.RateLimitException;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.FaultSchedule;
import ai.honeyhive.testing.ServerFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The synchronous client under each fault the test server injects: 200 events across 10 sessions, two retries,
 * retries without waiting. For every fault, each event ends either stored exactly once by {@code event_id} (with
 * the id {@code log()} returned) or reported as failed with the typed exception for the fault, and the numbers add
 * up exactly; no thread is left running after {@code close()}. Each test prints its line of the table, and the whole
 * table prints at the end:
 *
 * <pre>
 * fault=server-error-503 attempted=200 stored=194 duplicates=0 failed=6 ambiguous=0 requests=277 retries=77 ...
 * </pre>
 *
 * {@code duplicates} counts extra deliveries of events the server had already stored (a retry after a fault that
 * struck after storing): the store still holds each event once. {@code ambiguous} counts events reported as failed
 * that the server stored all the same: the client cannot tell them apart from lost ones, and sending them again is
 * safe because the ids are the client's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {
  private static final int SESSIONS = 10;
  private static final int EVENTS_PER_SESSION = 20;
  private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());
  /** The client's read timeout in the slow-response runs, and the server's delay: well apart, for busy machines. */
  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
  private static final ServerFault SLOW = ServerFault.slowResponse(Duration.ofMillis(700));

  @AfterAll
  static void printTheTable() {
    System.out.println("Fault suite: " + SESSIONS * EVENTS_PER_SESSION + " events per fault, maxRetries 2");
    TABLE.forEach(line -> System.out.println("  " + line));
  }

  @Test
  @Order(1)
  void serverErrorsAreRetriedAndThoseThatOutlastTheRetriesThrowInternalServerException() throws Exception {
    FaultRun run = FaultRun.start(onCreateEvent(ServerFault.serverError(503), FaultSchedule.random(0.35, 11)),
        client -> client.maxRetries(2));
    EventWorkload workload = EventWorkload.run(run.hh, SESSIONS, EVENTS_PER_SESSION);
    Outcome outcome = report(run.finish("server-error-503", workload));

    assertThat(workload.failed.values()).isNotEmpty().allSatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(InternalServerException.class, error -> {
          assertThat(error.statusCode()).isEqualTo(503);
          assertThat(error.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        }));
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.duplicates()).isZero();
  }

  @Test
  @Order(2)
  void rateLimitsAreRetriedAfterTheServersRetryAfterAndThoseThatOutlastTheRetriesThrowRateLimitException()
      throws Exception {
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    FaultRun run = FaultRun.start(
        onCreateEvent(ServerFault.rateLimited(Duration.ofSeconds(1)), FaultSchedule.random(0.35, 12)),
        client -> client.maxRetries(2).sleeper(waits::add));
    EventWorkload workload = EventWorkload.run(run.hh, SESSIONS, EVENTS_PER_SESSION);
    Outcome outcome = report(run.finish("rate-limited", workload));

    assertThat(workload.failed.values()).isNotEmpty().allSatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(RateLimitException.class, error -> {
          assertThat(error.statusCode()).isEqualTo(429);
          assertThat(error.retryAfter()).hasValue(Duration.ofSeconds(1));
        }));
    assertThat(waits).as("every retry waited what Retry-After asked").hasSize(outcome.retries())
        .containsOnly(Duration.ofSeconds(1));
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.duplicates()).isZero();
  }

  @Test
  @Order(3)
  void connectionResetsAreRetriedAndThoseThatOutlastTheRetriesThrowAConnectionExceptionThatIsNoTimeout()
      throws Exception {
    FaultRun run = FaultRun.start(onCreateEvent(ServerFault.connectionReset(), FaultSchedule.random(0.6, 13)),
        client -> client.maxRetries(2));
    EventWorkload workload = EventWorkload.run(run.hh, SESSIONS, EVENTS_PER_SESSION);
    Outcome outcome = report(run.finish("connection-reset", workload));

    assertThat(workload.failed.values()).isNotEmpty().allSatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(HoneyHiveConnectionException.class, error -> {
          assertThat(error.isTimeout()).isFalse();
          assertThat(error).hasMessageStartingWith("POST /v1/events failed after 2 retries");
        }));
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.duplicates()).isZero();
  }

  @Test
  @Order(4)
  void aResetAfterStoringMakesTheRetryADuplicateDeliveryThatTheStoreKeepsOnce() throws Exception {
    FaultRun run = FaultRun.start(
        onCreateEvent(ServerFault.connectionResetAfterStoring(), FaultSchedule.everyNth(4)),
        client -> client.maxRetries(2));
    EventWorkload workload = EventWorkload.run(run.hh, SESSIONS, EVENTS_PER_SESSION);
    Outcome outcome = report(run.finish("connection-reset-after-storing", workload));

    assertThat(workload.failed).isEmpty();
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.duplicates()).as("one extra delivery per reset").isEqualTo(outcome.injected());
  }

  @Test
  @Order(5)
  void aResetAfterStoringThatOutlastsTheRetriesIsReportedAsFailedThoughTheEventWasStored() throws Exception {
    FaultRun run = FaultRun.start(
        onCreateEvent(ServerFault.connectionResetAfterStoring(), FaultSchedule.always()),
        client -> client.maxRetries(2));
    EventWorkload workload = EventWorkload.run(run.hh, 1, 1);
    Outcome outcome = report(run.finish("connection-reset-after-storing (every attempt)", workload));

    assertThat(workload.failed.values()).singleElement().isInstanceOfSatisfying(HoneyHiveConnectionException.class,
        error -> assertThat(error.isTimeout()).isFalse());
    assertThat(outcome.stored()).as("stored once").isEqualTo(1);
    assertThat(outcome.ambiguous()).isEqualTo(1);
    assertThat(outcome.duplicates()).isEqualTo(outcome.requests() - 1);
  }

  @Test
  @Order(6)
  void aResponseSlowerThanTheReadTimeoutIsRetriedAndTheStoreKeepsTheEventOnce() throws Exception {
    FaultRun run = FaultRun.start(onCreateEvent(SLOW, FaultSchedule.everyNth(25)),
        client -> client.maxRetries(2).readTimeout(READ_TIMEOUT));
    EventWorkload workload = EventWorkload.run(run.hh, SESSIONS, EVENTS_PER_SESSION);
    Outcome outcome = report(run.finish("slow-response", workload));

    assertThat(workload.failed).isEmpty();
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.retries()).as("every slow answer was retried (a busy machine may add a timeout)")
        .isGreaterThanOrEqualTo(outcome.injected());
    assertThat(outcome.duplicates()).as("every retry delivered an event the server had stored")
        .isEqualTo(outcome.retries());
  }

  @Test
  @Order(7)
  void aResponseSlowerThanTheReadTimeoutOnEveryAttemptThrowsAConnectionExceptionThatIsATimeout()
      throws Exception {
    FaultRun run = FaultRun.start(onCreateEvent(SLOW, FaultSchedule.always()),
        client -> client.maxRetries(2).readTimeout(READ_TIMEOUT));
    EventWorkload workload = EventWorkload.run(run.hh, 1, 1);
    Outcome outcome = report(run.finish("slow-response (every attempt)", workload));

    assertThat(workload.failed.values()).singleElement().isInstanceOfSatisfying(HoneyHiveConnectionException.class,
        error -> {
          assertThat(error.isTimeout()).isTrue();
          assertThat(error).hasMessageStartingWith("POST /v1/events failed after 2 retries");
        });
    assertThat(outcome.stored()).isEqualTo(1);
    assertThat(outcome.ambiguous()).isEqualTo(1);
    assertThat(outcome.duplicates()).isEqualTo(2);
  }

  @Test
  @Order(8)
  void aPartialLegacyBatchFailureReportsWhichEventsWereStoredSoOnlyTheRestAreSentAgain() throws Exception {
    FaultPlan partial = FaultPlan.builder(ServerFault.partialBatchFailure()).operations("createEventBatchLegacy")
        .build();
    FaultRun run = FaultRun.start(partial, client -> client.maxRetries(2));
    BatchWorkload workload = BatchWorkload.legacy(run.hh, SESSIONS, EVENTS_PER_SESSION, 3);
    Outcome outcome = report(run.finish("partial-batch (legacy /events/batch, every request)", workload,
        "createEventBatchLegacy"));

    assertThat(workload.statuses).as("three rounds per batch, each a partial failure").hasSize(3 * SESSIONS)
        .containsOnly(500);
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.stored()).as("per batch 10 + 5 + 2 of 20 events").isEqualTo(17 * SESSIONS);
    assertThat(outcome.failed()).isEqualTo(3 * SESSIONS);
  }

  @Test
  @Order(9)
  void aPartialCurrentBatchFailureIsRecoveredByResendingTheWholeBatchWithTheSameIds() throws Exception {
    FaultPlan partial = FaultPlan.builder(ServerFault.partialBatchFailure())
        .schedule(FaultSchedule.everyNth(2)).operations("createEventBatch").build();
    FaultRun run = FaultRun.start(partial, client -> client.maxRetries(2));
    BatchWorkload workload = BatchWorkload.current(run.hh, SESSIONS, EVENTS_PER_SESSION);
    Outcome outcome = report(run.finish("partial-batch (/v1/events/batch)", workload, "createEventBatch"));

    assertThat(workload.statuses).containsOnly(200);
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.duplicates()).isEqualTo(outcome.injected() * EVENTS_PER_SESSION / 2);
  }

  @Test
  @Order(10)
  void htmlErrorPagesAreRetriedAndThoseThatOutlastTheRetriesThrowInternalServerExceptionWithTheirGist()
      throws Exception {
    FaultRun run = FaultRun.start(onCreateEvent(ServerFault.badGatewayHtml(), FaultSchedule.random(0.35, 14)),
        client -> client.maxRetries(2));
    EventWorkload workload = EventWorkload.run(run.hh, SESSIONS, EVENTS_PER_SESSION);
    Outcome outcome = report(run.finish("html-502", workload));

    assertThat(workload.failed.values()).isNotEmpty().allSatisfy(e -> assertThat(e)
        .isInstanceOfSatisfying(InternalServerException.class, error -> {
          assertThat(error.statusCode()).isEqualTo(502);
          assertThat(error.errorCode()).isNull();
          assertThat(error.serverMessage()).startsWith("non-JSON response: 502 Bad Gateway");
        }));
    assertExactlyOnceWithNothingAmbiguous(outcome);
    assertThat(outcome.duplicates()).isZero();
  }

  private static FaultPlan onCreateEvent(ServerFault fault, FaultSchedule schedule) {
    return FaultPlan.builder(fault).schedule(schedule).operations("createEvent").build();
  }

  private static void assertExactlyOnceWithNothingAmbiguous(Outcome outcome) {
    assertThat(outcome.ambiguous()).as("events reported failed yet stored").isZero();
    assertThat(outcome.stored() + outcome.failed()).as("stored + failed == attempted")
        .isEqualTo(outcome.attempted());
    assertThat(outcome.threadsLeft()).isZero();
  }

  private static Outcome report(Outcome outcome) {
    System.out.println(outcome.line());
    TABLE.add(outcome.line());
    return outcome;
  }
}
