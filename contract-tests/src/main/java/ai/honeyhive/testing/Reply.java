package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * What normal handling answers: a status and an optional body, JSON unless a route says otherwise (the OTLP route
 * answers an empty protobuf body to a protobuf request).
 *
 * @param status the HTTP status
 * @param body the body, or null for none
 * @param contentType the body's content type; null when there is no body
 */
record Reply(int status, String body, String contentType) {
  /** A reply whose body, if any, is JSON. */
  Reply(int status, String body) {
    this(status, body, body == null ? null : "application/json");
  }

  static Reply ok(Object json) {
    return new Reply(200, Json.write(json));
  }

  static Reply okWithoutBody() {
    return new Reply(200, null);
  }

  /** An error in the API's shape: {@code {"statusCode", "message", "success": false, "errorCode"}}. */
  static Reply error(int status, String errorCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("statusCode", status);
    body.put("message", message);
    body.put("success", false);
    body.put("errorCode", errorCode);
    return new Reply(status, Json.write(body));
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  MockResponse toMockResponse() {
    MockResponse.Builder response = new MockResponse.Builder().code(status);
    if (body != null) {
      response.setHeader("Content-Type", contentType).body(body);
    }
    return response.build();
  }
}
