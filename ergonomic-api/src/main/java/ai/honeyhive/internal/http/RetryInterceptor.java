package ai.honeyhive.internal.http;

import ai.honeyhive.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries a call per {@link RetryPolicy}. Safe for every HoneyHive write, because the client generates session and
 * event ids itself: a second {@code POST} of the same event carries the same {@code event_id}. Each attempt carries
 * {@code hh-retry-count} (0 on the first).
 *
 * <p>One 5xx is not retried here: a partial success of a legacy batch route (HTTP 500 whose JSON body lists the
 * {@code event_ids} that were stored). Sending the whole batch again would send the stored events twice; the
 * exporter sends only the others again.
 */
public final class RetryInterceptor implements Interceptor {
  public static final String RETRY_COUNT_HEADER = "hh-retry-count";

  /** How much of an error body is read to recognise a partial success. */
  private static final long MAX_PEEK_BYTES = 256 * 1024;

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Set<String> partialSuccessPaths;
  private final LongAdder retries;

  /** Retries per {@code policy}, except partial successes on {@code partialSuccessPaths}; counts in {@code retries}. */
  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Set<String> partialSuccessPaths, LongAdder retries) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.partialSuccessPaths = partialSuccessPaths;
    this.retries = retries;
  }

  public RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
    this(policy, sleeper, Set.of(), new LongAdder());
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
        retries.increment();
        continue;
      }
      if (retry >= policy.maxRetries || !RetryPolicy.isRetryable(response.code()) || isPartialSuccess(response)) {
        return response;
      }
      String retryAfter = response.header("Retry-After");
      response.close();
      sleep(policy.delayBeforeRetry(retry, retryAfter), null);
      retries.increment();
    }
  }

  private boolean isPartialSuccess(Response response) throws IOException {
    Request request = response.request();
    if (response.code() != 500 || !"POST".equals(request.method())
        || !partialSuccessPaths.contains(request.url().encodedPath())) {
      return false;
    }
    return Calls.parsePartialSuccess(response.peekBody(MAX_PEEK_BYTES).string()) != null;
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
  public static final class AttemptsExhaustedException extends IOException {
    private static final long serialVersionUID = 1L;
    public final int retries;

    public AttemptsExhaustedException(int retries, IOException last) {
      super(last.getMessage(), last);
      this.retries = retries;
    }

    public IOException last() {
      return (IOException) getCause();
    }
  }
}
