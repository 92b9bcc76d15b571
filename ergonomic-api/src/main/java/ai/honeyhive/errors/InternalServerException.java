package ai.honeyhive.errors;

import java.util.List;
import java.util.Map;

/** HTTP 5xx: the server failed. Retried; thrown when the retries are used up. */
public class InternalServerException extends HoneyHiveApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link HoneyHiveApiException#HoneyHiveApiException}.
   *
   * @param request the request line, such as {@code "POST /v1/events"}
   * @param statusCode the HTTP status
   * @param headers the response headers
   * @param serverMessage the server's message, or null
   * @param errorCode the server's error code, or null
   */
  public InternalServerException(
      String request, int statusCode, Map<String, List<String>> headers, String serverMessage, String errorCode) {
    super(request, statusCode, headers, serverMessage, errorCode);
  }
}
