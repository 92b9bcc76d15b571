package ai.honeyhive;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.delivery.ImportBatch;
import ai.honeyhive.internal.wire.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A completed session imported from history (a log, a database) in one request: its events are added with the times
 * they had, then {@link #send()} delivers the session and all its events as one single-session batch
 * ({@code POST /v1/events/batch} with {@code single_session: true}; on the legacy routes {@code POST /events/batch}).
 * A session started with {@link HoneyHive#session} costs two requests of its own besides its events (its start and
 * its end); an imported one costs one, its events included. Created by {@link HoneyHive#importSession}.
 *
 * <pre>{@code
 * SessionImport imported = hh.importSession("support-chat")
 *     .startTime(t0)
 *     .userProperties(Map.of("user_id", "u-42"));
 * String chain = imported.chain("answer").startTime(t0).endTime(t3).inputs(Map.of("q", q)).log();
 * imported.under(chain).tool("vector-search").startTime(t1).endTime(t2).inputs(Map.of("q", q)).log();
 * CompletableFuture<String> sessionId = imported.send();
 * }</pre>
 *
 * <h2>What HoneyHive documents, and what it does not</h2>
 * HoneyHive creates the session from {@code session_properties}, for which it documents {@code session_name},
 * {@code start_time}, {@code user_properties} and {@code metadata}: those are what this import sends, nothing else.
 * It documents no end time, source, inputs, outputs or config for that session, so this class offers none (HoneyHive
 * may derive the session's end from its events; that is not documented). Where those matter, start the session the
 * usual way, back-dated ({@link SessionBuilder#startTime}, {@link SessionBuilder#endTime}), at two requests more.
 *
 * <p>HoneyHive chooses the session's id: whether it would honour one sent in {@code session_properties} is not
 * documented, so none is sent. Hence the events carry no {@code session_id}, top-level events carry no
 * {@code parent_id} (HoneyHive makes the session their parent), and {@link #send()} returns the id from HoneyHive's
 * answer. Events nested with {@link #under} keep the client-made id of their parent event, and each parent lists them
 * in its {@code children_ids}. This is correct whatever HoneyHive does with keys it does not document, since none is
 * sent.
 *
 * <h2>Limits</h2>
 * An import is one request and is never split: its parts sent apart would become separate sessions. It holds
 * {@link #MAX_EVENTS} events at most, whatever {@link HoneyHive.Builder#maxBatchSize} says, and at least one. In the
 * batched mode it takes one place in the queue and its estimated size counts against the queue's byte bound, so the
 * {@link QueueFullPolicy} applies to it as to any write (a queue holding nothing takes it however large).
 *
 * <p>Map setters add their entries to those set before, later values winning, like every map setter of this client
 * (see {@link BaseEventBuilder}).
 *
 * <p>Not thread-safe: build an import on one thread.
 */
public final class SessionImport {
  /**
   * The most events one imported session may hold: HoneyHive advises batches of 100 to 1000 events, and an import is
   * one batch.
   */
  public static final int MAX_EVENTS = 1000;

  private final Client client;
  private final String name;
  private final ImportScope top;
  /** The events logged so far by id, in the order first logged; a second log with one id replaces the first. */
  private final Map<String, Event> events = new LinkedHashMap<>();
  private long fieldBytes;
  private Instant startTime;
  private Map<String, Object> userProperties;
  private Map<String, Object> metadata;
  private boolean sent;

  SessionImport(Client client, String name) {
    this.client = client;
    this.name = name;
    this.top = new ImportScope(client, this, null);
  }

  /**
   * Sets when the session started, sent as {@code session_properties.start_time}. Required: an import records a
   * session that already happened. The events take their own times ({@link BaseEventBuilder#startTime}).
   *
   * @param startTime when the session started; sent to the millisecond
   * @return this import
   * @throws NullPointerException if {@code startTime} is null
   */
  public SessionImport startTime(Instant startTime) {
    this.startTime = Checks.notNull("startTime", startTime);
    return this;
  }

  /**
   * Adds properties of the end user, sent as {@code session_properties.user_properties}.
   *
   * @param userProperties the entries to add to those set before (later values win); values must be writable as
   *     JSON
   * @return this import
   * @throws NullPointerException if {@code userProperties} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public SessionImport userProperties(Map<String, ?> userProperties) {
    this.userProperties = MapMerge.merge("userProperties", this.userProperties, userProperties);
    return this;
  }

  /**
   * Adds metadata to the session's, sent as {@code session_properties.metadata}.
   *
   * @param metadata the entries to add to those set before (later values win); values must be writable as
   *     JSON
   * @return this import
   * @throws NullPointerException if {@code metadata} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public SessionImport metadata(Map<String, ?> metadata) {
    this.metadata = MapMerge.merge("metadata", this.metadata, metadata);
    return this;
  }

  /**
   * Starts building a top-level model (LLM) event of the session; see {@link EventScope#model}. Give it its times and
   * {@link BaseEventBuilder#log() log()} it: that keeps it for {@link #send()} (times not given are filled in with
   * now, which is seldom right for history). {@code start()}, {@code call()} and {@code run()} are refused.
   *
   * @param model the model's name, such as {@code "gpt-4o"}; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code model} is blank or holds a lone UTF-16 surrogate
   */
  public ModelEventBuilder model(String model) {
    return top.model(model);
  }

  /**
   * Starts building a top-level tool event of the session; see {@link #model} for how it is logged.
   *
   * @param name the tool's name, such as {@code "vector-search"}; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public EventBuilder tool(String name) {
    return top.tool(name);
  }

  /**
   * Starts building a top-level chain event of the session; see {@link #model} for how it is logged, and
   * {@link #under} to nest events under it.
   *
   * @param name the chain's name; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public EventBuilder chain(String name) {
    return top.chain(name);
  }

  /**
   * Returns where to log events nested under {@code eventId}, an event already logged in this import.
   *
   * @param eventId the id {@code log()} returned for the parent event
   * @return the place to log its children
   * @throws IllegalArgumentException if {@code eventId} is not a UUID or names no event of this import
   */
  public ImportParent under(String eventId) {
    UUID id = Ids.parse("eventId", eventId);
    if (!events.containsKey(id.toString())) {
      throw new IllegalArgumentException("eventId " + eventId + " names no event logged in this import");
    }
    return new ImportParent(new ImportScope(client, this, id), id.toString());
  }

  /**
   * Returns how many events were logged in this import.
   *
   * @return the number of events, at most {@link #MAX_EVENTS}
   */
  public int eventCount() {
    return events.size();
  }

  /**
   * Sends the session and its events as one single-session batch, once. Nested events are listed in their parent's
   * {@code children_ids}.
   *
   * <p>In the {@link DeliveryMode#BATCHED} mode (the default) it is queued and this returns at once; it is retried,
   * reported to the {@link DeliveryListener} and counted in {@link HoneyHive#stats()} and the {@link DeliveryReport}
   * like other writes, as many writes as it has events (failed or dropped together). The future fails when it
   * failed or was dropped. In the {@link DeliveryMode#SYNCHRONOUS} mode it is sent before this returns and a failure
   * is thrown.
   *
   * <p>A retry after a request whose answer was lost may make HoneyHive create the session twice: whether it
   * deduplicates a re-sent batch is not documented. On the legacy routes a partial success fails the whole import,
   * since re-sending the events it did not store would make them a second session.
   *
   * @return completed with the id HoneyHive gave the session, or with null if its answer named none (its spec makes
   *     the id optional; a disabled client sends nothing and completes with null)
   * @throws IllegalStateException if {@link #startTime} is not set, no event was logged, or this was sent already
   * @throws HoneyHiveException in the synchronous mode, if the API call fails after its retries
   */
  public CompletableFuture<String> send() {
    checkNotSent();
    if (startTime == null) {
      throw new IllegalStateException("startTime is not set: an imported session needs the time it started");
    }
    if (events.isEmpty()) {
      throw new IllegalStateException("an imported session needs at least one event; log() its events first");
    }
    sent = true;
    List<Event> batch = new ArrayList<>(events.values());
    for (Event event : batch) {
      Event parent = event.getParentId() == null ? null : events.get(event.getParentId());
      if (parent != null) {
        List<String> children = parent.getChildrenIds() == null ? new ArrayList<>() : parent.getChildrenIds();
        children.add(event.getEventId());
        parent.setChildrenIds(children);
      }
    }
    SessionProperties properties = new SessionProperties()
        .sessionName(name)
        .startTime(startTime.toEpochMilli())
        .userProperties(userProperties)
        .metadata(metadata);
    return client.delivery.submitImport(new ImportBatch(properties, batch, fieldBytes));
  }

  /** Keeps an event logged by one of this import's builders. */
  void keep(Event event, long eventFieldBytes) {
    checkNotSent();
    if (events.size() >= MAX_EVENTS && !events.containsKey(event.getEventId())) {
      throw new IllegalStateException("an imported session holds at most " + MAX_EVENTS
          + " events (SessionImport.MAX_EVENTS), and this one is full; it is sent as one request and cannot be split");
    }
    events.put(event.getEventId(), event);
    fieldBytes += eventFieldBytes + 40 * 2; // Its maps, and its id in its parent's children_ids.
  }

  private void checkNotSent() {
    if (sent) {
      throw new IllegalStateException("this imported session was sent already; start another with importSession");
    }
  }

  @Override
  public String toString() {
    return "SessionImport{'" + name + "', " + events.size() + " events}";
  }
}
