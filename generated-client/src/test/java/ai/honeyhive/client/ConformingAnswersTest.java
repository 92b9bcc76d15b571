package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.GetEventResponse;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.client.model.SessionStartResponse;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The generated client decodes everything a server conforming to HoneyHive's spec may answer, not just the spec's
 * examples: ids that are not UUIDs (events ingested through OpenTelemetry), fractional times, durations and counts,
 * events with nothing but their id, fields and enum values this client does not know. Each answer goes through the
 * client call, as a user gets it.
 */
class ConformingAnswersTest {
  private static final UUID EVENT_ID = UUID.fromString("e3d02cd5-e18a-476c-9212-ac9f6e9c378f");

  @FunctionalInterface
  private interface ClientCall<T> {
    Call<T> call(TestServer.Apis apis);
  }

  private static <T> T answer(String json, ClientCall<T> call) throws IOException {
    try (TestServer server = TestServer.start()) {
      server.enqueue(200, json);
      Response<T> response = call.call(server.apis()).execute();
      assertThat(response.isSuccessful()).isTrue();
      return response.body();
    }
  }

  private static GetEventResponse getEvent(String json) throws IOException {
    return answer(json, apis -> apis.events().getEvent(EVENT_ID));
  }

  private static SearchEventsResponse search(String json) throws IOException {
    return answer(json, apis -> apis.events().searchEvents(new SearchEventsRequest()));
  }

  @Test
  void anEventWhoseIdsAreNotUuidsIsReadWithItsIds() throws IOException {
    EventRecord event = getEvent("{\"event\":{\"event_id\":\"otel-4bf92f3577b34da6\",\"session_id\":\"sess-1\","
        + "\"parent_id\":\"otel-00f067aa0ba902b7\",\"children_ids\":[\"otel-1\",\"otel-2\"]}}").getEvent();

    assertThat(event.getEventId()).isEqualTo("otel-4bf92f3577b34da6");
    assertThat(event.getSessionId()).isEqualTo("sess-1");
    assertThat(event.getParentId()).isEqualTo("otel-00f067aa0ba902b7");
    assertThat(event.getChildrenIds()).containsExactly("otel-1", "otel-2");
  }

  @Test
  void anEventWithOnlyItsIdIsReadWithEveryOtherFieldUnset() throws IOException {
    EventRecord event = getEvent("{\"event\":{\"event_id\":\"otel-4bf92f3577b34da6\"}}").getEvent();

    assertThat(event.getEventId()).isEqualTo("otel-4bf92f3577b34da6");
    assertThat(event).isEqualTo(new EventRecord().eventId("otel-4bf92f3577b34da6"));
  }

  @Test
  void aSearchResultEventWithNoFieldAtAllIsRead() throws IOException {
    SearchEventsResponse page = search("{\"events\":[{}],\"count\":1}");

    assertThat(page.getEvents()).containsExactly(new EventRecord());
  }

  @Test
  void fractionalTimesAndDurationsAreReadWithTheirValue() throws IOException {
    EventRecord event = getEvent("{\"event\":{\"event_id\":\"e-1\",\"start_time\":1796522827968.0,"
        + "\"end_time\":1796538883502.97,\"duration\":15055534.97}}").getEvent();

    assertThat(event.getStartTime().doubleValue()).isEqualTo(1796522827968.0);
    assertThat(event.getEndTime().doubleValue()).isEqualTo(1796538883502.97);
    assertThat(event.getDuration().doubleValue()).isEqualTo(15055534.97);
  }

  @Test
  void integralTimesAreReadWithoutLosingAMillisecond() throws IOException {
    EventRecord event = getEvent("{\"event\":{\"event_id\":\"e-1\",\"start_time\":9007199254740993}}").getEvent();

    assertThat(event.getStartTime().longValue()).isEqualTo(9007199254740993L);
  }

  @Test
  void aFractionalCountIsRead() throws IOException {
    assertThat(search("{\"events\":[],\"count\":12.5}").getCount().doubleValue()).isEqualTo(12.5);
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryLevel() throws IOException {
    SearchEventsResponse page = search("{\"events\":[{\"event_id\":\"e-1\",\"project\":\"acme\",\"ttl\":{\"days\":30},"
        + "\"inputs\":{\"query\":\"reset\"}}],\"count\":1,\"page\":{\"next\":null},\"took_ms\":3.5}");

    assertThat(page.getCount()).isEqualTo(1);
    assertThat(page.getEvents()).singleElement().satisfies(event -> {
      assertThat(event.getEventId()).isEqualTo("e-1");
      assertThat(event.getProject()).isEqualTo("acme");
      assertThat(event.getInputs()).containsExactlyEntriesOf(java.util.Map.of("query", "reset"));
    });
  }

  @Test
  void anUnknownEventTypeIsReadAsTheFallbackConstant() throws IOException {
    EventRecord event = getEvent("{\"event\":{\"event_id\":\"e-1\",\"event_type\":\"agent\"}}").getEvent();

    assertThat(event.getEventType()).isEqualTo(ai.honeyhive.client.model.EventType.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void aSessionAnswerWithIdsThatAreNotUuidsAndFractionalTimesIsRead() throws IOException {
    SessionStartResponse session = answer("{\"event_id\":\"sess-1\",\"session_id\":\"sess-1\","
        + "\"org_id\":\"6744f0a1c2b3d4e5f6a7b8a1\",\"workspace_id\":\"6744f0a1c2b3d4e5f6a7b8b2\","
        + "\"project_id\":\"6744f0a1c2b3d4e5f6a7b8c9\",\"start_time\":1796522827968.5,\"duration\":0,"
        + "\"added_by_a_newer_server\":true}",
        apis -> apis.sessions().createSession(new SessionStartRequest()));

    assertThat(session.getSessionId()).isEqualTo("sess-1");
    assertThat(session.getOrgId()).isEqualTo("6744f0a1c2b3d4e5f6a7b8a1");
    assertThat(session.getWorkspaceId()).isEqualTo("6744f0a1c2b3d4e5f6a7b8b2");
    assertThat(session.getProjectId()).isEqualTo("6744f0a1c2b3d4e5f6a7b8c9");
    assertThat(session.getStartTime().doubleValue()).isEqualTo(1796522827968.5);
  }
}
