package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.NotFoundException;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HoneyHive stores ids as plain strings, and events ingested through OpenTelemetry or other SDKs carry ids that are
 * not UUIDs; only the paths of the {@code /v1} routes must hold a UUID.
 */
class NonUuidIdsTest {
  private static final String OTEL_ID = "otel-4bf92f3577b34da6";

  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void close() {
    mock.close();
  }

  @Test
  void anUpdateOfAnIdThatIsNotAUuidGoesToTheRouteThatNamesTheEventInItsBody() {
    mock.enqueueOk();
    HoneyHive hh = mock.client();

    hh.updateEvent(OTEL_ID).feedback(Map.of("rating", 5)).send();

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/events");
    assertThat(MockHoneyHive.body(request))
        .isEqualTo(Map.of("event_id", OTEL_ID, "feedback", Map.of("rating", 5)));
    hh.close();
  }

  @Test
  void aBatchedUpdateOfAnIdThatIsNotAUuidIsDeliveredAndCounted() {
    mock.enqueueOk();
    HoneyHive hh = mock.batchedClientBuilder().build();

    hh.updateEvent(OTEL_ID).metrics(Map.of("helpful", true)).send();

    assertThat(hh.flush(Duration.ofSeconds(10)).sent()).isEqualTo(1);
    RecordedRequest request = mock.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/events");
    assertThat(MockHoneyHive.body(request)).containsEntry("event_id", OTEL_ID);
    hh.close();
  }

  @Test
  void anUpdateOfAUuidStaysOnTheCurrentRoute() {
    mock.enqueueOk();
    HoneyHive hh = mock.client();
    String id = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";

    hh.updateEvent(id).feedback(Map.of("rating", 1)).send();

    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/events/" + id);
    hh.close();
  }

  @Test
  void anEventWhoseIdIsNotAUuidIsReadThroughASearchOnItsId() {
    mock.enqueueJson(200, "{\"events\":[{\"event_id\":\"" + OTEL_ID + "\",\"event_name\":\"llm.call\","
        + "\"start_time\":1796522827968.5}],\"count\":1}");
    HoneyHive hh = mock.client();

    Event event = hh.getEvent(OTEL_ID);

    assertThat(event.eventId()).isEqualTo(OTEL_ID);
    assertThat(event.name()).isEqualTo("llm.call");
    RecordedRequest request = mock.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/events/search");
    assertThat(MockHoneyHive.body(request)).containsEntry("limit", 1).containsEntry("page", 1)
        .containsEntry("filters", java.util.List.of(Map.of("field", "event_id", "operator", "is", "value", OTEL_ID,
            "type", "string")));
    hh.close();
  }

  @Test
  void anIdThatNoSearchResultCarriesIsNotFound() {
    mock.enqueueJson(200, "{\"events\":[],\"count\":0}");
    HoneyHive hh = mock.client();

    assertThatThrownBy(() -> hh.getEvent(OTEL_ID))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("event_id is " + OTEL_ID);
    hh.close();
  }

  @Test
  void aBlankIdIsRefusedAtTheCallSiteNamingTheArgument() {
    HoneyHive hh = mock.client();

    assertThatThrownBy(() -> hh.updateEvent(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("eventId must be a non-blank id");
    assertThatThrownBy(() -> hh.getEvent(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("eventId must be a non-blank id");
    assertThat(mock.server.getRequestCount()).isZero();
    hh.close();
  }
}
