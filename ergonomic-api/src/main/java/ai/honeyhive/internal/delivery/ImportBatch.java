package ai.honeyhive.internal.delivery;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.internal.http.Gateway;
import ai.honeyhive.internal.wire.JsonValues;
import java.util.ArrayList;
import java.util.List;

/**
 * One imported session as it travels: the properties of the session HoneyHive creates and its events, sent together in
 * one single-session batch ({@link Gateway#postImport}). Made by {@link ai.honeyhive.SessionImport#send()}; not changed after.
 */
public final class ImportBatch {
  /** Rough JSON size of the request without its events' maps: the session properties' keys and the wrapper. */
  private static final long BASE_BYTES = 200;
  /** Rough JSON size of an event without its free-form maps, as {@link WriteAdmission} counts it. */
  private static final long EVENT_BASE_BYTES = 300;

  public final SessionProperties properties;
  public final List<Event> events;
  /** The estimated JSON size of the request, for the queue's byte bound. */
  public final long estimatedBytes;

  public ImportBatch(SessionProperties properties, List<Event> events, long eventFieldBytes) {
    this.properties = properties;
    this.events = List.copyOf(events);
    this.estimatedBytes = BASE_BYTES + JsonValues.estimate(properties.getSessionName())
        + JsonValues.estimate(properties.getUserProperties()) + JsonValues.estimate(properties.getMetadata())
        + EVENT_BASE_BYTES * events.size() + eventFieldBytes;
  }

  /** The ids of the events, which delivery reports stand for the import by: the session's is not known yet. */
  public List<String> eventIds() {
    List<String> ids = new ArrayList<>(events.size());
    for (Event event : events) {
      ids.add(String.valueOf(event.getEventId()));
    }
    return ids;
  }

  @Override
  public String toString() {
    return "import of session '" + properties.getSessionName() + "' (" + events.size() + " events)";
  }
}
