package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nagle's algorithm is off ({@code TCP_NODELAY}) on the client's connections: on its own OkHttp client, on a
 * caller's client built with OkHttp's default socket factory, and on HTTPS; a caller's own socket factory is kept.
 */
class TcpNoDelayTest {
  private static final String SESSION_ID = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";

  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  @Test
  void theClientsOwnSocketsHaveNoDelay() throws IOException {
    HoneyHive hh = mock.client();

    try (Socket socket = httpClientOf(hh).socketFactory().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
    hh.close();
  }

  @Test
  void aConnectionTheClientOpensHasNoDelay() {
    List<Boolean> noDelay = new CopyOnWriteArrayList<>();
    OkHttpClient caller = new OkHttpClient.Builder().eventListener(recordingNoDelay(noDelay)).build();
    HoneyHive hh = mock.clientBuilder().okHttpClient(caller).build();
    mock.enqueueOk();

    hh.attachSession(SESSION_ID).tool("t").log();

    assertThat(noDelay).containsExactly(true);
    hh.close();
  }

  @Test
  void aCallersClientWithTheDefaultSocketFactoryGetsNoDelay() throws IOException {
    OkHttpClient caller = new OkHttpClient.Builder().build();
    assertThat(caller.socketFactory()).isSameAs(SocketFactory.getDefault());
    HoneyHive hh = mock.clientBuilder().okHttpClient(caller).build();

    try (Socket socket = httpClientOf(hh).socketFactory().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
    assertThat(caller.socketFactory()).isSameAs(SocketFactory.getDefault()); // the caller's client is not changed
    hh.close();
  }

  @Test
  void aCallersOwnSocketFactoryIsKept() throws IOException {
    SocketFactory own = new PlainSocketFactory();
    OkHttpClient caller = new OkHttpClient.Builder().socketFactory(own).build();
    HoneyHive hh = mock.clientBuilder().okHttpClient(caller).build();

    assertThat(httpClientOf(hh).socketFactory()).isSameAs(own);
    try (Socket socket = httpClientOf(hh).socketFactory().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isFalse();
    }
    hh.close();
  }

  /** OkHttp layers TLS over the plain socket (as {@code ConnectPlan.connectTls} does): the option carries over. */
  @Test
  void tlsLayeredOverTheSocketHasNoDelay() throws IOException {
    HoneyHive hh = mock.client();
    OkHttpClient http = httpClientOf(hh);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket raw = http.socketFactory().createSocket()) {
      raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket tls = ((SSLSocketFactory) SSLSocketFactory.getDefault())
          .createSocket(raw, "localhost", server.getLocalPort(), true)) {
        assertThat(tls.getTcpNoDelay()).isTrue();
      }
    }
    hh.close();
  }

  private static EventListener recordingNoDelay(List<Boolean> noDelay) {
    return new EventListener() {
      @Override
      public void connectionAcquired(Call call, Connection connection) {
        try {
          noDelay.add(connection.socket().getTcpNoDelay());
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    };
  }

  private static OkHttpClient httpClientOf(HoneyHive hh) {
    return (OkHttpClient) hh.raw().retrofit().callFactory();
  }

  /** A caller's factory: plain sockets, Nagle left on. */
  private static final class PlainSocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() {
      return new Socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return new Socket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return new Socket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return new Socket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return new Socket(address, port, localAddress, localPort);
    }
  }
}
