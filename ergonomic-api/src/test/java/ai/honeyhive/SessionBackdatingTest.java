package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.internal.delivery.DeliveryCounters;
import ai.honeyhive.internal.delivery.SyncDelivery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** A session started with a past {@code startTime} and a known {@code endTime}: what its start and end send. */
class SessionBackdatingTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant T0 = Instant.parse("2024-11-21T08:00:00.250Z");
  private static final Instant T1 = Instant.parse("2024-11-21T08:03:20.750Z");

  private final RecordingGateway gateway = new RecordingGateway();
  private final Executor direct = Runnable::run;
  private final Client client = new Client(gateway, new SyncDelivery(gateway, new DeliveryCounters(null), direct),
      TimeSource.of(Clock.fixed(NOW, ZoneOffset.UTC)), "test", direct);

  private SessionStartRequest started() {
    assertThat(gateway.startedSessions()).hasSize(1);
    return gateway.startedSessions().get(0);
  }

  @Test
  void startSendsTheGivenStartTimeInsteadOfNow() {
    new SessionBuilder(client, "chat").startTime(T0).start();

    assertThat(started().getStartTime().longValue()).isEqualTo(T0.toEpochMilli());
    assertThat(started().getEndTime()).isNull();
  }

  @Test
  void startWithAKnownEndSendsTheEndAndTheDuration() {
    new SessionBuilder(client, "chat").startTime(T0).endTime(T1).start();

    assertThat(started().getEndTime().longValue()).isEqualTo(T1.toEpochMilli());
    assertThat(started().getDuration().doubleValue()).isEqualTo(200_500.0);
  }

  @Test
  void endOfABackdatedSessionSendsItsEndTimeAndTheDurationBetween() {
    new SessionBuilder(client, "chat").startTime(T0).endTime(T1).start().end();

    RecordingGateway.Update end = gateway.updates().get(0);
    assertThat(end.update().getEndTime().longValue()).isEqualTo(T1.toEpochMilli());
    assertThat(end.update().getDuration().doubleValue()).isEqualTo(200_500.0);
  }

  @Test
  void endOfASessionBackdatedOnlyAtItsStartEndsNow() {
    new SessionBuilder(client, "chat").startTime(T0).start().end();

    RecordingGateway.Update end = gateway.updates().get(0);
    assertThat(end.update().getEndTime().longValue()).isEqualTo(NOW.toEpochMilli());
    assertThat(end.update().getDuration().doubleValue())
        .isEqualTo((double) (NOW.toEpochMilli() - T0.toEpochMilli()));
  }

  @Test
  void anEndBeforeTheStartIsRefusedNamingBothAndNothingIsSent() {
    SessionBuilder builder = new SessionBuilder(client, "chat").startTime(T1).endTime(T0);

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endTime (" + T0 + ")")
        .hasMessageContaining("startTime (" + T1 + ")");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void anEndBeforeNowIsRefusedWhenNoStartIsGiven() {
    SessionBuilder builder = new SessionBuilder(client, "chat").endTime(T0);

    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endTime")
        .hasMessageContaining("now");
  }

  @Test
  void nullTimesAreRefusedNamingTheArgument() {
    SessionBuilder builder = new SessionBuilder(client, "chat");

    assertThatThrownBy(() -> builder.startTime(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("startTime");
    assertThatThrownBy(() -> builder.endTime(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("endTime");
  }
}
