package ai.honeyhive;

/**
 * Which generation of HoneyHive's API the client writes to. Reads ({@code getEvent}, {@code searchEvents}) always use
 * the current routes.
 */
public enum RouteFamily {
  /**
   * The current routes under {@code /v1} with strict bodies: {@code POST /v1/sessions}, {@code POST /v1/events},
   * {@code PUT /v1/events/{id}}. The default.
   */
  CURRENT,
  /**
   * The deprecated routes with wrapped, lenient bodies, for servers that predate {@code /v1}:
   * {@code POST /session/start}, {@code POST /events}, {@code POST /events/model} for model events,
   * {@code PUT /events}.
   */
  LEGACY
}
