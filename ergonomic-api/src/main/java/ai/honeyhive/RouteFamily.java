package ai.honeyhive;

/**
 * Which generation of HoneyHive's API the client writes to. Reads ({@code getEvent}, {@code searchEvents}) always use
 * the current routes.
 */
public enum RouteFamily {
  /**
   * The current routes under {@code /v1} with strict bodies: {@code POST /v1/sessions}, {@code POST /v1/events},
   * {@code PUT /v1/events/{id}}; in the batched delivery mode {@code POST /v1/sessions/{id}/events/batch} for a batch
   * of one session's events and {@code POST /v1/events/batch} for a batch mixing sessions. The default.
   */
  CURRENT,
  /**
   * The deprecated routes with wrapped, lenient bodies, for servers that predate {@code /v1}:
   * {@code POST /session/start}, {@code POST /events}, {@code POST /events/model} for model events,
   * {@code PUT /events}; in the batched delivery mode {@code POST /events/batch} for every batch, model events
   * included, where a partial success sends only the events that were not stored again.
   */
  LEGACY
}
