package ai.honeyhive.errors;

import java.util.List;
import java.util.Map;

/** HTTP 403: the API key may not do this. Not retried. */
public class PermissionDeniedException extends HoneyHiveApiException {
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
  public PermissionDeniedException(
      String request, int statusCode, Map<String, List<String>> headers, String serverMessage, String errorCode) {
    super(request, statusCode, headers, serverMessage, errorCode);
  }
}
