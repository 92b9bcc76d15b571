package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Where the server listens: a free loopback port unless told otherwise. */
class ListeningAddressTest {
  @Test
  void byDefaultAFreePortOnTheLoopbackInterface() {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start()) {
      assertThat(server.port()).isPositive();
      assertThat(server.url().host()).isIn("localhost", "127.0.0.1");
    }
  }

  @Test
  void listensOnTheChosenPort() throws IOException {
    int port = freePort();
    try (HoneyHiveTestServer server = HoneyHiveTestServer.builder().port(port).start();
         Http http = new Http(server)) {
      assertThat(server.port()).isEqualTo(port);
      assertThat(http.get("/v1/events/e3d02cd5-e18a-476c-9212-ac9f6e9c378f").status()).isEqualTo(404);
    }
  }

  @Test
  void aPortInUseFailsStartNamingIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      HoneyHiveTestServer.Builder builder = HoneyHiveTestServer.builder().port(taken.getLocalPort());

      assertThatThrownBy(builder::start).isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("could not start the HoneyHive test server on 127.0.0.1 port "
              + taken.getLocalPort());
    }
  }

  @Test
  void portsOutsideTheRangeAreRefusedNamingTheArgument() {
    assertThatThrownBy(() -> HoneyHiveTestServer.builder().port(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be in 0..65535: -1");
    assertThatThrownBy(() -> HoneyHiveTestServer.builder().port(65536))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be in 0..65535: 65536");
  }

  @Test
  void aNullBindAddressIsRefused() {
    assertThatThrownBy(() -> HoneyHiveTestServer.builder().bindAddress(null))
        .isInstanceOf(NullPointerException.class).hasMessage("bindAddress == null");
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
