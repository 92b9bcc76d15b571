package ai.honeyhive.testing;

import ai.honeyhive.opentelemetry.internal.mapping.MappedEvent;
import ai.honeyhive.opentelemetry.internal.mapping.SessionStarts;
import ai.honeyhive.opentelemetry.internal.mapping.SpanMapper;
import ai.honeyhive.opentelemetry.internal.mapping.SpanRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /opentelemetry/v1/traces}, HoneyHive's OTLP/HTTP trace ingest: an {@code ExportTraceServiceRequest} in
 * protobuf ({@code application/x-protobuf}) or OTLP/JSON ({@code application/json}), optionally gzipped
 * ({@link OtlpDecoder}), whose spans are checked ({@link OtlpSpans}) and mapped to events by the OpenTelemetry
 * module's {@link SpanMapper}, the mapping its exporter uses, so both store the same events for the same spans.
 *
 * <p>Each event is stored as {@code POST /v1/events} would store it, and each session the batch must start
 * ({@link SessionStarts}; those the store already has are left alone) as {@code POST /v1/sessions} would, before its
 * events. A re-sent span has the same event id, so it is counted as another delivery and the stored event is kept,
 * as for any re-posted event id.
 *
 * <p>The route is not in the OpenAPI document: it has a fixed pseudo operation id, {@link #OPERATION_ID}, for the
 * exchange records and for {@link FaultPlan.Builder#operations}, and the spec's validator is not run on it (the
 * dispatcher skips it; see {@link IncomingRequest#inSpec()}). Authentication is the other routes'.
 *
 * <p>Answers {@code ExportTraceServiceResponse}, empty, in the request's content type: {@code {}} for JSON, an empty
 * body for protobuf. Refusals use the API's JSON error body: 415 for another content type or encoding, 400 for a
 * body that does not decode or a span that breaks OTLP's rules, naming where.
 */
final class OtlpRoutes {
  /** The path, as HoneyHive's SDKs build it from the server URL. */
  static final String PATH = "/opentelemetry/v1/traces";
  /** The operation id this route is recorded and faulted under; not an operation of the spec. */
  static final String OPERATION_ID = "otlpExportTraces";
  private static final SpecOperation OPERATION = new SpecOperation(OPERATION_ID, "POST", PATH);

  private final EventStore store;

  OtlpRoutes(EventStore store) {
    this.store = store;
  }

  /**
   * The match of a request to {@link #PATH}, which the spec does not have: POST matches, another method is a known
   * path with the wrong method (405, as for the spec's paths).
   *
   * @return the match, or null when {@code path} is not the OTLP path
   */
  static ApiSpec.Match match(String method, String path) {
    if (!PATH.equals(path) && !(PATH + "/").equals(path)) {
      return null;
    }
    return "POST".equals(method) ? new ApiSpec.Match(OPERATION, Map.of(), true)
        : new ApiSpec.Match(null, Map.of(), true);
  }

  /** {@code otlpExportTraces}. */
  Reply export(IncomingRequest request) {
    OtlpDecoder.Format format;
    List<SpanRecord> spans;
    try {
      format = OtlpDecoder.format(request.headers().get("Content-Type"));
      byte[] body = OtlpDecoder.decompress(request.headers().get("Content-Encoding"), request.bodyBytes());
      spans = OtlpSpans.records(OtlpDecoder.decode(format, body));
    } catch (OtlpRefusal refusal) {
      request.requestErrors.add("[otlp.request] " + refusal.getMessage());
      return refusal.reply();
    }
    List<MappedEvent> events = new ArrayList<>(spans.size());
    spans.forEach(span -> events.add(SpanMapper.map(span)));
    store.inOneStep(() -> store(events));
    return format == OtlpDecoder.Format.JSON
        ? new Reply(200, "{}", format.mediaType)
        : new Reply(200, "", format.mediaType);
  }

  /** Starts the sessions the batch needs, then stores its events; run under the store's lock. */
  private void store(List<MappedEvent> events) {
    for (SessionStarts.Start start : SessionStarts.plan(events, id -> store.contains(id.toString()))) {
      Map<String, Object> session = new LinkedHashMap<>();
      session.put("session_id", start.sessionId().toString());
      session.put("session_name", start.name());
      session.put("start_time", start.start().toEpochMilli());
      if (start.source() != null) {
        session.put("source", start.source());
      }
      store.startSession(start.sessionId().toString(), session);
    }
    for (MappedEvent event : events) {
      store.create(eventOf(event), Placement.AS_SENT);
    }
  }

  /**
   * The event as a client would post it: ids as strings, times in epoch milliseconds, the duration in (fractional)
   * milliseconds; a null parent or source is left for the store to default (the session; {@code "unknown"}).
   */
  static Map<String, Object> eventOf(MappedEvent mapped) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event_id", mapped.eventId().toString());
    event.put("session_id", mapped.sessionId().toString());
    event.put("parent_id", mapped.parentId() == null ? null : mapped.parentId().toString());
    event.put("event_type", mapped.eventType());
    event.put("event_name", mapped.eventName());
    event.put("source", mapped.source());
    event.put("start_time", mapped.start().toEpochMilli());
    event.put("end_time", mapped.end().toEpochMilli());
    event.put("duration", Duration.between(mapped.start(), mapped.end()).toNanos() / 1_000_000.0);
    event.put("inputs", mapped.inputs());
    event.put("outputs", mapped.outputs());
    event.put("config", mapped.config());
    event.put("metadata", mapped.metadata());
    event.put("metrics", mapped.metrics());
    event.put("feedback", mapped.feedback());
    event.put("user_properties", mapped.userProperties());
    if (mapped.error() != null) {
      event.put("error", mapped.error());
    }
    return event;
  }
}
