package ai.honeyhive.errors;

/**
 * The API could not be reached, or did not answer in time: DNS failure, refused or reset connection, TLS failure,
 * timeout. Thrown after the configured retries are used up; {@link #getCause()} is the last {@link java.io.IOException}.
 */
public class HoneyHiveConnectionException extends HoneyHiveException {
  private static final long serialVersionUID = 1L;

  /** Whether the last failure was a timeout. */
  private final boolean timeout;

  /**
   * Creates a connection exception.
   *
   * @param message what failed, such as {@code "POST /v1/events failed after 3 retries"}
   * @param cause the last I/O failure
   * @param timeout whether that failure was a timeout
   */
  public HoneyHiveConnectionException(String message, Throwable cause, boolean timeout) {
    super(message, cause);
    this.timeout = timeout;
  }

  /**
   * Returns true when the last attempt failed because a connect, read, write or call timeout expired.
   *
   * @return true for a timeout
   */
  public boolean isTimeout() {
    return timeout;
  }
}
