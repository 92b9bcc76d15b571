package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * What normal handling answers: a status and an optional JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null for none
 */
record Reply(int status, String body) {
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
      response.setHeader("Content-Type", "application/json").body(body);
    }
    return response.build();
  }
}
