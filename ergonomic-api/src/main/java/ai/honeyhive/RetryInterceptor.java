package ai.honeyhive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries a call per {@link RetryPolicy}. Safe for every HoneyHive write, because the client generates session and
 * event ids itself: a second {@code POST} of the same event carries the same {@code event_id}. Each attempt carries
 * {@code hh-retry-count} (0 on the first).
 */
final class RetryInterceptor implements Interceptor {
  static final String RETRY_COUNT_HEADER = "hh-retry-count";

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    for (int retry = 0; ; retry++) {
      Request attempt = original.newBuilder().header(RETRY_COUNT_HEADER, Integer.toString(retry)).build();
      Response response;
      try {
        response = chain.proceed(attempt);
        if (response.isSuccessful()) {
          // Read the whole body here, so a connection reset mid-body is retried like any connection failure.
          response.body().source().request(Long.MAX_VALUE);
        }
      } catch (IOException e) {
        if (retry >= policy.maxRetries || !RetryPolicy.isRetryable(e) || chain.call().isCanceled()) {
          throw new AttemptsExhaustedException(retry, e);
        }
        sleep(policy.delayBeforeRetry(retry, null), e);
        continue;
      }
      if (retry >= policy.maxRetries || !RetryPolicy.isRetryable(response.code())) {
        return response;
      }
      String retryAfter = response.header("Retry-After");
      response.close();
      sleep(policy.delayBeforeRetry(retry, retryAfter), null);
    }
  }

  private void sleep(Duration delay, IOException cause) throws IOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
      if (cause != null) {
        interrupted.addSuppressed(cause);
      }
      throw interrupted;
    }
  }

  /** The last I/O failure of a call, with how many retries came before it. */
  static final class AttemptsExhaustedException extends IOException {
    private static final long serialVersionUID = 1L;
    final int retries;

    AttemptsExhaustedException(int retries, IOException last) {
      super(last.getMessage(), last);
      this.retries = retries;
    }

    IOException last() {
      return (IOException) getCause();
    }
  }
}
