package ai.honeyhive.internal.http;

import ai.honeyhive.client.BearerTokenInterceptor;
import ai.honeyhive.internal.config.CaBundle;
import ai.honeyhive.internal.config.HttpOptions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the OkHttp client from the settings: on top of the caller's client when there is one. */
public final class HttpClientFactory {
  private static final Logger HTTP_LOG = LoggerFactory.getLogger("ai.honeyhive.http");
  private static final Logger CONFIG_LOG = LoggerFactory.getLogger("ai.honeyhive.config");

  private HttpClientFactory() {}

  /**
   * Builds the client for {@code settings}.
   *
   * @param retries counts the retries of every request
   */
  public static OkHttpClient create(HttpOptions settings, RetryPolicy retryPolicy, LongAdder retries) {
    OkHttpClient.Builder http = settings.okHttpClient() != null
        ? settings.okHttpClient().newBuilder()
        : new OkHttpClient.Builder();
    if (settings.okHttpClient() == null || settings.connectTimeout() != null) {
      http.connectTimeout(settings.connectTimeoutOrDefault());
    }
    if (settings.okHttpClient() == null || settings.readTimeout() != null) {
      http.readTimeout(settings.readTimeoutOrDefault());
      http.writeTimeout(settings.readTimeoutOrDefault());
    }
    if (settings.okHttpClient() == null || settings.callTimeout() != null) {
      http.callTimeout(settings.callTimeoutOrDefault());
    }
    if (settings.proxy() != null) {
      http.proxy(settings.proxy());
    }
    if (settings.proxyUsername() != null) {
      http.proxyAuthenticator(proxyAuthenticator(settings.proxyUsername(), settings.proxyPassword()));
    }
    if (settings.connectionPool() != null) {
      http.connectionPool(settings.connectionPool());
    }
    // TCP_NODELAY on every connection, unless the caller's client brings a socket factory of its own.
    if (settings.okHttpClient() == null || settings.okHttpClient().socketFactory() == SocketFactory.getDefault()) {
      http.socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()));
    }
    if (!settings.verifyTls()) {
      CONFIG_LOG.warn("TLS verification is off (verifyTls(false) or HH_VERIFY_TLS=false): the certificate and host"
          + " name of {} are not checked, so anyone on the network path can read and alter the traffic; use it only"
          + " for a local test server", settings.baseUrl().host());
      trustEverything(http);
    } else if (settings.caCertificates() != null) {
      CaBundle.trust(http, settings.caCertificates());
    }
    // Order matters: identity and auth first, so every retry and every log line sees the final headers.
    http.addInterceptor(new ClientHeadersInterceptor(settings.headers()));
    if (settings.apiKey() != null) {
      http.addInterceptor(new BearerTokenInterceptor(settings.apiKey()));
    }
    String base = settings.baseUrl().encodedPath();
    Set<String> partialSuccessPaths = Set.of(base + "events/batch", base + "events/model/batch");
    // OkHttp would otherwise resend silently on a failed connection, below our retries: no backoff, no
    // hh-retry-count, and maxRetries(0) would not mean "no retries". RetryInterceptor handles those failures.
    http.retryOnConnectionFailure(false);
    http.addInterceptor(new RetryInterceptor(retryPolicy, settings.sleeper(), partialSuccessPaths, retries));
    // Each redirect is checked before OkHttp follows it: another host would receive the payload and custom headers.
    http.addNetworkInterceptor(new SameOriginRedirects());
    if (HTTP_LOG.isDebugEnabled()) {
      HttpLoggingInterceptor logging = new HttpLoggingInterceptor(HTTP_LOG::debug);
      logging.redactHeader("Authorization");
      // Custom headers often carry secrets (tenant tokens, gateway keys): log their names, never their values.
      settings.headers().keySet().forEach(logging::redactHeader);
      logging.setLevel(HttpLoggingInterceptor.Level.BODY);
      http.addInterceptor(logging);
    }
    return http.build();
  }

  /** Answers a proxy's 407 with Basic credentials, once: a second 407 means they are wrong, and is returned. */
  private static Authenticator proxyAuthenticator(String username, String password) {
    String credentials = Credentials.basic(username, password, StandardCharsets.UTF_8);
    return (route, response) -> {
      if (response.request().header("Proxy-Authorization") != null) {
        return null;
      }
      return response.request().newBuilder().header("Proxy-Authorization", credentials).build();
    };
  }

  /** For {@code verifyTls(false)}: accept any certificate and host name. Only for local test servers. */
  private static void trustEverything(OkHttpClient.Builder http) {
    X509TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      http.sslSocketFactory(tls.getSocketFactory(), trustAll);
      http.hostnameVerifier((host, session) -> true);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot disable TLS verification on this JVM", e);
    }
  }
}
