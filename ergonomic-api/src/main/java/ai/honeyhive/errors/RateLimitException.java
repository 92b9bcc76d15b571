package ai.honeyhive.errors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP 429: too many requests. Retried after the server's {@code Retry-After}; thrown when the retries are used up. */
public class RateLimitException extends HoneyHiveApiException {
  private static final long serialVersionUID = 1L;

  /** The server's {@code Retry-After}, or null when it sent none. */
  private final Duration retryAfter;

  /**
   * Creates the exception; see {@link HoneyHiveApiException#HoneyHiveApiException}.
   *
   * @param request the request line, such as {@code "POST /v1/events"}
   * @param statusCode the HTTP status (429)
   * @param headers the response headers
   * @param serverMessage the server's message, or null
   * @param errorCode the server's error code, or null
   * @param retryAfter how long the server asked to wait, or null when it did not say
   */
  public RateLimitException(
      String request,
      int statusCode,
      Map<String, List<String>> headers,
      String serverMessage,
      String errorCode,
      Duration retryAfter) {
    super(request, statusCode, headers, serverMessage, errorCode);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long the server asked to wait before the next request, when its {@code Retry-After} said so.
   *
   * @return the wait, or empty when the server did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
