package ai.honeyhive.internal.config;

import ai.honeyhive.RouteFamily;
import ai.honeyhive.Sleeper;
import java.net.Proxy;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * How the client talks to HoneyHive: endpoint, credentials, timeouts, retries, proxy, TLS. Built once by
 * {@code HoneyHive.Builder}, which checked every value; never changed. {@link #toString()} leaves the API key and the
 * proxy password out.
 *
 * @param apiKey the bearer token, or null when the client is disabled
 * @param connectTimeout null when not set: the caller's {@code OkHttpClient}'s, or the default
 * @param readTimeout null when not set, as {@code connectTimeout}
 * @param callTimeout null when not set, as {@code connectTimeout}
 * @param headers custom headers, in the order set; unmodifiable
 * @param caCertificates extra trusted certificates, or null
 * @param okHttpClient the caller's client to derive from, or null for a new one
 */
public record HttpOptions(String apiKey, HttpUrl baseUrl, Duration connectTimeout, Duration readTimeout,
    Duration callTimeout, int maxRetries, Duration initialRetryDelay, Duration maxRetryDelay, Duration maxRetryAfter,
    Proxy proxy, String proxyUsername, String proxyPassword, boolean verifyTls, List<X509Certificate> caCertificates,
    Map<String, String> headers, ConnectionPool connectionPool, OkHttpClient okHttpClient, RouteFamily routeFamily,
    Clock clock, Sleeper sleeper) {

  /** The connect timeout to set: the one given, or 10 s. */
  public Duration connectTimeoutOrDefault() {
    return connectTimeout != null ? connectTimeout : Duration.ofSeconds(10);
  }

  /** The read (and write) timeout to set: the one given, or 30 s. */
  public Duration readTimeoutOrDefault() {
    return readTimeout != null ? readTimeout : Duration.ofSeconds(30);
  }

  /** The call timeout to set: the one given, or none. */
  public Duration callTimeoutOrDefault() {
    return callTimeout != null ? callTimeout : Duration.ZERO;
  }

  @Override
  public String toString() {
    return "HttpOptions{baseUrl=" + baseUrl + ", routeFamily=" + routeFamily + ", maxRetries=" + maxRetries
        + ", proxy=" + proxy + ", verifyTls=" + verifyTls + ", headers=" + headers.keySet() + "}";
  }
}
