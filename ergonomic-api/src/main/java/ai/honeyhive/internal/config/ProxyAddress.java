package ai.honeyhive.internal.config;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An HTTP proxy as a variable names it: {@code host:port}, or a URL {@code http://[user:password@]host[:port][/]}
 * as the Python SDK's {@code HH_HTTPS_PROXY} and curl's {@code https_proxy} take. Messages never repeat the value,
 * which may hold a password.
 */
public final class ProxyAddress {
  private static final String FORMS = "expected host:port or http://[user:password@]host:port";

  private final Proxy proxy;
  private final String username;
  private final String password;

  private ProxyAddress(Proxy proxy, String username, String password) {
    this.proxy = proxy;
    this.username = username;
    this.password = password;
  }

  /**
   * Parses {@code value}. A URL's scheme names the protocol of the proxied request, not of the proxy (as in
   * {@code https_proxy=http://proxy:3128}); {@code https://} is accepted the same way, and the proxy is always spoken
   * to in plain HTTP, which is what almost every forward proxy expects. Without a port a URL means 80 ({@code http})
   * or 443 ({@code https}).
   *
   * @throws IllegalArgumentException if {@code value} has neither form, without repeating it
   */
  public static ProxyAddress parse(String value) {
    if (!value.contains("://")) {
      return new ProxyAddress(hostPort(value), null, null);
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(FORMS); // e's message would repeat the value, password included
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("only HTTP proxies are supported, not " + scheme + "; " + FORMS);
    }
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException(FORMS);
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw new IllegalArgumentException("a proxy URL has no path or query; " + FORMS);
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    String userInfo = uri.getUserInfo(); // percent-decoded
    if (userInfo == null) {
      return new ProxyAddress(proxy, null, null);
    }
    int colon = userInfo.indexOf(':');
    return colon < 0
        ? new ProxyAddress(proxy, userInfo, "")
        : new ProxyAddress(proxy, userInfo.substring(0, colon), userInfo.substring(colon + 1));
  }

  private static Proxy hostPort(String value) {
    String hostPort = value.replaceAll("/+$", "");
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(FORMS);
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port is not a number; " + FORMS);
    }
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port));
  }

  public Proxy proxy() {
    return proxy;
  }

  /** The user name, or null when the value names none. */
  public String username() {
    return username;
  }

  /** The password, empty when the value names a user without one; null with no user. */
  public String password() {
    return password;
  }

  @Override
  public String toString() {
    return "ProxyAddress{" + proxy + (username != null ? ", credentials=<redacted>" : "") + "}";
  }
}
