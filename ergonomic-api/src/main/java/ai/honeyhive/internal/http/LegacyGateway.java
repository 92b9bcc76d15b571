package ai.honeyhive.internal.http;

import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.api.LegacyApi;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.LegacyBatchFailureResponse;
import ai.honeyhive.client.model.LegacyBatchResponse;
import ai.honeyhive.client.model.LegacyCreateEventRequest;
import ai.honeyhive.client.model.LegacyCreateModelEventRequest;
import ai.honeyhive.client.model.LegacyEvent;
import ai.honeyhive.client.model.LegacyEventBatchRequest;
import ai.honeyhive.client.model.LegacyEventUpdate;
import ai.honeyhive.client.model.LegacyModelEvent;
import ai.honeyhive.client.model.LegacySession;
import ai.honeyhive.client.model.LegacySessionStartRequest;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import com.squareup.moshi.Moshi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import retrofit2.Retrofit;

/**
 * The deprecated routes, for servers that predate {@code /v1}. Writes are translated to the legacy wrapped bodies
 * (the field names are the same, so the translation goes through JSON); reads stay on the current routes, which have
 * no legacy counterpart.
 *
 * <p>Batches go to {@code POST /events/batch} with {@code is_single_session} left false, model events included:
 * {@code POST /events/model/batch} would make every model event a session of its own unless the whole batch is one
 * new session, while each of our events already names the session it belongs to. That route answers a partial
 * success with HTTP 500 and the ids it stored; the events it did not store are returned so that only they are sent
 * again.
 */
@SuppressWarnings("deprecation")
public final class LegacyGateway implements Gateway {
  private final LegacyApi legacy;
  private final Gateway reads;
  private final Calls calls;

  public LegacyGateway(Retrofit retrofit, Calls calls, Gateway reads) {
    this.legacy = retrofit.create(LegacyApi.class);
    this.calls = calls;
    this.reads = reads;
  }

  @Override
  public void postSession(SessionStartRequest session) {
    LegacySession body = convert(session, LegacySession.class);
    calls.send("POST /session/start", legacy.startSessionLegacy(new LegacySessionStartRequest().session(body)));
  }

  @Override
  public void postEvent(Event event) {
    if (event.getEventType() == ai.honeyhive.client.model.EventType.MODEL) {
      LegacyModelEvent body = convert(event, LegacyModelEvent.class);
      Object model = event.getConfig() == null ? null : event.getConfig().get("model");
      body.setModelName(model instanceof String ? (String) model : event.getEventName());
      calls.send("POST /events/model",
          legacy.createModelEventLegacy(new LegacyCreateModelEventRequest().modelEvent(body)));
    } else {
      LegacyEvent body = convert(event, LegacyEvent.class);
      calls.send("POST /events", legacy.createEventLegacy(new LegacyCreateEventRequest().event(body)));
    }
  }

  @Override
  public BatchResult postEvents(List<Event> batch) {
    List<LegacyEvent> bodies = new ArrayList<>(batch.size());
    for (Event event : batch) {
      bodies.add(convert(event, LegacyEvent.class));
    }
    LegacyBatchFailureResponse partial = calls.sendBatch("POST /events/batch",
        legacy.createEventBatchLegacy(new LegacyEventBatchRequest().events(bodies)));
    if (partial == null) {
      return BatchResult.ALL_STORED;
    }
    Set<String> stored = new HashSet<>(partial.getEventIds());
    Set<String> notStored = new LinkedHashSet<>();
    for (Event event : batch) {
      if (!stored.contains(event.getEventId())) {
        notStored.add(event.getEventId());
      }
    }
    List<String> errors = partial.getErrors() != null ? partial.getErrors() : List.of();
    return notStored.isEmpty() ? BatchResult.ALL_STORED : new BatchResult("POST /events/batch", notStored, errors);
  }

  /**
   * {@code POST /events/batch} with {@code single_session} and its older name {@code is_single_session} both true (the
   * route takes either; older servers know only the second). A partial success (HTTP 500) is thrown like any failure:
   * sending the events it did not store again would make them a second session.
   */
  @Override
  public String postImport(SessionProperties properties, List<Event> batch) {
    List<LegacyEvent> bodies = new ArrayList<>(batch.size());
    for (Event event : batch) {
      bodies.add(convert(event, LegacyEvent.class));
    }
    LegacyBatchResponse answer = calls.sendReading("POST /events/batch", legacy.createEventBatchLegacy(
        new LegacyEventBatchRequest().events(bodies).singleSession(true).isSingleSession(true)
            .sessionProperties(properties)));
    return answer == null ? null : answer.getSessionId();
  }

  @Override
  public void putEvent(String eventId, EventUpdate update) {
    sendLegacyUpdate(legacy, calls, eventId, update);
  }

  /**
   * Sends {@code update} of {@code eventId} to {@code PUT /events}, whose body names the event with a plain string:
   * the route for every update on the legacy family, and for ids that are not UUIDs on the current one.
   */
  public static void sendLegacyUpdate(LegacyApi legacy, Calls calls, String eventId, EventUpdate update) {
    LegacyEventUpdate body = convert(update, LegacyEventUpdate.class).eventId(eventId);
    calls.send("PUT /events", legacy.updateEventLegacy(body));
  }

  @Override
  public EventRecord getEvent(UUID eventId) {
    return reads.getEvent(eventId);
  }

  @Override
  public SearchEventsResponse postSearch(SearchEventsRequest request) {
    return reads.postSearch(request);
  }

  /** Converts a current model to its legacy twin through JSON: the field names are the same. */
  @SuppressWarnings("unchecked")
  private static <T> T convert(Object current, Class<T> legacyType) {
    Moshi moshi = HoneyHiveJson.moshi();
    Map<String, Object> json = (Map<String, Object>) moshi.adapter((Class<Object>) current.getClass())
        .toJsonValue(current);
    return moshi.adapter(legacyType).fromJsonValue(json);
  }
}
