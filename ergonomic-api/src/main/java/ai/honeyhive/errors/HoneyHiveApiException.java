package ai.honeyhive.errors;

import java.util.List;
import java.util.Map;

/**
 * The API answered with an HTTP error. Carries the status, the response headers and HoneyHive's error body
 * ({@code {"statusCode", "message", "errorCode"}}) when the server produced one; a load balancer's non-JSON page
 * leaves {@link #errorCode()} null and puts the start of the page in {@link #serverMessage()}.
 *
 * <p>Each meaningful status has its own subclass, so callers can catch what they handle:
 * {@link BadRequestException} (400), {@link AuthenticationException} (401), {@link PermissionDeniedException} (403),
 * {@link NotFoundException} (404), {@link ConflictException} (409), {@link UnprocessableEntityException} (422),
 * {@link RateLimitException} (429), {@link InternalServerException} (5xx). Other statuses use this class.
 */
public class HoneyHiveApiException extends HoneyHiveException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code. */
  private final int statusCode;
  private final transient Map<String, List<String>> headers;
  /** The server's {@code message}, or null. */
  private final String serverMessage;
  /** The server's {@code errorCode}, or null. */
  private final String errorCode;

  /**
   * Creates an API exception.
   *
   * @param request the request line, such as {@code "POST /v1/events"}
   * @param statusCode the HTTP status
   * @param headers the response headers (never the request's, which carry the key)
   * @param serverMessage the server's {@code message}, or the start of a non-JSON body, or null
   * @param errorCode the server's {@code errorCode}, or null
   */
  public HoneyHiveApiException(
      String request, int statusCode, Map<String, List<String>> headers, String serverMessage, String errorCode) {
    super(describe(request, statusCode, serverMessage, errorCode), null);
    this.statusCode = statusCode;
    this.headers = Map.copyOf(headers);
    this.serverMessage = serverMessage;
    this.errorCode = errorCode;
  }

  private static String describe(String request, int statusCode, String serverMessage, String errorCode) {
    StringBuilder result = new StringBuilder().append(request).append(" failed with HTTP ").append(statusCode);
    if (serverMessage != null && !serverMessage.isEmpty()) {
      result.append(": ").append(serverMessage);
    }
    if (errorCode != null) {
      result.append(" (errorCode ").append(errorCode).append(')');
    }
    return result.toString();
  }

  /**
   * Returns the HTTP status code, such as 400.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the response headers, keyed by lower-case name. Never null.
   *
   * @return the headers; unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers == null ? Map.of() : headers;
  }

  /**
   * Returns the server's error message, or null when the response had none.
   *
   * @return the message, or null
   */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * Returns HoneyHive's machine-readable error code, or null: the API does not always send one.
   *
   * @return the error code, or null
   */
  public String errorCode() {
    return errorCode;
  }
}
