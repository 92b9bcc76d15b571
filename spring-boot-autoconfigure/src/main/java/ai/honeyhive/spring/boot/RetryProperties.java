package ai.honeyhive.spring.boot;

import java.time.Duration;

/** The {@code honeyhive.retry.*} properties: the backoff between retries of a failed request. */
public class RetryProperties {
  /** First wait before a retry; each next one doubles up to max-backoff. Client default 500 ms. */
  private Duration initialBackoff;
  /** Longest wait between retries. Client default 8 s. */
  private Duration maxBackoff;
  /** Longest Retry-After of the server honoured; longer ones are cut to this. Client default 60 s. */
  private Duration maxRetryAfter;

  /** Creates the settings with nothing set. */
  public RetryProperties() {}

  /**
   * Returns honeyhive.retry.initial-backoff: first wait before a retry; each next one doubles up to max-backoff.
   *
   * @return the value, or null if not set
   */
  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  /**
   * Sets honeyhive.retry.initial-backoff.
   *
   * @param initialBackoff the value
   */
  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  /**
   * Returns honeyhive.retry.max-backoff: longest wait between retries.
   *
   * @return the value, or null if not set
   */
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  /**
   * Sets honeyhive.retry.max-backoff.
   *
   * @param maxBackoff the value
   */
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /**
   * Returns honeyhive.retry.max-retry-after: longest Retry-After of the server honoured; longer ones are cut to this.
   *
   * @return the value, or null if not set
   */
  public Duration getMaxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Sets honeyhive.retry.max-retry-after.
   *
   * @param maxRetryAfter the value
   */
  public void setMaxRetryAfter(Duration maxRetryAfter) {
    this.maxRetryAfter = maxRetryAfter;
  }

  @Override
  public String toString() {
    return "RetryProperties{" + "initialBackoff=" + initialBackoff + ", " + "maxBackoff=" + maxBackoff + ", " + "maxRetryAfter=" + maxRetryAfter + "}";
  }
}
