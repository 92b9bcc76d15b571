package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.InternalServerException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session in try-with-resources: closing ends it, once, and never throws. */
class SessionCloseTest {
  private final InMemoryClient hh = new InMemoryClient();

  @Test
  void tryWithResourcesEndsTheSessionWithItsChildren() {
    String sessionId;
    String chainId;
    try (Session session = hh.session()) {
      sessionId = session.sessionId();
      chainId = session.chain("answer").log();
    }

    assertThat(hh.gateway.updates()).singleElement().satisfies(end -> {
      assertThat(end.eventId()).isEqualTo(sessionId);
      assertThat(end.update().getEndTime()).isNotNull();
      assertThat(end.update().getDuration()).isNotNull();
      assertThat(end.update().getChildrenIds()).containsExactly(chainId);
    });
  }

  @Test
  void closingTwiceOrAfterEndSendsTheEndOnce() {
    Session closedTwice = hh.session();
    closedTwice.close();
    closedTwice.close();
    Session endedThenClosed = hh.session();
    endedThenClosed.end();
    endedThenClosed.close();

    assertThat(hh.gateway.updates()).extracting(RecordingGateway.Update::eventId)
        .containsExactly(closedTwice.sessionId(), endedThenClosed.sessionId());
  }

  @Test
  void endStillSendsEachTimeItIsCalled() {
    Session session = hh.session();
    session.end();
    session.end();

    assertThat(hh.gateway.updates()).hasSize(2);
  }

  @Test
  void inTheSynchronousModeAFailedEndIsLoggedByCloseButThrownByEnd() throws Exception {
    hh.gateway.failNext(RecordingGateway.UPDATE_EVENT, new InternalServerException("PUT /v1/events/x", 500, Map.of(), "down", null));
    Session closed = hh.session();

    String log = CapturedLog.during(() -> assertThatCode(closed::close).doesNotThrowAnyException());

    assertThat(log).contains("could not end session " + closed.sessionId());
    hh.gateway.failNext(RecordingGateway.UPDATE_EVENT, new InternalServerException("PUT /v1/events/x", 500, Map.of(), "down", null));
    Session ended = hh.session();
    assertThatThrownBy(ended::end).isInstanceOf(HoneyHiveException.class);
    ended.close(); // Ended already, though it failed: nothing more is sent.
    assertThat(hh.gateway.updates()).hasSize(2);
  }

  @Test
  void anExceptionLeavingTheBlockIsNotMaskedByTheEnd() {
    hh.gateway.failNext(RecordingGateway.UPDATE_EVENT, new InternalServerException("PUT /v1/events/x", 500, Map.of(), "down", null));
    IllegalStateException failure = new IllegalStateException("the block failed");

    assertThatThrownBy(() -> {
      try (Session session = hh.session()) {
        throw failure;
      }
    }).isSameAs(failure).satisfies(thrown -> assertThat(thrown.getSuppressed()).isEmpty());
  }

  @Test
  void inTheBatchedModeCloseQueuesTheEndAndNeverThrowsEvenOnAClosedClient() {
    try (MockHoneyHive mock = new MockHoneyHive()) {
      DeliverySink sink = new DeliverySink();
      mock.server.setDispatcher(sink);
      RecordingListener listener = new RecordingListener();
      HoneyHive client = mock.batchedClientBuilder().deliveryListener(listener).build();
      Session session = client.session("chat").start();
      try (Session inBlock = session) {
        inBlock.tool("search").inputs(Map.of("q", "x")).log();
      }
      assertThat(client.flush(Duration.ofSeconds(5)).isComplete()).isTrue();
      Session late = client.session("late").start();
      client.close();

      assertThatCode(late::close).doesNotThrowAnyException();
      assertThat(sink.requests()).anySatisfy(request -> {
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).endsWith(session.sessionId());
        assertThat(request.body()).containsKey("end_time");
      });
      assertThat(listener.droppedIds(DropReason.CLOSED)).contains(late.sessionId());
    }
  }
}
