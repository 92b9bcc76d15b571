package ai.honeyhive;

/** The kind of step an event records. */
public enum EventType {
  /** A call to a language model. */
  MODEL("model"),
  /** A call to anything else: a vector database, a function, an external API. */
  TOOL("tool"),
  /** A group of steps, such as one turn of an agent; chains nest other events. */
  CHAIN("chain"),
  /** The root event of a session. */
  SESSION("session");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name HoneyHive uses for this type on the wire, such as {@code "model"}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  ai.honeyhive.client.model.EventType toWire() {
    return ai.honeyhive.client.model.EventType.fromValue(wireName);
  }

  /** Returns the type for a wire value, or null for a type this client does not know. */
  static EventType fromWire(ai.honeyhive.client.model.EventType wire) {
    if (wire == null) {
      return null;
    }
    for (EventType type : values()) {
      if (type.wireName.equals(wire.getValue())) {
        return type;
      }
    }
    return null;
  }
}
