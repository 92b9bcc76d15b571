package ai.honeyhive.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * When to retry and how long to wait: exponential backoff from {@code initialDelay}, doubling up to {@code maxDelay},
 * less up to 25% random jitter so that many clients do not retry in step; a server's {@code Retry-After} (seconds or
 * an HTTP date) replaces the backoff, capped at {@code maxRetryAfter}.
 */
public final class RetryPolicy {
  public static final double JITTER = 0.25;

  public final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final Clock clock;

  public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter, Clock clock) {
    this.maxRetries = maxRetries;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.maxRetryAfter = maxRetryAfter;
    this.clock = clock;
  }

  /** 408 request timeout, 409 conflict, 429 too many requests and every 5xx are worth another try. */
  public static boolean isRetryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * Connection failures are retried; a cancelled call, a refused redirect to another host and a TLS failure that
   * cannot heal (a certificate not trusted, expired or not matching the host) are not.
   */
  public static boolean isRetryable(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return true;
    }
    return !(e instanceof InterruptedIOException) && !(e instanceof SSLPeerUnverifiedException)
        && !(e instanceof SameOriginRedirects.CrossOriginRedirectException) && !isCertificateRejected(e);
  }

  /**
   * Whether a TLS handshake failed because the server's certificate was rejected: the JDK's trust manager reports a
   * {@link CertificateException} (or a {@link CertPathValidatorException}) as the cause. Other handshake failures,
   * such as a connection closed mid-handshake, may be transient and stay retryable.
   */
  private static boolean isCertificateRejected(IOException e) {
    if (!(e instanceof SSLHandshakeException)) {
      return false;
    }
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof CertificateException || cause instanceof CertPathValidatorException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns how long to wait before retry number {@code retry} (0 for the first retry).
   *
   * @param retryAfterHeader the failed response's {@code Retry-After}, or null
   */
  public Duration delayBeforeRetry(int retry, String retryAfterHeader) {
    Duration serverAsked = parseRetryAfter(retryAfterHeader);
    if (serverAsked != null) {
      return serverAsked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : serverAsked;
    }
    long initialNanos = initialDelay.toNanos();
    long maxNanos = maxDelay.toNanos();
    // Doubling past the maximum (or past 63 bits) is the maximum; shifting first could overflow.
    long backoffNanos = retry >= 62 || initialNanos > (maxNanos >> retry) ? maxNanos : initialNanos << retry;
    double jitter = 1.0 - JITTER * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) (backoffNanos * jitter));
  }

  /**
   * Parses {@code Retry-After}: delta seconds ({@code "2"}, {@code "1.5"}) or an HTTP date. Returns null when absent or
   * unreadable, so the backoff applies.
   */
  public Duration parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    try {
      double seconds = Double.parseDouble(trimmed);
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return null;
      }
      return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
