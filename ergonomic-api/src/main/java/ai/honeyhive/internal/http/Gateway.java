package ai.honeyhive.internal.http;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.NotFoundException;
import java.util.List;
import java.util.UUID;

/**
 * The HTTP side of the ergonomic layer: one method per operation it uses, speaking the current {@code /v1} wire
 * types. An implementation for the legacy routes translates them. Every method is synchronous, retries as
 * configured, and throws a {@link HoneyHiveException} subclass when the call finally fails.
 */
public interface Gateway {
  /** Starts (or re-posts, idempotently) the session {@code session.getSessionId()}. */
  public void postSession(SessionStartRequest session);

  /** Creates one event; its {@code event_id} is set by the caller. */
  public void postEvent(Event event);

  /**
   * Creates several events in one request; each has its {@code event_id} and {@code session_id} set by the caller.
   *
   * @param events at least one
   * @return {@link BatchResult#ALL_STORED}, or the events a partial success did not store
   */
  public BatchResult postEvents(List<Event> events);

  /**
   * Creates a new session from {@code properties} holding {@code events}, in one single-session batch
   * ({@code single_session: true}). The events carry no {@code session_id}; top-level ones carry no {@code parent_id}.
   *
   * @param events at least one
   * @return the id HoneyHive gave the session, or null when its answer names none
   */
  public String postImport(SessionProperties properties, List<Event> events);

  /** Merges {@code update} into the stored event (or session) {@code eventId}. */
  public void putEvent(String eventId, EventUpdate update);

  /**
   * Reads one event.
   *
   * @throws NotFoundException if there is no such event
   */
  public EventRecord getEvent(UUID eventId);

  /** Runs one page of a search. */
  public SearchEventsResponse postSearch(SearchEventsRequest request);
}
