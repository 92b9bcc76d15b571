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

  /**
   * Returns the id of the session everything in this scope belongs to.
   *
   * @return the session id, a UUID string
   */
  public final String sessionId() {
    return sessionId.toString();
  }

  /**
   * Starts building a model (LLM) event named {@code model}; the name also goes into {@code config.model}.
   *
   * @param model the model's name, such as {@code "gpt-4o"}; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code model} is blank
   */
  public final ModelEventBuilder model(String model) {
    return new ModelEventBuilder(client, this, Checks.name("model", model));
  }

  /**
   * Starts building a tool event (vector search, function call, external API) named {@code name}.
   *
   * @param name the tool's name, such as {@code "vector-search"}; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public final EventBuilder tool(String name) {
    return new EventBuilder(client, this, EventType.TOOL, Checks.name("name", name));
  }

  /**
   * Starts building a chain event named {@code name}: a group of steps; {@link EventBuilder#start()} it to nest
   * events under it.
   *
   * @param name the chain's name; must not be blank
   * @return a builder for the event
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
