package ai.honeyhive.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Turns Nagle's algorithm off ({@code TCP_NODELAY}) on every socket it creates, so a request goes out as soon as
 * OkHttp writes it.
 *
 * <p>Why: OkHttp writes a request body in 8 KiB pieces and leaves Nagle's algorithm on. Against a server whose kernel
 * delays its ACKs (Linux does, up to 40 ms), Nagle holds the body's last piece until the ACK of the previous one, so
 * every batch waits for it: against ordinary servers this cut batched throughput by a factor of 2 to 10.
 *
 * <p>TLS needs nothing more: OkHttp layers its TLS socket over the plain socket from this factory, and the option
 * belongs to that plain socket. A SOCKS proxy connection does not come from a socket factory and is left as it is.
 */
public final class NoDelaySocketFactory extends SocketFactory {
  private final SocketFactory delegate;

  public NoDelaySocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    try {
      socket.setTcpNoDelay(true);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    return socket;
  }
}
