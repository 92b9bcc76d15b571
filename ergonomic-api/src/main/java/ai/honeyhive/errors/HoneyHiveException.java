package ai.honeyhive.errors;

/**
 * The root of every failure this client reports: {@link HoneyHiveApiException} when the API answered with an error,
 * {@link HoneyHiveConnectionException} when it could not be reached. Unchecked, like OkHttp's and Retrofit's own
 * failures once they are mapped. Messages never contain the API key.
 *
 * <p>Invalid arguments are rejected before any network call with {@link IllegalArgumentException} or
 * {@link NullPointerException}, whose messages name the offending field.
 */
public class HoneyHiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with {@code message} and {@code cause}.
   *
   * @param message what went wrong; must not contain secrets
   * @param cause the underlying failure, or null
   */
  public HoneyHiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
