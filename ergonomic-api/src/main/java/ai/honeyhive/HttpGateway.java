package ai.honeyhive;

import ai.honeyhive.client.api.EventsApi;
import ai.honeyhive.client.api.SessionsApi;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionStartRequest;
import java.util.UUID;
import retrofit2.Retrofit;

/** The current {@code /v1} routes. */
final class HttpGateway implements Gateway {
  private final SessionsApi sessions;
  private final EventsApi events;
  private final Calls calls;

  HttpGateway(Retrofit retrofit, Calls calls) {
    this.sessions = retrofit.create(SessionsApi.class);
    this.events = retrofit.create(EventsApi.class);
    this.calls = calls;
  }

  @Override
  public void startSession(SessionStartRequest session) {
    calls.send("POST /v1/sessions", sessions.startSession(session));
  }

  @Override
  public void createEvent(Event event) {
    calls.send("POST /v1/events", events.createEvent(event));
  }

  @Override
  public void updateEvent(UUID eventId, EventUpdate update) {
    calls.send("PUT /v1/events/" + eventId, events.updateEvent(eventId, update));
  }

  @Override
  public Event getEvent(UUID eventId) {
    String request = "GET /v1/events/" + eventId;
    Event event = calls.execute(request, events.getEvent(eventId)).getEvent();
    if (event == null) {
      throw new HoneyHiveException(request + " succeeded but its response had no event", null);
    }
    return event;
  }

  @Override
  public SearchEventsResponse searchEvents(SearchEventsRequest request) {
    return calls.execute("POST /v1/events/search", events.searchEvents(request));
  }
}
