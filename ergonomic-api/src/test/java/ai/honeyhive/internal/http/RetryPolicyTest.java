package ai.honeyhive.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When the client retries and how long it waits: no server, no real time. */
class RetryPolicyTest {
  /** 2026-01-01T00:00:00Z, a Thursday. */
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration INITIAL = Duration.ofMillis(500);
  private static final Duration MAX = Duration.ofSeconds(8);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  private static final int SAMPLES = 500;

  private final RetryPolicy policy = new RetryPolicy(3, INITIAL, MAX, MAX_RETRY_AFTER, CLOCK);

  // ---------------------------------------------------------------------------------------------------------------
  // Retry-After parsing

  @Test
  void retryAfterInWholeSecondsIsThatManySeconds() {
    assertThat(policy.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterInFractionalSecondsKeepsTheFraction() {
    assertThat(policy.parseRetryAfter("1.5")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void retryAfterWithSurroundingSpacesIsRead() {
    assertThat(policy.parseRetryAfter(" 3 ")).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterOfZeroSecondsMeansRetryAtOnce() {
    assertThat(policy.parseRetryAfter("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterAsAFutureHttpDateIsTheTimeUntilThatDate() {
    assertThat(policy.parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retryAfterAsAPastHttpDateMeansRetryAtOnce() {
    assertThat(policy.parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "-1", "NaN", "Infinity", "2 seconds", "2026-01-01T00:00:30Z", "", "   "})
  void unreadableRetryAfterIsIgnored(String header) {
    assertThat(policy.parseRetryAfter(header)).isNull();
  }

  @Test
  void absentRetryAfterIsIgnored() {
    assertThat(policy.parseRetryAfter(null)).isNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Retry-After replaces the backoff, up to the cap

  @Test
  void aServersRetryAfterReplacesTheBackoffExactly() {
    assertThat(policy.delayBeforeRetry(0, "2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayBeforeRetry(5, "2")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterLongerThanTheCapIsCutToTheCap() {
    assertThat(policy.delayBeforeRetry(0, "3600")).isEqualTo(MAX_RETRY_AFTER);
  }

  @Test
  void anHttpDateFurtherAwayThanTheCapIsCutToTheCap() {
    assertThat(policy.delayBeforeRetry(0, "Fri, 02 Jan 2026 00:00:00 GMT")).isEqualTo(MAX_RETRY_AFTER);
  }

  @Test
  void theCapIsConfigurable() {
    RetryPolicy capped = new RetryPolicy(3, INITIAL, MAX, Duration.ofSeconds(5), CLOCK);

    assertThat(capped.delayBeforeRetry(0, "30")).isEqualTo(Duration.ofSeconds(5));
    assertThat(capped.delayBeforeRetry(0, "4")).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void anUnreadableRetryAfterFallsBackToTheBackoff() {
    Duration delay = policy.delayBeforeRetry(0, "soon");

    assertThat(delay).isBetween(threeQuartersOf(INITIAL), INITIAL);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Exponential backoff with jitter

  @Test
  void eachBackoffIsBetweenThreeQuartersAndAllOfTheDoubledDelayCappedAtTheMaximum() {
    for (int retry = 0; retry <= 12; retry++) {
      Duration full = fullBackoff(INITIAL, MAX, retry);
      for (int sample = 0; sample < SAMPLES; sample++) {
        assertThat(policy.delayBeforeRetry(retry, null))
            .as("retry %d, sample %d", retry, sample)
            .isBetween(threeQuartersOf(full), full);
      }
    }
  }

  @Test
  void theBackoffDoublesFromTheInitialDelay() {
    assertThat(fullBackoff(INITIAL, MAX, 0)).isEqualTo(Duration.ofMillis(500)); // the expectation's own sanity
    assertThat(policy.delayBeforeRetry(0, null)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    assertThat(policy.delayBeforeRetry(1, null)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    assertThat(policy.delayBeforeRetry(2, null)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
    assertThat(policy.delayBeforeRetry(3, null)).isBetween(Duration.ofMillis(3000), Duration.ofMillis(4000));
  }

  @Test
  void theBackoffStopsGrowingAtTheMaximum() {
    assertThat(policy.delayBeforeRetry(4, null)).isBetween(Duration.ofMillis(6000), MAX);
    assertThat(policy.delayBeforeRetry(20, null)).isBetween(Duration.ofMillis(6000), MAX);
    assertThat(policy.delayBeforeRetry(1000, null)).isBetween(Duration.ofMillis(6000), MAX);
  }

  @Test
  void theBackoffIsJitteredSoClientsDoNotRetryInStep() {
    Set<Duration> seen = new HashSet<>();
    for (int sample = 0; sample < SAMPLES; sample++) {
      seen.add(policy.delayBeforeRetry(2, null));
    }

    assertThat(seen).hasSizeGreaterThan(SAMPLES / 2);
  }

  @Test
  void theJitterSpreadsOverTheWholeQuarter() {
    Duration lowest = MAX;
    Duration highest = Duration.ZERO;
    for (int sample = 0; sample < 5 * SAMPLES; sample++) {
      Duration delay = policy.delayBeforeRetry(0, null);
      lowest = delay.compareTo(lowest) < 0 ? delay : lowest;
      highest = delay.compareTo(highest) > 0 ? delay : highest;
    }

    assertThat(lowest).isLessThan(Duration.ofMillis(400));
    assertThat(highest).isGreaterThan(Duration.ofMillis(475));
  }

  @Test
  void aLongInitialDelayNeverOverflowsIntoAShorterWait() {
    Duration initial = Duration.ofNanos(1L << 34);
    Duration max = Duration.ofMinutes(5);
    RetryPolicy slow = new RetryPolicy(40, initial, max, MAX_RETRY_AFTER, CLOCK);

    for (int retry = 0; retry <= 40; retry++) {
      Duration full = fullBackoff(initial, max, retry);
      assertThat(slow.delayBeforeRetry(retry, null)).as("retry %d", retry).isBetween(threeQuartersOf(full), full);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What is retryable

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 599})
  void transientStatusesAreRetried(int status) {
    assertThat(RetryPolicy.isRetryable(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 204, 301, 400, 401, 403, 404, 405, 413, 418, 422})
  void statusesThatWouldFailAgainAreNotRetried(int status) {
    assertThat(RetryPolicy.isRetryable(status)).isFalse();
  }

  @Test
  void aRefusedConnectionIsRetried() {
    assertThat(RetryPolicy.isRetryable(new ConnectException("Connection refused"))).isTrue();
  }

  @Test
  void aResetConnectionIsRetried() {
    assertThat(RetryPolicy.isRetryable(new SocketException("Connection reset"))).isTrue();
  }

  @Test
  void aFailedDnsLookupIsRetried() {
    assertThat(RetryPolicy.isRetryable(new UnknownHostException("api.honeyhive.ai"))).isTrue();
  }

  @Test
  void anUnexpectedEndOfStreamIsRetried() {
    assertThat(RetryPolicy.isRetryable(new IOException("unexpected end of stream"))).isTrue();
  }

  @Test
  void aConnectOrReadTimeoutIsRetried() {
    assertThat(RetryPolicy.isRetryable(new SocketTimeoutException("timeout"))).isTrue();
  }

  @Test
  void aCancelledOrInterruptedCallIsNotRetried() {
    assertThat(RetryPolicy.isRetryable(new InterruptedIOException("interrupted"))).isFalse();
  }

  @Test
  void theWholeCallTimingOutIsNotRetried() {
    // OkHttp reports an expired call timeout as a plain InterruptedIOException("timeout").
    assertThat(RetryPolicy.isRetryable(new InterruptedIOException("timeout"))).isFalse();
  }

  @Test
  void aCertificateThatDoesNotMatchTheHostIsNotRetried() {
    assertThat(RetryPolicy.isRetryable(new SSLPeerUnverifiedException("Hostname api.honeyhive.ai not verified")))
        .isFalse();
  }

  @Test
  void aHandshakeRejectingTheCertificateIsNotRetried() {
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
    SSLHandshakeException invalidPath = new SSLHandshakeException("certificate expired");
    invalidPath.initCause(new IOException(new java.security.cert.CertPathValidatorException("validity check failed")));

    assertThat(RetryPolicy.isRetryable(untrusted)).isFalse();
    assertThat(RetryPolicy.isRetryable(invalidPath)).isFalse();
  }

  @Test
  void otherHandshakeFailuresAreRetried() {
    SSLHandshakeException closed = new SSLHandshakeException("Remote host terminated the handshake");
    closed.initCause(new java.io.EOFException("SSL peer shut down incorrectly"));

    assertThat(RetryPolicy.isRetryable(closed)).isTrue();
    assertThat(RetryPolicy.isRetryable(new SSLHandshakeException("no cause"))).isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** min(initial * 2^retry, max), computed without overflow. */
  private static Duration fullBackoff(Duration initial, Duration max, int retry) {
    java.math.BigInteger nanos = java.math.BigInteger.valueOf(initial.toNanos()).shiftLeft(retry);
    java.math.BigInteger cap = java.math.BigInteger.valueOf(max.toNanos());
    return Duration.ofNanos(nanos.min(cap).longValueExact());
  }

  private static Duration threeQuartersOf(Duration full) {
    return Duration.ofNanos(full.toNanos() / 4 * 3);
  }
}
