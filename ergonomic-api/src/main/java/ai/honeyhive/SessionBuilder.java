package ai.honeyhive;

import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.bridge.ContextBridges;
import ai.honeyhive.internal.bridge.ForeignSpan;
import ai.honeyhive.internal.wire.Ids;
import ai.honeyhive.internal.wire.Times;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a session; {@link #start()} starts it ({@code POST /v1/sessions}, or {@code POST /session/start} on the
 * legacy routes) and returns its {@link Session} handle. Created by {@link HoneyHive#session}. Not thread-safe.
 *
 * <p>Map setters add their entries to those set before, later values winning, like every map setter of this client
 * (see {@link BaseEventBuilder}): {@code .metadata(Map.of("a", 1)).metadata(Map.of("b", 2))} sends both. Each value is
 * checked when it is set, and the maps are copied then: later changes to the caller's map do not show. A builder
 * started again sends what it holds then; a session already started does not change.
 */
public final class SessionBuilder {
  private final Client client;
  private final String name;
  private UUID sessionId;
  private String source;
  private Map<String, Object> userProperties;
  private Map<String, Object> metadata;
  private Map<String, Object> config;
  private Map<String, Object> inputs;
  private Instant startTime;
  private Instant endTime;

  SessionBuilder(Client client, String name) {
    this.client = client;
    this.name = name;
  }

  /**
   * Uses your own id for the session, such as your application's UUID for this conversation, instead of a
   * generated one. Starting a session twice with one id is idempotent: the server merges the second start.
   *
   * @param sessionId the session's id, a UUID string
   * @return this builder
   * @throws IllegalArgumentException if {@code sessionId} is not a UUID
   */
  public SessionBuilder sessionId(String sessionId) {
    this.sessionId = Ids.parse("sessionId", sessionId);
    return this;
  }

  /**
   * Sets the session's source, such as {@code "production"}. Default: the client's source.
   *
   * @param source the source; must not be blank or hold a lone UTF-16 surrogate
   * @return this builder
   */
  public SessionBuilder source(String source) {
    this.source = Checks.name("source", source);
    return this;
  }

  /**
   * Adds properties of the end user, such as {@code {"user_id": "u-42"}}.
   *
   * @param userProperties the entries to add to those set before (later values win); values must be writable as
   *     JSON
   * @return this builder
   * @throws NullPointerException if {@code userProperties} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public SessionBuilder userProperties(Map<String, ?> userProperties) {
    this.userProperties = MapMerge.merge("userProperties", this.userProperties, userProperties);
    return this;
  }

  /**
   * Adds metadata to the session's.
   *
   * @param metadata the entries to add to those set before (later values win); values must be writable as
   *     JSON
   * @return this builder
   * @throws NullPointerException if {@code metadata} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public SessionBuilder metadata(Map<String, ?> metadata) {
    this.metadata = MapMerge.merge("metadata", this.metadata, metadata);
    return this;
  }

  /**
   * Adds configuration, such as the application version, to the session's.
   *
   * @param config the entries to add to those set before (later values win); values must be writable as
   *     JSON
   * @return this builder
   * @throws NullPointerException if {@code config} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public SessionBuilder config(Map<String, ?> config) {
    this.config = MapMerge.merge("config", this.config, config);
    return this;
  }

  /**
   * Adds inputs, such as the user's first message, to the session's.
   *
   * @param inputs the entries to add to those set before (later values win); values must be writable as
   *     JSON
   * @return this builder
   * @throws NullPointerException if {@code inputs} is null or has a null key
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON; nothing is added
   */
  public SessionBuilder inputs(Map<String, ?> inputs) {
    this.inputs = MapMerge.merge("inputs", this.inputs, inputs);
    return this;
  }

  /**
   * Back-dates the session: it started at {@code startTime}, which {@link #start()} sends as its {@code start_time}
   * instead of now, for a session recorded after the fact. Default: now, when {@link #start()} is called. Events
   * take their own times ({@link BaseEventBuilder#startTime}); spans are timed by the clock.
   *
   * @param startTime when the session started; sent to the millisecond
   * @return this builder
   * @throws NullPointerException if {@code startTime} is null
   */
  public SessionBuilder startTime(Instant startTime) {
    this.startTime = Checks.notNull("startTime", startTime);
    return this;
  }

  /**
   * Sets when the session ended, for a session whose end is known already. {@link #start()} then sends it as the
   * session's {@code end_time} with its {@code duration}, and {@link Session#end()} sends it again instead of the time
   * it is called. Default: none; the session ends when {@link Session#end()} is called.
   *
   * @param endTime when the session ended; not before its start (checked by {@link #start()}); sent to the
   *     millisecond
   * @return this builder
   * @throws NullPointerException if {@code endTime} is null
   */
  public SessionBuilder endTime(Instant endTime) {
    this.endTime = Checks.notNull("endTime", endTime);
    return this;
  }

  /**
   * Starts the session and returns its handle. The session's id is made here, so the handle is usable at once. In the
   * {@link DeliveryMode#BATCHED} mode (the default) the start is queued ahead of the session's events and the call
   * returns at once; a failure is reported to the {@link DeliveryListener}. In the {@link DeliveryMode#SYNCHRONOUS}
   * mode it is sent before this returns.
   *
   * <p>With the {@code honeyhive-opentelemetry} module, while a HoneyHive span exporter is live and an OpenTelemetry
   * span is current (and no HoneyHive scope is current around it), a session without an id of its own takes the
   * trace's id (the trace id read as a UUID): the session the exporter files that trace's spans under, so both land in
   * one tree. Two sessions started inside one trace then share that id and merge; give them ids of their own
   * ({@link #sessionId}) to keep them apart, or set {@code honeyhive.otel.session-from-trace=false}.
   *
   * @return the session's handle
   * @throws IllegalArgumentException if the {@link #endTime} is before the start ({@link #startTime}, or now)
   * @throws HoneyHiveException in the synchronous mode, if the API call fails after its retries
   */
  public Session start() {
    long start = startTime != null ? Times.nanos(startTime) : client.time.nowEpochNanos();
    Long end = endTime != null ? Times.nanos(endTime) : null;
    if (end != null && end < start) {
      throw new IllegalArgumentException("endTime (" + endTime + ") is before startTime ("
          + (startTime != null ? startTime : "now: " + Instant.ofEpochSecond(0, start)) + ")");
    }
    UUID traceSession = sessionId != null ? null : traceSession();
    boolean joinsTrace = traceSession != null;
    UUID id = sessionId != null ? sessionId : joinsTrace ? traceSession : Ids.newId();
    SessionStartRequest request = new SessionStartRequest()
        .sessionId(id.toString())
        .sessionName(name)
        .eventName(name)
        .source(source != null ? source : client.defaultSource)
        .startTime(Math.floorDiv(start, 1_000_000L))
        .userProperties(userProperties)
        .metadata(metadata)
        .config(config)
        .inputs(inputs);
    if (end != null) {
      request.endTime(Math.floorDiv(end, 1_000_000L)).duration((end - start) / 1e6);
    }
    client.delivery.submitSessionStart(request);
    if (sessionId == null && joinsTrace) {
      ContextBridges.get().sessionStarted(id);
    }
    return new Session(client, id, name, start, end);
  }

  /**
   * The session id of another tracer's trace when a session started now should join it (OpenTelemetry, through the
   * bridge, with no HoneyHive scope around its span), else null.
   */
  private static UUID traceSession() {
    ForeignSpan foreign = ContextBridges.get().current();
    return foreign != null && foreign.sessionsJoinTrace() && foreign.honeyHiveScope() == null
        ? foreign.traceSession() : null;
  }
}
