package ai.honeyhive.spring.boot;

import ai.honeyhive.HoneyHive;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Map;

/** Applies the {@code honeyhive.http.*} properties to a client builder. */
final class HttpSettings {
  private HttpSettings() {}

  static void apply(HttpProperties http, HoneyHive.Builder b) {
    if (http.getConnectTimeout() != null) {
      b.connectTimeout(http.getConnectTimeout());
    }
    if (http.getReadTimeout() != null) {
      b.readTimeout(http.getReadTimeout());
    }
    if (http.getProxy() != null && !http.getProxy().isBlank()) {
      b.proxy(proxy(http.getProxy()));
    }
    if (http.getProxyUsername() != null) {
      b.proxyCredentials(http.getProxyUsername(), http.getProxyPassword() == null ? "" : http.getProxyPassword());
    }
    if (http.getVerifyTls() != null) {
      b.verifyTls(http.getVerifyTls());
    }
    if (http.getCaCertificates() != null) {
      b.caCertificates(http.getCaCertificates());
    }
    for (Map.Entry<String, String> header : http.getHeaders().entrySet()) {
      b.header(header.getKey(), header.getValue() == null ? "" : header.getValue());
    }
    if (http.getRouteFamily() != null) {
      b.routeFamily(http.getRouteFamily());
    }
  }

  /** {@code host:port} or {@code http://host:port}; anything else fails naming the property and the form expected. */
  static Proxy proxy(String value) {
    String address = value.strip();
    if (address.startsWith("http://")) {
      address = address.substring("http://".length());
    }
    if (address.endsWith("/")) {
      address = address.substring(0, address.length() - 1);
    }
    int colon = address.lastIndexOf(':');
    if (address.contains("@")) { // never echo a value that may hold a password
      throw new IllegalArgumentException("honeyhive.http.proxy: expected host:port or http://host:port, without"
          + " credentials (set honeyhive.http.proxy-username and proxy-password)");
    }
    if (colon <= 0 || colon == address.length() - 1 || address.contains("/")) {
      throw new IllegalArgumentException("honeyhive.http.proxy: expected host:port or http://host:port, was \""
          + value + "\"");
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("honeyhive.http.proxy: port must be 1 to 65535, was \""
          + address.substring(colon + 1) + "\"");
    }
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(address.substring(0, colon), port));
  }
}
