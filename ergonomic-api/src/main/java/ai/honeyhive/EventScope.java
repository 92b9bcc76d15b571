package ai.honeyhive;

import java.util.UUID;

/**
 * Somewhere events can be logged: a {@link Session} (events become its top-level steps) or an open {@link Span}
 * (events nest under it: their {@code parent_id} is the span's event id, and the span lists them in
 * {@code children_ids}). Thread-safe.
 */
public abstract class EventScope {
  final Client client;
  final UUID sessionId;

  EventScope(Client client, UUID sessionId) {
    this.client = client;
    this.sessionId = sessionId;
  }

  /** Returns the id of the session everything in this scope belongs to. */
  public final String sessionId() {
    return sessionId.toString();
  }

  /**
   * Starts building a model (LLM) event named {@code model}; the name also goes into {@code config.model}.
   *
   * @throws IllegalArgumentException if {@code model} is blank
   */
  public final ModelEventBuilder model(String model) {
    return new ModelEventBuilder(client, this, Checks.name("model", model));
  }

  /**
   * Starts building a tool event (vector search, function call, external API) named {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public final EventBuilder tool(String name) {
    return new EventBuilder(client, this, EventType.TOOL, Checks.name("name", name));
  }

  /**
   * Starts building a chain event named {@code name}: a group of steps; {@link EventBuilder#start()} it to nest
   * events under it.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public final EventBuilder chain(String name) {
    return new EventBuilder(client, this, EventType.CHAIN, Checks.name("name", name));
  }

  /** The {@code parent_id} of events logged in this scope. */
  abstract UUID parentEventId();

  /** Records that {@code child} was logged in this scope, for {@code children_ids}. */
  abstract void adopt(UUID child);
}
