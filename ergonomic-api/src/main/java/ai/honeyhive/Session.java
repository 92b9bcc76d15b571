package ai.honeyhive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A handle on one HoneyHive session: one user interaction or one run of your application. Events logged on it become
 * its top-level steps; {@link #chain} spans group further steps under them. Created by
 * {@link SessionBuilder#start()} or, for a session started elsewhere, {@link HoneyHive#attachSession}.
 *
 * <p>Thread-safe. The enrichment methods ({@link #feedback}, {@link #metadata}, ...) and {@link #end()} each send one
 * update at once and throw {@link HoneyHiveException} if it fails.
 */
public final class Session extends EventScope {
  private final Long startNanos;
  private final List<UUID> children = new ArrayList<>();

  Session(Client client, UUID sessionId, Long startNanos) {
    super(client, sessionId);
    this.startNanos = startNanos;
  }

  /**
   * Starts building an update of the session event, for several fields in one call. Maps are merged into the stored
   * session; outputs replace it.
   *
   * @return a builder for the update
   */
  public EventUpdate update() {
    return new EventUpdate(client.gateway, sessionId);
  }

  /**
   * Merges {@code feedback}, such as {@code {"rating": 5}}, into the session now.
   *
   * @param feedback the entries to merge; values must be writable as JSON
   * @return this session
   * @throws HoneyHiveException if the update fails after its retries
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
   * @throws HoneyHiveException if the update fails after its retries
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
   * @throws HoneyHiveException if the update fails after its retries
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
   * @throws HoneyHiveException if the update fails after its retries
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
   * @throws HoneyHiveException if the update fails after its retries
   */
  public Session outputs(Map<String, ?> outputs) {
    update().outputs(outputs).send();
    return this;
  }

  /**
   * Ends the session now: sends its end time, its duration when this handle started it, and the ids of the events
   * logged directly on it.
   */
  public void end() {
    long now = client.time.nowEpochNanos();
    EventUpdate update = update().endTime(Instant.ofEpochSecond(0, now));
    if (startNanos != null) {
      update.duration(Duration.ofNanos(Math.max(0, now - startNanos)));
    }
    List<String> childIds = new ArrayList<>();
    synchronized (children) {
      children.forEach(id -> childIds.add(id.toString()));
    }
    if (!childIds.isEmpty()) {
      update.childrenIds(childIds);
    }
    update.send();
  }

  @Override
  UUID parentEventId() {
    return sessionId;
  }

  @Override
  void adopt(UUID child) {
    synchronized (children) {
      children.add(child);
    }
  }

  @Override
  public String toString() {
    return "Session{sessionId=" + sessionId + "}";
  }
}
