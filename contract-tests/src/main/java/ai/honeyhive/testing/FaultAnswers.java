package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** Carries out a {@link ServerFault} on one request, as its Javadoc describes, and marks the request as faulted. */
final class FaultAnswers {
  private static final Set<String> LEGACY_BATCHES = Set.of("createEventBatchLegacy", "createModelEventBatchLegacy");
  private static final Set<String> CURRENT_BATCHES = Set.of("createEventBatch", "createSessionEventBatch");

  private FaultAnswers() {}

  static MockResponse apply(ServerFault fault, IncomingRequest request, Fault.Handler normal) {
    switch (fault.kind()) {
      case SERVER_ERROR:
        return answer(fault, request, serverError(fault.status()), fault.status() == 500);
      case RATE_LIMITED:
        return answer(fault, request,
            Reply.error(429, "RATE_LIMITED", "Rate limit exceeded, retry later (injected fault)"), true);
      case CONNECTION_RESET:
        return closeConnection(fault, request);
      case CONNECTION_RESET_AFTER_STORING:
        normal.handle(request);
        return closeConnection(fault, request);
      case SLOW_RESPONSE:
        return slow(fault, request, normal);
      case PARTIAL_BATCH:
        return partialBatch(fault, request, normal);
      case BAD_GATEWAY_HTML:
      case REPLACE_ANSWER:
        if (fault.handlesRequest()) {
          normal.handle(request);
        }
        return answer(fault, request, fault.status(), fault.contentType(), fault.body(), null);
      case TRUNCATED_BODY:
        return truncated(fault, request, normal);
      default:
        throw new AssertionError(fault.kind());
    }
  }

  private static Reply serverError(int status) {
    String errorCode;
    String reason;
    switch (status) {
      case 500:
        errorCode = "INTERNAL_SERVER_ERROR";
        reason = "Internal server error";
        break;
      case 502:
        errorCode = "BAD_GATEWAY";
        reason = "Bad gateway";
        break;
      case 503:
        errorCode = "SERVICE_UNAVAILABLE";
        reason = "Service unavailable";
        break;
      case 504:
        errorCode = "GATEWAY_TIMEOUT";
        reason = "Gateway timeout";
        break;
      default:
        errorCode = "SERVER_ERROR";
        reason = "Server error";
    }
    return Reply.error(status, errorCode, reason + " (injected fault)");
  }

  private static MockResponse closeConnection(ServerFault fault, IncomingRequest request) {
    request.injectedFault = fault.name();
    request.closedWithoutAnswer = true;
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private static MockResponse slow(ServerFault fault, IncomingRequest request, Fault.Handler normal) {
    MockResponse response = normal.handle(request);
    request.injectedFault = fault.name();
    request.faultBody = request.reply.body();
    return response.newBuilder().headersDelay(fault.delay().toNanos(), TimeUnit.NANOSECONDS).build();
  }

  private static MockResponse truncated(ServerFault fault, IncomingRequest request, Fault.Handler normal) {
    MockResponse response = normal.handle(request);
    String body = request.reply.body();
    if (body == null || body.isEmpty()) {
      return response;
    }
    return answer(fault, request, request.reply.status(), "application/json", body.substring(0, body.length() / 2),
        null);
  }

  /**
   * Stores the first half of the batch through normal handling (which validates the whole request), then answers
   * 500: the partial-success report on the legacy routes, the plain error body on the {@code /v1} routes.
   */
  private static MockResponse partialBatch(ServerFault fault, IncomingRequest request, Fault.Handler normal) {
    String operationId = request.operationId();
    boolean legacy = LEGACY_BATCHES.contains(operationId);
    if (!legacy && !CURRENT_BATCHES.contains(operationId)) {
      return normal.handle(request);
    }
    String field = "createModelEventBatchLegacy".equals(operationId) ? "model_events" : "events";
    List<Object> events = Json.array(request.jsonObject().get(field));
    int sent = events == null ? 0 : events.size();
    int stored = sent / 2;
    request.storeAtMost = stored;
    MockResponse normalResponse = normal.handle(request);
    if (!request.reply.isSuccess()) {
      return normalResponse;
    }
    if (!legacy) {
      return answer(fault, request, Reply.error(500, "INTERNAL_SERVER_ERROR", "Batch partially failed: " + stored
          + " of " + sent + " events stored (injected fault)"), true);
    }
    Map<String, Object> normalAnswer = Json.object(Json.parse(request.reply.body()));
    List<String> errors = new ArrayList<>();
    for (int i = stored; i < sent; i++) {
      Map<String, Object> event = Json.object(events.get(i));
      Object id = event == null ? null : event.get("event_id");
      errors.add(field + "[" + i + "]" + (id instanceof String ? " (event_id " + id + ")" : "")
          + ": not stored: injected partial batch failure");
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("event_ids", normalAnswer.get("event_ids"));
    if (normalAnswer.get("session_id") != null) {
      report.put("session_id", normalAnswer.get("session_id"));
    }
    report.put("errors", errors);
    report.put("success", false);
    return answer(fault, request, new Reply(500, Json.write(report)), true);
  }

  /** Answers {@code reply} in place of the normal answer; {@code checked}: the spec documents it, so validate it. */
  private static MockResponse answer(ServerFault fault, IncomingRequest request, Reply reply, boolean checked) {
    MockResponse response = answer(fault, request, reply.status(), "application/json", reply.body(),
        fault.kind() == ServerFault.Kind.RATE_LIMITED ? String.valueOf(fault.retryAfterSeconds()) : null);
    if (checked) {
      request.faultReply = reply;
    }
    return response;
  }

  private static MockResponse answer(ServerFault fault, IncomingRequest request, int status, String contentType,
      String body, String retryAfter) {
    request.injectedFault = fault.name();
    request.faultBody = body;
    MockResponse.Builder response = new MockResponse.Builder().code(status).setHeader("Content-Type", contentType)
        .body(body);
    if (retryAfter != null) {
      response.setHeader("Retry-After", retryAfter);
    }
    return response.build();
  }
}
