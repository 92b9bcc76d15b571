package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventUpdateTest {
  private static final String EVENT_ID = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";
  private static final String CHILD_1 = "11111111-2222-4333-8444-555555555555";
  private static final String CHILD_2 = "99999999-8888-4777-8666-555555555555";

  private final RecordingGateway gateway = new RecordingGateway();
  private final EventUpdate update = new EventUpdate(gateway, EVENT_ID);

  private ai.honeyhive.client.model.EventUpdate sent() {
    assertThat(gateway.updates()).hasSize(1);
    return gateway.updates().get(0).update();
  }

  @Test
  void sendMakesOneUpdateCallForTheEvent() {
    update.metadata(Map.of("reviewed", true)).send();

    assertThat(gateway.calls()).hasSize(1);
    assertThat(gateway.updates().get(0).eventId()).isEqualTo(EVENT_ID);
  }

  @Test
  void sendsTheMergedMapsUnderTheirWireFields() {
    update
        .metadata(Map.of("cost", 0.02))
        .feedback(Map.of("rating", 5))
        .metrics(Map.of("accuracy", 0.9))
        .config(Map.of("temperature", 0.2))
        .userProperties(Map.of("user_id", "u-42"))
        .send();

    ai.honeyhive.client.model.EventUpdate wire = sent();
    assertThat(wire.getMetadata()).containsExactly(Map.entry("cost", 0.02));
    assertThat(wire.getFeedback()).containsExactly(Map.entry("rating", 5));
    assertThat(wire.getMetrics()).containsExactly(Map.entry("accuracy", 0.9));
    assertThat(wire.getConfig()).containsExactly(Map.entry("temperature", 0.2));
    assertThat(wire.getUserProperties()).containsExactly(Map.entry("user_id", "u-42"));
  }

  @Test
  void sendsTheReplacingOutputs() {
    update.outputs(Map.of("content", "hello")).send();

    assertThat(sent().getOutputs()).containsExactly(Map.entry("content", "hello"));
  }

  @Test
  void sendsTheDurationInFractionalMilliseconds() {
    update.duration(Duration.ofNanos(12_500_000)).send();

    assertThat(sent().getDuration()).isEqualTo(12.5);
  }

  @Test
  void sendsTheEndTimeInEpochMilliseconds() {
    update.endTime(Instant.parse("2024-11-21T00:00:00.250Z")).send();

    assertThat(sent().getEndTime()).isEqualTo(1_732_147_200_250L);
  }

  @Test
  void sendsTheChildrenIdsAsTheyWereGiven() {
    update.childrenIds(List.of(CHILD_1, CHILD_2, "otel-00f067aa0ba902b7")).send();

    assertThat(sent().getChildrenIds()).containsExactly(CHILD_1, CHILD_2, "otel-00f067aa0ba902b7");
  }

  @Test
  void sendsOnlyTheFieldsThatWereSet() {
    update.feedback(Map.of("rating", 5)).send();

    assertThat(sent()).isEqualTo(new ai.honeyhive.client.model.EventUpdate().feedback(Map.of("rating", 5)));
  }

  @Test
  void callingAMapSetterAgainAddsToTheEarlierEntries() {
    update.metadata(Map.of("a", 1, "b", 1)).metadata(Map.of("b", 2)).send();

    assertThat(sent().getMetadata()).containsOnly(Map.entry("a", 1), Map.entry("b", 2));
  }

  @Test
  void laterChangesToTheCallersMapAreNotSent() {
    Map<String, Object> metadata = new HashMap<>(Map.of("a", 1));
    update.metadata(metadata);
    metadata.put("b", 2);
    update.send();

    assertThat(sent().getMetadata()).containsOnlyKeys("a");
  }

  @Test
  void toWireMapsAreMutableCopies() {
    update.metadata(Map.of("a", 1));
    update.toWire().getMetadata().put("b", 2);

    assertThat(update.toWire().getMetadata()).containsOnlyKeys("a");
  }

  @Test
  void sendWithNothingSetFailsAndSendsNothing() {
    assertThatThrownBy(update::send)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("nothing to update");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void apiFailuresPropagate() {
    NotFoundException failure = new NotFoundException("PUT /v1/events/" + EVENT_ID, 404, Map.of(), "not found", null);
    gateway.failNext(RecordingGateway.UPDATE_EVENT, failure);

    assertThatThrownBy(update.feedback(Map.of("rating", 1))::send).isSameAs(failure);
  }

  @Test
  void rejectsANullMapNamingTheField() {
    assertThatThrownBy(() -> update.metadata(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("metadata == null");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsANullOutputsNamingTheField() {
    assertThatThrownBy(() -> update.outputs(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("outputs == null");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsAnUnserializableValueNamingItsPath() {
    assertThatThrownBy(() -> update.metadata(Map.of("model", Optional.of("gpt-4o"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metadata.model cannot be written as JSON");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsABareObjectNamingItsPath() {
    assertThatThrownBy(() -> update.metadata(Map.of("handle", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metadata.handle");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsNaNInsideMetadataNamingItsPath() {
    assertThatThrownBy(() -> update.metadata(Map.of("usage", Map.of("cost", Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata.usage.cost must be a finite number, but was NaN");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsAnUnserializableUserPropertyNamingTheField() {
    assertThatThrownBy(() -> update.userProperties(Map.of("thread", Thread.currentThread())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("userProperties.thread");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void aRejectedValueLeavesNothingToSend() {
    assertThatThrownBy(() -> update.metrics(Map.of("score", Double.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThatThrownBy(update::send).isInstanceOf(IllegalStateException.class);
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsEmptyChildrenIds() {
    assertThatThrownBy(() -> update.childrenIds(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("childrenIds must not be empty");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsNullChildrenIds() {
    assertThatThrownBy(() -> update.childrenIds(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("childrenIds == null");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsABlankChildIdNamingItsIndex() {
    assertThatThrownBy(() -> update.childrenIds(List.of(CHILD_1, " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("childrenIds[1] must be a non-blank id");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsANullChildIdNamingItsIndex() {
    assertThatThrownBy(() -> update.childrenIds(Arrays.asList(CHILD_1, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("childrenIds[1] == null");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsANegativeDuration() {
    assertThatThrownBy(() -> update.duration(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duration must not be negative");
    assertThat(gateway.calls()).isEmpty();
  }

  @Test
  void rejectsANullDuration() {
    assertThatThrownBy(() -> update.duration(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("duration == null");
  }

  @Test
  void rejectsANullEndTime() {
    assertThatThrownBy(() -> update.endTime(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("endTime == null");
  }

  @Test
  void rejectsAnEndTimeBeyondEpochMilliseconds() {
    assertThatThrownBy(() -> update.endTime(Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("endTime is out of range");
    assertThat(gateway.calls()).isEmpty();
  }
}
