package ai.honeyhive.spring.boot;

import ai.honeyhive.RouteFamily;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code honeyhive.http.*} properties: connections, timeouts, proxy, TLS and extra headers. */
public class HttpProperties {
  /** Time limit to open a connection. Client default 10 s. */
  private Duration connectTimeout;
  /** Time limit between two reads of a response. Client default 30 s. */
  private Duration readTimeout;
  /** HTTP proxy as host:port or http://host:port. Default: HH_PROXY (or HH_HTTPS_PROXY, HH_HTTP_PROXY, HH_PROXY_URL), else the JVM proxy settings. */
  private String proxy;
  /** User name answering a proxy 407 with Basic credentials. */
  private String proxyUsername;
  /** Password of the proxy user (a secret: never logged). */
  private String proxyPassword;
  /** Whether the server certificate and host name are verified. Default true; false only for a local test server. */
  private Boolean verifyTls;
  /** PEM file of extra certificate authorities to trust (a private data plane, an inspecting proxy). */
  private Path caCertificates;
  /** Headers added to every request (values are never logged). Authorization is refused: set honeyhive.api-key. */
  private final Map<String, String> headers = new LinkedHashMap<>();
  /** Which family of HoneyHive routes the client writes to. Client default CURRENT. */
  private RouteFamily routeFamily;

  /** Creates the settings with nothing set. */
  public HttpProperties() {}

  /**
   * Returns honeyhive.http.connect-timeout: time limit to open a connection.
   *
   * @return the value, or null if not set
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets honeyhive.http.connect-timeout.
   *
   * @param connectTimeout the value
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Returns honeyhive.http.read-timeout: time limit between two reads of a response.
   *
   * @return the value, or null if not set
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets honeyhive.http.read-timeout.
   *
   * @param readTimeout the value
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * Returns honeyhive.http.proxy: hTTP proxy as host:port.
   *
   * @return the value, or null if not set
   */
  public String getProxy() {
    return proxy;
  }

  /**
   * Sets honeyhive.http.proxy.
   *
   * @param proxy the value
   */
  public void setProxy(String proxy) {
    this.proxy = proxy;
  }

  /**
   * Returns honeyhive.http.proxy-username: user name answering a proxy 407 with Basic credentials.
   *
   * @return the value, or null if not set
   */
  public String getProxyUsername() {
    return proxyUsername;
  }

  /**
   * Sets honeyhive.http.proxy-username.
   *
   * @param proxyUsername the value
   */
  public void setProxyUsername(String proxyUsername) {
    this.proxyUsername = proxyUsername;
  }

  /**
   * Returns honeyhive.http.proxy-password: password of the proxy user (a secret: never logged).
   *
   * @return the value, or null if not set
   */
  public String getProxyPassword() {
    return proxyPassword;
  }

  /**
   * Sets honeyhive.http.proxy-password.
   *
   * @param proxyPassword the value
   */
  public void setProxyPassword(String proxyPassword) {
    this.proxyPassword = proxyPassword;
  }

  /**
   * Returns honeyhive.http.verify-tls: whether the server certificate and host name are verified.
   *
   * @return the value, or null if not set
   */
  public Boolean getVerifyTls() {
    return verifyTls;
  }

  /**
   * Sets honeyhive.http.verify-tls.
   *
   * @param verifyTls the value
   */
  public void setVerifyTls(Boolean verifyTls) {
    this.verifyTls = verifyTls;
  }

  /**
   * Returns honeyhive.http.ca-certificates: pEM file of extra certificate authorities to trust (a private data plane, an inspecting proxy).
   *
   * @return the value, or null if not set
   */
  public Path getCaCertificates() {
    return caCertificates;
  }

  /**
   * Sets honeyhive.http.ca-certificates.
   *
   * @param caCertificates the value
   */
  public void setCaCertificates(Path caCertificates) {
    this.caCertificates = caCertificates;
  }

  /**
   * Returns honeyhive.http.headers: headers added to every request (values are never logged).
   *
   * @return the value
   */
  public Map<String, String> getHeaders() {
    return headers;
  }

  /**
   * Returns honeyhive.http.route-family: which family of HoneyHive routes the client writes to.
   *
   * @return the value, or null if not set
   */
  public RouteFamily getRouteFamily() {
    return routeFamily;
  }

  /**
   * Sets honeyhive.http.route-family.
   *
   * @param routeFamily the value
   */
  public void setRouteFamily(RouteFamily routeFamily) {
    this.routeFamily = routeFamily;
  }

  @Override
  public String toString() {
    return "HttpProperties{" + "connectTimeout=" + connectTimeout + ", " + "readTimeout=" + readTimeout + ", " + "proxy=" + proxy + ", " + "proxyUsername=" + proxyUsername + ", " + "proxyPassword=" + (proxyPassword == null ? "unset" : "[set]") + ", " + "verifyTls=" + verifyTls + ", " + "caCertificates=" + caCertificates + ", " + "headers=" + headers.keySet() + ", " + "routeFamily=" + routeFamily + "}";
  }
}
