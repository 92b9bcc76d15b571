package ai.honeyhive.internal.http;

import ai.honeyhive.client.api.EventsApi;
import ai.honeyhive.client.api.LegacyApi;
import ai.honeyhive.client.api.SessionsApi;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventBatchRequest;
import ai.honeyhive.client.model.EventBatchResponse;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionEventsBatchRequest;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.wire.Ids;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import retrofit2.Retrofit;

/**
 * The current {@code /v1} routes (and the legacy {@code PUT /events} for an update of an event whose id is not a UUID,
 * which no {@code /v1} path can name). A batch whose events all belong to one session goes to
 * {@code POST /v1/sessions/{session_id}/events/batch}, which states the session in the path; a batch mixing sessions
 * goes to {@code POST /v1/events/batch} with {@code single_session} left false, so each event joins the session of its
 * own {@code session_id}. Either way a batch is one request. An imported session goes to {@code POST /v1/events/batch}
 * with {@code single_session} true and its {@code session_properties}.
 */
public final class HttpGateway implements Gateway {
  private final SessionsApi sessions;
  private final EventsApi events;
  private final LegacyApi legacy;
  private final Calls calls;

  public HttpGateway(Retrofit retrofit, Calls calls) {
    this.sessions = retrofit.create(SessionsApi.class);
    this.events = retrofit.create(EventsApi.class);
    this.legacy = retrofit.create(LegacyApi.class);
    this.calls = calls;
  }

  @Override
  public void postSession(SessionStartRequest session) {
    calls.send("POST /v1/sessions", sessions.createSession(session));
  }

  @Override
  public void postEvent(Event event) {
    calls.send("POST /v1/events", events.createEvent(event));
  }

  @Override
  public BatchResult postEvents(List<Event> batch) {
    String session = batch.get(0).getSessionId();
    for (Event event : batch) {
      if (!Objects.equals(event.getSessionId(), session)) {
        session = null;
        break;
      }
    }
    UUID sessionPath = session == null ? null : Ids.parseOrNull(session); // The route's path id must be a UUID.
    if (sessionPath != null) {
      calls.send("POST /v1/sessions/" + session + "/events/batch",
          sessions.createSessionEventBatch(sessionPath, new SessionEventsBatchRequest().events(batch)));
    } else {
      calls.send("POST /v1/events/batch", events.createEventBatch(new EventBatchRequest().events(batch)));
    }
    return BatchResult.ALL_STORED;
  }

  @Override
  public String postImport(SessionProperties properties, List<Event> batch) {
    EventBatchResponse answer = calls.sendReading("POST /v1/events/batch", events.createEventBatch(
        new EventBatchRequest().events(batch).singleSession(true).sessionProperties(properties)));
    return answer == null ? null : answer.getSessionId();
  }

  @Override
  public void putEvent(String eventId, EventUpdate update) {
    UUID path = Ids.parseOrNull(eventId);
    if (path == null) { // HoneyHive's ids need not be UUIDs, but this route's path must be one.
      LegacyGateway.sendLegacyUpdate(legacy, calls, eventId, update);
      return;
    }
    calls.send("PUT /v1/events/" + eventId, events.updateEvent(path, update));
  }

  @Override
  public EventRecord getEvent(UUID eventId) {
    String request = "GET /v1/events/" + eventId;
    EventRecord event = calls.execute(request, events.getEvent(eventId)).getEvent();
    if (event == null) {
      throw new HoneyHiveException(request + " succeeded but its response had no event", null);
    }
    return event;
  }

  @Override
  public SearchEventsResponse postSearch(SearchEventsRequest request) {
    return calls.execute("POST /v1/events/search", events.searchEvents(request));
  }
}
