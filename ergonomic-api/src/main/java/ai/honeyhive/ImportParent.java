package ai.honeyhive;

/**
 * Logs events of a {@link SessionImport} nested under one of its events: their {@code parent_id} is that event's id,
 * and it lists them in its {@code children_ids}. Created by {@link SessionImport#under(String)}. Like the import, the
 * builders only keep their events for {@link SessionImport#send()}: give each its times and {@code log()} it.
 */
public final class ImportParent {
  private final ImportScope scope;
  private final String eventId;

  ImportParent(ImportScope scope, String eventId) {
    this.scope = scope;
    this.eventId = eventId;
  }

  /**
   * Returns the id of the event the events logged here nest under.
   *
   * @return the parent event's id
   */
  public String eventId() {
    return eventId;
  }

  /**
   * Starts building a model (LLM) event nested here; see {@link SessionImport#model}.
   *
   * @param model the model's name; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code model} is blank or holds a lone UTF-16 surrogate
   */
  public ModelEventBuilder model(String model) {
    return scope.model(model);
  }

  /**
   * Starts building a tool event nested here; see {@link SessionImport#tool}.
   *
   * @param name the tool's name; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public EventBuilder tool(String name) {
    return scope.tool(name);
  }

  /**
   * Starts building a chain event nested here; see {@link SessionImport#chain}.
   *
   * @param name the chain's name; must not be blank
   * @return a builder for the event
   * @throws IllegalArgumentException if {@code name} is blank or holds a lone UTF-16 surrogate
   */
  public EventBuilder chain(String name) {
    return scope.chain(name);
  }

  @Override
  public String toString() {
    return "ImportParent{eventId=" + eventId + "}";
  }
}
