package ai.honeyhive.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.ByteString;

/**
 * A request as the server sees it: what arrived, the spec operation it was matched to, and (mutable, filled in while
 * it is handled) the validation messages and the reply of normal handling.
 */
final class IncomingRequest {
  final RecordedRequest recorded;
  final String method;
  final String path;
  final String body;
  final ApiSpec.Match match;

  final List<String> requestErrors = new ArrayList<>();
  final List<String> responseErrors = new ArrayList<>();
  /** The reply of normal handling, once it ran. */
  Reply reply;
  /** The response normal handling produced, to tell it apart from one a fault put in its place. */
  MockResponse normalResponse;

  /** The name of the {@link ServerFault} injected into this exchange, or null. */
  String injectedFault;
  /** Whether a fault closed the connection instead of answering. */
  boolean closedWithoutAnswer;
  /** The body a fault answered with (or, for a slow answer, the normal body it delayed); null for none. */
  String faultBody;
  /** A fault's answer in a shape the spec documents, validated like a normal answer; null otherwise. */
  Reply faultReply;
  /** For a partial batch failure: how many of the batch's events normal handling stores; negative for all. */
  int storeAtMost = -1;

  private Object json;
  private boolean jsonParsed;

  IncomingRequest(RecordedRequest recorded, ApiSpec spec) {
    this.recorded = recorded;
    this.method = recorded.getMethod();
    this.path = recorded.getUrl().encodedPath();
    ByteString bytes = recorded.getBody();
    this.body = bytes == null ? "" : bytes.string(StandardCharsets.UTF_8);
    ApiSpec.Match otlp = OtlpRoutes.match(method, path);
    this.match = otlp != null ? otlp : spec.match(method, path);
  }

  /**
   * Whether the request matched an operation of the spec, and so is validated against it, request and answer. The
   * OTLP route ({@link OtlpRoutes}) matches an operation that is not in the spec: it checks its own bodies.
   */
  boolean inSpec() {
    return match.operation() != null && !OtlpRoutes.OPERATION_ID.equals(match.operation().operationId());
  }

  /** The body's bytes as they arrived (the OTLP route's protobuf and gzip bodies are not text). */
  byte[] bodyBytes() {
    ByteString bytes = recorded.getBody();
    return bytes == null ? new byte[0] : bytes.toByteArray();
  }

  /** The matched operation's id, or null when no operation of the spec matches. */
  String operationId() {
    return match.operation() == null ? null : match.operation().operationId();
  }

  Headers headers() {
    return recorded.getHeaders();
  }

  /** The value of the path parameter {@code name}, such as {@code event_id}. */
  String pathParameter(String name) {
    return match.pathParameters().get(name);
  }

  /** The body as a JSON object; an empty map when the body is empty or not an object. */
  Map<String, Object> jsonObject() {
    if (!jsonParsed) {
      jsonParsed = true;
      json = body.isBlank() ? null : Json.parse(body);
    }
    Map<String, Object> object = Json.object(json);
    return object != null ? object : Map.of();
  }

  @Override
  public String toString() {
    return method + " " + path + (operationId() != null ? " (" + operationId() + ")" : "");
  }
}
