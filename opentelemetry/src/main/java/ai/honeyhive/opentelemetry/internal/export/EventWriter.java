package ai.honeyhive.opentelemetry.internal.export;

import ai.honeyhive.BaseEventBuilder;
import ai.honeyhive.EventScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.SessionBuilder;
import ai.honeyhive.opentelemetry.internal.mapping.MappedEvent;
import ai.honeyhive.opentelemetry.internal.mapping.SessionStarts;
import java.util.Map;
import java.util.UUID;

/**
 * Hands mapped spans to the client's delivery: session starts through {@link HoneyHive#session}, events through
 * {@link HoneyHive#attachSession} (and {@link Session#under} for a nested event), with the builder of their type. In
 * the batched mode both only queue, so this costs no network round trip. Stateless and thread-safe.
 */
public final class EventWriter {
  private final HoneyHive client;

  /** Writes through {@code client}. */
  public EventWriter(HoneyHive client) {
    this.client = client;
  }

  /**
   * Starts (queues the start of) the session {@code start} plans. The {@link Session} handle is not kept: nothing may
   * end the session, since later batches of the trace still add to it.
   *
   * @throws IllegalArgumentException if the client refuses the name or source
   */
  public void start(SessionStarts.Start start) {
    SessionBuilder session = client.session(start.name())
        .sessionId(start.sessionId().toString())
        .startTime(start.start());
    if (start.source() != null) {
      session.source(start.source());
    }
    session.start();
  }

  /**
   * Logs {@code event} and returns its id. {@code sessions} caches the attached session handles of one batch.
   *
   * @throws IllegalArgumentException (or another runtime exception) if the client's builder refuses a value: a name
   *     or string with a lone UTF-16 surrogate, a NaN or infinite number, ...
   */
  public String log(MappedEvent event, Map<UUID, Session> sessions) {
    Session session = sessions.computeIfAbsent(event.sessionId(), id -> client.attachSession(id.toString()));
    EventScope scope = event.parentId() == null ? session : session.under(event.parentId().toString());
    BaseEventBuilder<?> builder = builder(scope, event);
    builder.eventId(event.eventId().toString());
    builder.startTime(event.start());
    builder.endTime(event.end());
    if (event.source() != null && !event.source().isBlank()) {
      builder.source(event.source());
    }
    putIfAny(builder, event);
    if (event.error() != null) {
      builder.error(event.error());
    }
    return builder.log();
  }

  /**
   * The builder of the event's type. A model event's name is handed to {@link EventScope#model}, which also writes it
   * to {@code config.model}; the mapped config is added after it, so a model the span names wins.
   */
  private static BaseEventBuilder<?> builder(EventScope scope, MappedEvent event) {
    switch (event.eventType()) {
      case "model":
        return scope.model(event.eventName());
      case "chain":
        return scope.chain(event.eventName());
      default:
        return scope.tool(event.eventName());
    }
  }

  private static void putIfAny(BaseEventBuilder<?> builder, MappedEvent event) {
    if (!event.inputs().isEmpty()) {
      builder.inputs(event.inputs());
    }
    if (!event.outputs().isEmpty()) {
      builder.outputs(event.outputs());
    }
    if (!event.config().isEmpty()) {
      builder.config(event.config());
    }
    if (!event.metadata().isEmpty()) {
      builder.metadata(event.metadata());
    }
    if (!event.metrics().isEmpty()) {
      builder.metrics(event.metrics());
    }
    if (!event.feedback().isEmpty()) {
      builder.feedback(event.feedback());
    }
    if (!event.userProperties().isEmpty()) {
      builder.userProperties(event.userProperties());
    }
  }
}
