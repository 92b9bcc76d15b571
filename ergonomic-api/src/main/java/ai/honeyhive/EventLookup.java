package ai.honeyhive;

import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.internal.http.Gateway;
import ai.honeyhive.internal.wire.Ids;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one event by its id. HoneyHive's {@code GET /v1/events/{event_id}} holds only a UUID in its path, while the
 * ids HoneyHive stores are plain strings (events ingested through OpenTelemetry or other SDKs carry ids that are not
 * UUIDs): such an event is found by a search on its {@code event_id}.
 */
final class EventLookup {
  private EventLookup() {}

  /**
   * Returns the event {@code eventId}, an id already checked with {@link Checks#id}.
   *
   * @throws NotFoundException if HoneyHive has no such event
   */
  static Event get(Gateway gateway, String eventId) {
    UUID path = Ids.parseOrNull(eventId);
    if (path != null) {
      return Event.fromWire(gateway.getEvent(path));
    }
    SearchEventsRequest byId = new SearchEventsRequest()
        .filters(List.of(EventFilter.field("event_id").is(eventId).toWire()))
        .limit(1)
        .page(1);
    SearchEventsResponse answer = gateway.postSearch(byId);
    List<EventRecord> found = answer == null || answer.getEvents() == null ? List.of() : answer.getEvents();
    for (EventRecord event : found) {
      if (event != null && eventId.equals(event.getEventId())) {
        return Event.fromWire(event);
      }
    }
    throw new NotFoundException("POST /v1/events/search (event_id is " + eventId + ")", 404, Map.of(),
        "no event has this id", null);
  }
}
