package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.delivery.DeliveryCounters;
import ai.honeyhive.internal.wire.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handle on one HoneyHive session: one user interaction or one run of your application. Events logged on it become
 * its top-level steps; {@link #chain} spans group further steps under them. Created by
 * {@link SessionBuilder#start()} or, for a session started elsewhere, {@link HoneyHive#attachSession}.
 *
 * <p>Thread-safe; many threads may log to one session at once without contending for a lock. The enrichment methods
 * ({@link #feedback}, {@link #metadata}, ...) and {@link #end()} each make one update of the session. In the
 * {@link DeliveryMode#BATCHED} mode (the default) the update is queued behind the session's earlier writes and the
 * call returns at once; a failure is reported to the {@link DeliveryListener}. In the {@link DeliveryMode#SYNCHRONOUS}
 * mode it is sent at once and a failure is thrown as a {@link HoneyHiveException}. Nothing else updates the session: a
 * handle from {@link HoneyHive#attachSession} sends an update only when one of these is called.
 *
 * <p>A session is {@link AutoCloseable}: {@link #close()} ends it, once, and never throws, so a try-with-resources
 * block ends the session however the block exits.
 */
public final class Session extends EventScope implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Session.class);

  private final Long startNanos;
  /** The end the session was given when it started ({@link SessionBuilder#endTime}), or null. */
  private final Long endNanos;
  /** The session's name when this handle started it; null for an attached session. */
  private final String name;
  private final IdList children = new IdList();
  /** Spans adopted when they started whose event was then dropped or failed; null until the first. */
  private final AtomicReference<Set<UUID>> disowned = new AtomicReference<>();
  /** Whether {@link #end()} or {@link #close()} was called. */
  private final AtomicBoolean ended = new AtomicBoolean();

  Session(Client client, UUID sessionId, String name, Long startNanos) {
    this(client, sessionId, name, startNanos, null);
  }

  Session(Client client, UUID sessionId, String name, Long startNanos, Long endNanos) {
    super(client, sessionId);
    this.name = name;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
  }

  /**
   * Starts building an update of the session event, for several fields in one call. Maps are merged into the stored
   * session; outputs replace it.
   *
   * @return a builder for the update
   */
  public EventUpdate update() {
    return new EventUpdate(client, sessionId.toString(), sessionId);
  }

  /**
   * Merges {@code feedback}, such as {@code {"rating": 5}}, into the session now.
   *
   * @param feedback the entries to merge; values must be writable as JSON
   * @return this session
   * @throws HoneyHiveException in the synchronous mode, if the update fails after its retries
   */
  public Session feedback(Map<String, ?> feedback) {
    update().feedback(feedback).send();
    return this;
  }

  /**
   * Merges {@code metadata} into the session now.
   *
   * @param metadata the entries to merge; values must be writable as JSON
   * @return this session
   * @throws HoneyHiveException in the synchronous mode, if the update fails after its retries
   */
  public Session metadata(Map<String, ?> metadata) {
    update().metadata(metadata).send();
    return this;
  }

  /**
   * Merges {@code metrics} into the session now.
   *
   * @param metrics the entries to merge; values must be writable as JSON
   * @return this session
   * @throws HoneyHiveException in the synchronous mode, if the update fails after its retries
   */
  public Session metrics(Map<String, ?> metrics) {
    update().metrics(metrics).send();
    return this;
  }

  /**
   * Merges {@code userProperties} into the session now.
   *
   * @param userProperties the entries to merge; values must be writable as JSON
   * @return this session
   * @throws HoneyHiveException in the synchronous mode, if the update fails after its retries
   */
  public Session userProperties(Map<String, ?> userProperties) {
    update().userProperties(userProperties).send();
    return this;
  }

  /**
   * Replaces the session's outputs now.
   *
   * @param outputs the new outputs; values must be writable as JSON
   * @return this session
   * @throws HoneyHiveException in the synchronous mode, if the update fails after its retries
   */
  public Session outputs(Map<String, ?> outputs) {
    update().outputs(outputs).send();
    return this;
  }

  /**
   * Ends the session: sends its end time (now, or the {@link SessionBuilder#endTime} it was started with), its
   * duration since its start (now, or the {@link SessionBuilder#startTime} it was started with) when this handle
   * started it, and the ids of the events logged directly on it. In the batched mode it is queued after the events
   * logged before it and this returns at once; a failure is reported to the {@link DeliveryListener}, not thrown.
   * Each call sends the end again, with the time of that call; after it, {@link #close()} does nothing.
   *
   * @throws HoneyHiveException in the synchronous mode, if the update fails after its retries
   */
  public void end() {
    ended.set(true);
    sendEnd();
  }

  /**
   * Ends the session as {@link #end()} does, unless it was ended already; for try-with-resources:
   *
   * <pre>{@code
   * try (Session session = hh.session("support-chat").start()) {
   *   session.chain("answer").call(() -> answer(question));
   * }   // ends the session
   * }</pre>
   *
   * <p>Idempotent: does nothing once {@link #end()} or {@code close()} was called. Never throws, in either mode,
   * since it runs when the block exits and must not mask what the block did: in the {@link DeliveryMode#BATCHED} mode
   * (the default) the end is queued, and a failure to deliver it is reported to the {@link DeliveryListener} like any
   * write's; in the {@link DeliveryMode#SYNCHRONOUS} mode a failure to send it is logged (SLF4J, logger
   * {@code ai.honeyhive.Session}) instead of thrown. To have that failure thrown, call {@link #end()} at the end of the
   * block. A handle from {@link HoneyHive#attachSession} ends the session too when closed: do not close a handle on
   * a session that another part of the application ends.
   */
  @Override
  public void close() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      sendEnd();
    } catch (RuntimeException e) {
      log.warn("could not end session {}: {}", sessionId, e.toString());
    }
  }

  private void sendEnd() {
    long end = endNanos != null ? endNanos : client.time.nowEpochNanos();
    EventUpdate update = update().endTime(Instant.ofEpochSecond(0, end));
    if (startNanos != null) {
      update.duration(Duration.ofNanos(Math.max(0, end - startNanos)));
    }
    List<String> childIds = new ArrayList<>();
    Set<UUID> left = disowned.get();
    for (UUID id : children.snapshot()) {
      if (left == null || !left.contains(id)) {
        childIds.add(id.toString());
      }
    }
    if (!childIds.isEmpty()) {
      update.childrenIds(childIds);
    }
    update.send();
  }

  /**
   * Returns a scope whose events nest under the event {@code eventId} of this session: their {@code parent_id} is
   * {@code eventId}. The event need not be open, nor logged by this process: a span of another service, or of another
   * tracer (the OpenTelemetry bridge nests OpenTelemetry spans this way). Spans started in the scope nest as usual.
   * The parent does not list these events in its {@code children_ids}; HoneyHive nests events by their
   * {@code parent_id}. Sends nothing.
   *
   * @param eventId the parent event's id, a UUID string; the session's own id makes top-level events
   * @return the scope to log the nested events in
   * @throws IllegalArgumentException if {@code eventId} is not a UUID
   */
  public EventScope under(String eventId) {
    UUID id = Ids.parse("eventId", eventId);
    return id.equals(sessionId) ? this : new KnownParent(client, this, id);
  }

  @Override
  UUID parentEventId() {
    return sessionId;
  }

  @Override
  String propagatedSessionName() {
    return name;
  }

  @Override
  void disown(UUID child) {
    Set<UUID> left = disowned.get();
    if (left == null) {
      disowned.compareAndSet(null, ConcurrentHashMap.newKeySet()); // Made only when a span is dropped: rarely.
      left = disowned.get();
    }
    left.add(child);
  }

  @Override
  void adopt(UUID child) {
    if (children.add(child)) {
      DeliveryCounters.log.warn("session {} has more than {} children; the ids of later ones are left out of its"
          + " children_ids (they still name it as their parent)", sessionId, IdList.MAX_IDS);
    }
  }

  @Override
  public String toString() {
    return "Session{sessionId=" + sessionId + "}";
  }
}
