package ai.honeyhive;

import ai.honeyhive.client.model.EventRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTest {
  private static final String EVENT_ID = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";
  private static final String SESSION_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  private static final String PARENT_ID = "11111111-2222-4333-8444-555555555555";
  private static final String CHILD_ID = "99999999-8888-4777-8666-555555555555";

  private static EventRecord fullWireEvent() {
    return new EventRecord()
        .eventId(EVENT_ID)
        .sessionId(SESSION_ID)
        .parentId(PARENT_ID)
        .eventType(ai.honeyhive.client.model.EventType.MODEL)
        .eventName("gpt-4o")
        .source("production")
        .projectId("proj-1")
        .childrenIds(new ArrayList<>(List.of(CHILD_ID)))
        .config(new LinkedHashMap<>(Map.of("model", "gpt-4o")))
        .inputs(new LinkedHashMap<>(Map.of("question", "why?")))
        .outputs(new LinkedHashMap<>(Map.of("answer", "because")))
        .metadata(new LinkedHashMap<>(Map.of("prompt_tokens", 35)))
        .metrics(new LinkedHashMap<>(Map.of("score", 0.9)))
        .feedback(new LinkedHashMap<>(Map.of("rating", 5)))
        .userProperties(new LinkedHashMap<>(Map.of("user_id", "u-42")))
        .error("timeout")
        .startTime(1_732_147_200_000L)
        .endTime(1_732_147_200_250L)
        .duration(250.0);
  }

  @Test
  void mapsIdsNameSourceAndProjectFromTheWire() {
    Event event = Event.fromWire(fullWireEvent());

    assertThat(event.eventId()).isEqualTo(EVENT_ID);
    assertThat(event.sessionId()).isEqualTo(SESSION_ID);
    assertThat(event.parentId()).isEqualTo(PARENT_ID);
    assertThat(event.childrenIds()).containsExactly(CHILD_ID);
    assertThat(event.type()).isEqualTo(EventType.MODEL);
    assertThat(event.name()).isEqualTo("gpt-4o");
    assertThat(event.source()).isEqualTo("production");
    assertThat(event.projectId()).isEqualTo("proj-1");
    assertThat(event.error()).isEqualTo("timeout");
  }

  @Test
  void mapsEveryFreeFormObjectFromTheWire() {
    Event event = Event.fromWire(fullWireEvent());

    assertThat(event.config()).containsExactly(Map.entry("model", "gpt-4o"));
    assertThat(event.inputs()).containsExactly(Map.entry("question", "why?"));
    assertThat(event.outputs()).containsExactly(Map.entry("answer", "because"));
    assertThat(event.metadata()).containsExactly(Map.entry("prompt_tokens", 35));
    assertThat(event.metrics()).containsExactly(Map.entry("score", 0.9));
    assertThat(event.feedback()).containsExactly(Map.entry("rating", 5));
    assertThat(event.userProperties()).containsExactly(Map.entry("user_id", "u-42"));
  }

  @Test
  void convertsEpochMillisToInstants() {
    Event event = Event.fromWire(fullWireEvent());

    assertThat(event.startTime()).isEqualTo(Instant.parse("2024-11-21T00:00:00Z"));
    assertThat(event.endTime()).isEqualTo(Instant.parse("2024-11-21T00:00:00.250Z"));
  }

  @Test
  void keepsIdsThatAreNotUuidsAsTheServerSentThem() {
    Event event = Event.fromWire(fullWireEvent().eventId("otel-4bf92f3577b34da6").sessionId("sess 1")
        .parentId("00f067aa0ba902b7").childrenIds(new ArrayList<>(List.of("child-a", "child-b"))));

    assertThat(event.eventId()).isEqualTo("otel-4bf92f3577b34da6");
    assertThat(event.sessionId()).isEqualTo("sess 1");
    assertThat(event.parentId()).isEqualTo("00f067aa0ba902b7");
    assertThat(event.childrenIds()).containsExactly("child-a", "child-b");
  }

  @Test
  void keepsTheFractionOfFractionalEpochMillisecondsAsNanos() {
    Event event = Event.fromWire(fullWireEvent().startTime(1796522827968.0).endTime(1796522827968.25));

    assertThat(event.startTime()).isEqualTo(Instant.ofEpochMilli(1796522827968L));
    assertThat(event.endTime()).isEqualTo(Instant.ofEpochMilli(1796522827968L).plusNanos(250_000));
  }

  @Test
  void timesThatNoInstantHoldsReadAsNullInsteadOfFailing() {
    Event event = Event.fromWire(fullWireEvent().startTime(Double.POSITIVE_INFINITY).endTime(1e300).duration(-1e300));

    assertThat(event.startTime()).isNull();
    assertThat(event.endTime()).isNull();
    assertThat(event.duration()).isNull();
  }

  @Test
  void keepsTheSubMillisecondPartOfAFractionalDurationAsNanos() {
    Event event = Event.fromWire(fullWireEvent().duration(12.345678));

    assertThat(event.duration()).isEqualTo(Duration.ofNanos(12_345_678));
  }

  @Test
  void readsAWholeMillisecondDurationExactly() {
    Event event = Event.fromWire(fullWireEvent().duration(250.0));

    assertThat(event.duration()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void absentMapsReadAsEmptyMaps() {
    Event event = Event.fromWire(new EventRecord().eventId(EVENT_ID));

    assertThat(event.config()).isEmpty();
    assertThat(event.inputs()).isEmpty();
    assertThat(event.outputs()).isEmpty();
    assertThat(event.metadata()).isEmpty();
    assertThat(event.metrics()).isEmpty();
    assertThat(event.feedback()).isEmpty();
    assertThat(event.userProperties()).isEmpty();
  }

  @Test
  void absentChildrenIdsReadAsAnEmptyList() {
    Event event = Event.fromWire(new EventRecord().eventId(EVENT_ID));

    assertThat(event.childrenIds()).isEmpty();
  }

  @Test
  void absentScalarsReadAsNull() {
    Event event = Event.fromWire(new EventRecord());

    assertThat(event.eventId()).isNull();
    assertThat(event.sessionId()).isNull();
    assertThat(event.parentId()).isNull();
    assertThat(event.type()).isNull();
    assertThat(event.name()).isNull();
    assertThat(event.error()).isNull();
    assertThat(event.startTime()).isNull();
    assertThat(event.endTime()).isNull();
    assertThat(event.duration()).isNull();
  }

  @Test
  void anUnknownEventTypeReadsAsNull() {
    Event event = Event.fromWire(
        fullWireEvent().eventType(ai.honeyhive.client.model.EventType.UNKNOWN_DEFAULT_OPEN_API));

    assertThat(event.type()).isNull();
  }

  @Test
  void mapsAreUnmodifiableDownToNestedValues() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("messages", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("role", "user")))));
    Event event = Event.fromWire(fullWireEvent().inputs(nested));

    assertThatThrownBy(() -> event.inputs().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> messages = (List<Object>) event.inputs().get("messages");
    assertThatThrownBy(() -> messages.add("x")).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) messages.get(0);
    assertThatThrownBy(() -> message.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void childrenIdsAreUnmodifiable() {
    Event event = Event.fromWire(fullWireEvent());

    assertThatThrownBy(() -> event.childrenIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void laterChangesToTheWireObjectDoNotShow() {
    EventRecord wire = fullWireEvent();
    Event event = Event.fromWire(wire);

    wire.getMetadata().put("cost", 0.02);
    wire.getChildrenIds().add(UUID.randomUUID().toString());

    assertThat(event.metadata()).containsOnlyKeys("prompt_tokens");
    assertThat(event.childrenIds()).hasSize(1);
  }

  @Test
  void keepsNullValuesInsideFreeFormObjects() {
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("answer", null);
    Event event = Event.fromWire(fullWireEvent().outputs(outputs));

    assertThat(event.outputs()).containsEntry("answer", null);
  }

  @Test
  void eventsFromEqualWireObjectsAreEqual() {
    assertThat(Event.fromWire(fullWireEvent()))
        .isEqualTo(Event.fromWire(fullWireEvent()))
        .hasSameHashCodeAs(Event.fromWire(fullWireEvent()));
  }

  @Test
  void eventsThatDifferInOneFieldAreNotEqual() {
    assertThat(Event.fromWire(fullWireEvent())).isNotEqualTo(Event.fromWire(fullWireEvent().duration(251.0)));
  }

  @Test
  void toStringShowsTheIdTypeAndName() {
    assertThat(Event.fromWire(fullWireEvent()).toString())
        .contains("eventId=" + EVENT_ID)
        .contains("type=MODEL")
        .contains("name=gpt-4o");
  }

  @Test
  void rejectsANullWireObject() {
    assertThatThrownBy(() -> Event.fromWire(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("wire == null");
  }
}
