package ai.honeyhive.internal.http;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.errors.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** For a disabled client: writes go nowhere, reads find nothing. */
public final class DisabledGateway implements Gateway {
  @Override
  public void postSession(SessionStartRequest session) {}

  @Override
  public void postEvent(Event event) {}

  @Override
  public BatchResult postEvents(List<Event> events) {
    return BatchResult.ALL_STORED;
  }

  @Override
  public String postImport(SessionProperties properties, List<Event> events) {
    return null;
  }

  @Override
  public void putEvent(String eventId, EventUpdate update) {}

  @Override
  public EventRecord getEvent(UUID eventId) {
    throw new NotFoundException("GET /v1/events/" + eventId, 404, Map.of(), "the HoneyHive client is disabled", null);
  }

  @Override
  public SearchEventsResponse postSearch(SearchEventsRequest request) {
    return new SearchEventsResponse().events(List.of()).count(0);
  }
}
