package ai.honeyhive.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers every request the way the API would, and records it. Each request passes the {@link Fault} first, which
 * normally hands it to {@link #handle}: match the operation (404/405 when none), authenticate (401), validate against
 * the spec (400 naming what is wrong), answer from the store, then validate that answer as a self-check. The OTLP
 * route ({@link OtlpRoutes}) is matched, recorded, faulted and authenticated the same way, but it is not in the spec,
 * so neither its request nor its answer goes to the spec's validator ({@link IncomingRequest#inSpec()}). An injected
 * fault's answer is validated too when its shape is one the spec documents (a 500 error body, a 429, a partial-success
 * batch report).
 */
final class ServerDispatcher extends Dispatcher {
  private static final Pattern BEARER = Pattern.compile("^Bearer[ \\t]+(\\S.*)$", Pattern.CASE_INSENSITIVE);

  private final ApiSpec spec;
  private final Routes routes;
  private final String requiredApiKey;
  private final Fault fault;
  private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

  ServerDispatcher(ApiSpec spec, Routes routes, String requiredApiKey, Fault fault) {
    this.spec = spec;
    this.routes = routes;
    this.requiredApiKey = requiredApiKey;
    this.fault = fault;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
    IncomingRequest request = new IncomingRequest(recorded, spec);
    MockResponse response;
    try {
      response = fault.apply(request, this::handle);
      if (request.faultReply != null && request.inSpec()) {
        request.responseErrors.addAll(Validation.checkResponse(spec, request, request.faultReply));
      }
    } catch (RuntimeException e) {
      request.responseErrors.add("[server.exception] the test server failed: " + e);
      response = Reply.error(500, "INTERNAL_SERVER_ERROR", "the test server failed: " + e).toMockResponse();
    }
    exchanges.add(RecordedExchange.of(request, response));
    return response;
  }

  /** Every exchange so far, in the order the answers were decided. */
  List<RecordedExchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Normal handling, which a {@link Fault} calls to let a request through. */
  MockResponse handle(IncomingRequest request) {
    Reply reply = answer(request);
    if (request.inSpec()) {
      request.responseErrors.addAll(Validation.checkResponse(spec, request, reply));
    }
    request.reply = reply;
    request.normalResponse = reply.toMockResponse();
    return request.normalResponse;
  }

  private Reply answer(IncomingRequest request) {
    if (request.match.operation() == null) {
      if (request.match.pathKnown()) {
        request.requestErrors.add("[validation.request.operation.notAllowed] " + request.method
            + " is not an operation of path '" + request.path + "'");
        return Reply.error(405, "METHOD_NOT_ALLOWED", request.method + " is not allowed on " + request.path);
      }
      request.requestErrors.add("[validation.request.path.missing] no operation of the spec matches "
          + request.method + " " + request.path);
      return Reply.error(404, "NOT_FOUND", "No route for " + request.method + " " + request.path);
    }
    String apiKey = bearerToken(request);
    if (apiKey == null) {
      request.requestErrors.add("[validation.request.security.missing] Authorization: " + request.method + " "
          + request.match.operation().pathTemplate() + " requires 'Authorization: Bearer <api key>'");
      return Reply.error(401, "UNAUTHORIZED", "Invalid or missing API key");
    }
    if (requiredApiKey != null && !requiredApiKey.equals(apiKey)) {
      return Reply.error(401, "UNAUTHORIZED", "Invalid or missing API key");
    }
    if (!request.inSpec()) {
      return routes.handle(request); // the OTLP route, not in the spec: it checks its own bodies (OtlpRoutes)
    }
    List<String> errors = Validation.checkRequest(spec, request);
    if (!errors.isEmpty()) {
      request.requestErrors.addAll(errors);
      return Reply.error(400, "VALIDATION_ERROR", Validation.errorMessage(errors));
    }
    return routes.handle(request);
  }

  /** The bearer token of the request, or null when the header is missing, not bearer, or blank. */
  private static String bearerToken(IncomingRequest request) {
    String header = request.headers().get("Authorization");
    if (header == null) {
      return null;
    }
    Matcher matcher = BEARER.matcher(header.strip());
    return matcher.matches() && !matcher.group(1).isBlank() ? matcher.group(1).strip() : null;
  }
}
