package ai.honeyhive;

/**
 * Builds a tool or chain event; see {@link BaseEventBuilder}. Created by {@link EventScope#tool} and
 * {@link EventScope#chain}.
 */
public final class EventBuilder extends BaseEventBuilder<EventBuilder> {
  EventBuilder(Client client, EventScope parent, EventType type, String name) {
    super(client, parent, type, name);
  }
}
