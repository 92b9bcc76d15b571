package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.client.model.EventBatchRequest;
import ai.honeyhive.client.model.EventBatchResponse;
import ai.honeyhive.client.model.EventFilter;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.ExportDateRange;
import ai.honeyhive.client.model.ExportEventsRequest;
import ai.honeyhive.client.model.ExportEventsResponse;
import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import ai.honeyhive.client.model.LegacyBatchResponse;
import ai.honeyhive.client.model.LegacyEvent;
import ai.honeyhive.client.model.LegacyEventBatchRequest;
import ai.honeyhive.client.model.LegacyModelEvent;
import ai.honeyhive.client.model.LegacyModelEventBatchRequest;
import ai.honeyhive.client.model.SessionEventsBatchRequest;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SuccessResponse;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import ai.honeyhive.testing.StoredEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import retrofit2.Response;

/**
 * The generated Retrofit client ({@code hh.raw()}) for the operations the ergonomic API does not cover: the batch
 * routes, current and legacy, and the legacy export.
 */
@ExtendWith(HoneyHiveTestServerExtension.class)
@SuppressWarnings("deprecation") // the legacy operations are deprecated in the spec, and that is what is tested
class GeneratedClientContractTest implements ContractTest {
  private static final String CHAIN = "432ce9c3-51f2-4e77-9e9f-8c5eb085de62";
  private static final String TOOL = "e3d02cd5-e18a-476c-9212-ac9f6e9c378f";
  private static final String MODEL = "e68c6ecc-18c4-4d40-8a81-3530767df842";

  @Test
  void aSingleSessionBatchPutsEveryEventInOneNewSession(HoneyHive hh, HoneyHiveTestServer server)
      throws IOException {
    EventBatchRequest batch = new EventBatchRequest()
        .singleSession(true)
        .sessionProperties(new SessionProperties().sessionName("support-chat")
            .userProperties(Map.of("user_id", "u-42")))
        .events(List.of(
            event(CHAIN, null, EventType.CHAIN, "answer", 100).childrenIds(List.of(TOOL, MODEL)),
            event(TOOL, CHAIN, EventType.TOOL, "vector-search", 150),
            event(MODEL, CHAIN, EventType.MODEL, "gpt-4o", 430)));

    Response<EventBatchResponse> response = hh.raw().events().createEventBatch(batch).execute();

    assertThat(response.code()).isEqualTo(200);
    EventBatchResponse body = response.body();
    assertThat(body.getEventIds()).containsExactly(CHAIN, TOOL, MODEL);
    String sessionId = body.getSessionId();
    assertThat(server.sessionTree(sessionId).outline()).isEqualTo(""
        + "session \"support-chat\"\n"
        + "└── chain \"answer\"\n"
        + "    ├── tool \"vector-search\"\n"
        + "    └── model \"gpt-4o\"\n");
    assertThat(server.event(sessionId).orElseThrow().userProperties()).isEqualTo(Map.of("user_id", "u-42"));
  }

  @Test
  void aBatchWithoutSingleSessionKeepsEachEventsOwnSession(HoneyHive hh, HoneyHiveTestServer server)
      throws IOException {
    String session = UUID.randomUUID().toString();
    EventBatchRequest batch = new EventBatchRequest().events(List.of(
        event(TOOL, null, EventType.TOOL, "in-session", 1).sessionId(session),
        event(MODEL, null, EventType.MODEL, "alone", 2)));

    EventBatchResponse body = hh.raw().events().createEventBatch(batch).execute().body();

    assertThat(body.getSessionId()).isNull();
    assertThat(server.event(TOOL).orElseThrow().sessionId()).isEqualTo(session);
    String own = server.event(MODEL).orElseThrow().sessionId();
    assertThat(own).isNotEqualTo(session);
    assertThat(server.eventsInSession(own)).extracting(StoredEvent::eventName).containsExactly("alone");
  }

  @Test
  void aSessionBatchPutsEveryEventInThePathsSession(HoneyHive hh, HoneyHiveTestServer server) throws IOException {
    UUID session = UUID.randomUUID();
    hh.session("known").sessionId(session.toString()).start();
    SessionEventsBatchRequest batch = new SessionEventsBatchRequest().events(List.of(
        event(TOOL, null, EventType.TOOL, "vector-search", 1).sessionId(UUID.randomUUID().toString()),
        event(MODEL, TOOL, EventType.MODEL, "gpt-4o", 2)));

    Response<SuccessResponse> response = hh.raw().sessions().createSessionEventBatch(session, batch).execute();

    assertThat(response.body().getSuccess()).isTrue();
    assertThat(server.sessionTree(session.toString()).outline()).isEqualTo(""
        + "session \"known\"\n"
        + "└── tool \"vector-search\"\n"
        + "    └── model \"gpt-4o\"\n");
  }

  @Test
  void aLegacySingleSessionBatchAcceptsTheOldFields(HoneyHive hh, HoneyHiveTestServer server) throws IOException {
    LegacyEventBatchRequest batch = new LegacyEventBatchRequest()
        .isSingleSession(true)
        .sessionProperties(new SessionProperties().sessionName("legacy-batch"))
        .events(List.of(
            new LegacyEvent().project("acme").eventId(TOOL).eventType(EventType.TOOL).eventName("search")
                .inputs(Map.of("q", "x")),
            new LegacyEvent().project("acme").eventId(MODEL).eventType(EventType.MODEL).eventName("gpt-4o")
                .inputs(Map.of("messages", List.of()))));

    LegacyBatchResponse body = hh.raw().legacy().createEventBatchLegacy(batch).execute().body();

    assertThat(body.getSuccess()).isTrue();
    assertThat(body.getEventIds()).containsExactly(TOOL, MODEL);
    assertThat(server.sessionTree(body.getSessionId()).outline()).isEqualTo(""
        + "session \"legacy-batch\"\n"
        + "├── tool \"search\"\n"
        + "└── model \"gpt-4o\"\n");
    assertThat(server.event(TOOL).orElseThrow().toMap()).doesNotContainKey("project");
  }

  @Test
  void aLegacyModelBatchMakesEachModelEventItsOwnSession(HoneyHive hh, HoneyHiveTestServer server)
      throws IOException {
    LegacyModelEventBatchRequest batch = new LegacyModelEventBatchRequest().modelEvents(List.of(
        new LegacyModelEvent().eventId(TOOL).eventType(EventType.MODEL).modelName("gpt-4o")
            .inputs(Map.of("messages", List.of(Map.of("role", "user", "content", "a")))),
        new LegacyModelEvent().eventId(MODEL).eventType(EventType.MODEL).modelName("gpt-4o-mini")
            .inputs(Map.of("messages", List.of(Map.of("role", "user", "content", "b"))))));

    LegacyBatchResponse body = hh.raw().legacy().createModelEventBatchLegacy(batch).execute().body();

    assertThat(body.getEventIds()).containsExactly(TOOL, MODEL);
    assertThat(server.eventsOfType("model")).extracting(StoredEvent::eventName)
        .containsExactly("gpt-4o", "gpt-4o-mini");
    assertThat(server.sessionIds()).hasSize(2);
  }

  @Test
  void theLegacyExportFiltersAndProjects(HoneyHive hh, HoneyHiveTestServer server) throws IOException {
    hh.raw().events().createEventBatch(new EventBatchRequest().events(List.of(
        event(TOOL, null, EventType.TOOL, "vector-search", 150),
        event(MODEL, null, EventType.MODEL, "gpt-4o", 430)))).execute();
    ExportEventsRequest export = new ExportEventsRequest()
        .filters(List.of(new EventFilter().field("event_type").operator(FilterOperator.IS).value("model")
            .type(FilterValueType.STRING)))
        .dateRange(new ExportDateRange().$gte("2024-11-21T00:00:00Z").$lte("2024-11-22T00:00:00Z"))
        .projections(List.of("event_id", "event_name"))
        .limit(500)
        .page(1);

    ExportEventsResponse body = hh.raw().legacy().exportEventsLegacy(export).execute().body();

    assertThat(body.getCount()).isEqualTo(1);
    EventRecord exported = body.getEvents().get(0);
    assertThat(exported.getEventId()).isEqualTo(MODEL);
    assertThat(exported.getEventName()).isEqualTo("gpt-4o");
    assertThat(exported.getSessionId()).as("not projected").isNull();
  }

  /** An event of the spec's example trace, starting {@code offsetMillis} after 2024-11-21T08:00:00Z. */
  private static ai.honeyhive.client.model.Event event(String id, String parent, EventType type, String name,
      long offsetMillis) {
    long start = 1_732_176_000_000L + offsetMillis;
    return new ai.honeyhive.client.model.Event().eventId(id).parentId(parent).eventType(type).eventName(name)
        .source("contract").inputs(Map.of("step", name)).startTime(start).endTime(start + 10).duration(10.0);
  }
}
