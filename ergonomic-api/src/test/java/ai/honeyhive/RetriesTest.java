package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.BadRequestException;
import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.InternalServerException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetriesTest {
  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  @Test
  void twoServiceUnavailablesThenSuccessMakeOneEventWithOneIdAndBackOff() {
    HoneyHive hh = mock.clientBuilder().retryBackoff(Duration.ofMillis(200), Duration.ofSeconds(5)).build();
    mock.enqueueJson(503, "{\"message\":\"busy\"}").enqueueJson(503, "{\"message\":\"busy\"}").enqueueOk();

    String eventId = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").log();

    for (int attempt = 0; attempt < 3; attempt++) {
      RecordedRequest request = mock.takeRequest();
      assertThat(MockHoneyHive.body(request)).containsEntry("event_id", eventId);
      assertThat(request.getHeaders().get("hh-retry-count")).isEqualTo(Integer.toString(attempt));
    }
    assertThat(mock.requestCount()).isEqualTo(3);
    assertThat(mock.sleeps).hasSize(2);
    assertThat(mock.sleeps.get(0)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
    assertThat(mock.sleeps.get(1)).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
    hh.close();
  }

  @Test
  void tooManyRequestsWaitsExactlyWhatRetryAfterSays() {
    HoneyHive hh = mock.client();
    mock.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
        .body("{\"message\":\"slow down\"}").build());
    mock.enqueueOk();

    hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").log();

    assertThat(mock.sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(mock.requestCount()).isEqualTo(2);
    hh.close();
  }

  @Test
  void badRequestIsNotRetriedAndSurfacesTheServerMessage() {
    HoneyHive hh = mock.client();
    mock.enqueueJson(400, "{\"statusCode\":400,\"message\":\"inputs is required\",\"success\":false,"
        + "\"errorCode\":\"BAD_REQUEST\"}");

    assertThatThrownBy(() -> hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").log())
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.serverMessage()).isEqualTo("inputs is required");
          assertThat(e.errorCode()).isEqualTo("BAD_REQUEST");
          assertThat(e).hasMessageContaining("POST /v1/events").hasMessageContaining("inputs is required");
        });
    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(mock.sleeps).isEmpty();
    hh.close();
  }

  @Test
  void retriesUsedUpOnServerErrorsSurfaceTheLastStatus() {
    HoneyHive hh = mock.clientBuilder().maxRetries(2).build();
    for (int i = 0; i < 3; i++) {
      mock.enqueueJson(502, "{\"message\":\"bad gateway\"}");
    }

    assertThatThrownBy(() -> hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").log())
        .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(502));
    assertThat(mock.requestCount()).isEqualTo(3);
    assertThat(mock.sleeps).hasSize(2);
    hh.close();
  }

  @Test
  void connectionRefusedSurfacesTheConnectionExceptionAfterTheRetries() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HoneyHive hh = mock.clientBuilder().baseUrl("http://127.0.0.1:" + closedPort).maxRetries(3).build();

    assertThatThrownBy(() -> hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").log())
        .isInstanceOfSatisfying(HoneyHiveConnectionException.class, e -> {
          assertThat(e).hasMessageContaining("POST /v1/events failed after 3 retries");
          assertThat(e.getCause()).isInstanceOf(IOException.class);
          assertThat(e.isTimeout()).isFalse();
        });
    assertThat(mock.sleeps).hasSize(3);
    hh.close();
  }

  @Test
  void aConnectionResetMidRequestIsRetriedWithTheSameEventId() {
    HoneyHive hh = mock.clientBuilder().readTimeout(Duration.ofSeconds(5)).build();
    // The server reads the whole request, then closes the socket where its answer would start: deterministic,
    // unlike closing mid-body, which races with the client's write.
    mock.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    mock.enqueueOk();

    String eventId = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").log();

    assertThat(mock.requestCount()).isEqualTo(2);
    mock.takeRequest();
    assertThat(MockHoneyHive.body(mock.takeRequest())).containsEntry("event_id", eventId);
    hh.close();
  }

  @Test
  void noRetriesMeansOneRequestEvenWhenTheConnectionResets() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).readTimeout(Duration.ofSeconds(5)).build();
    Session session = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");
    mock.enqueueOk();
    session.tool("warm-up").log(); // leaves a pooled connection, which OkHttp would silently retry on
    mock.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    mock.enqueueOk();

    assertThatThrownBy(() -> session.tool("t").log()).isInstanceOf(HoneyHiveConnectionException.class);
    assertThat(mock.requestCount()).isEqualTo(2);
    hh.close();
  }

  @Test
  void anAcceptedWriteWithAnUnreadableBodyIsNotReportedAsAFailure() {
    HoneyHive hh = mock.client();
    mock.enqueueJson(200, "");

    String eventId = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").log();

    assertThat(eventId).isNotBlank();
    assertThat(mock.requestCount()).isEqualTo(1);
    hh.close();
  }

  @Test
  void aReadTimeoutIsReportedAsATimeout() {
    HoneyHive hh = mock.clientBuilder().maxRetries(1).readTimeout(Duration.ofMillis(100)).build();
    for (int i = 0; i < 2; i++) {
      mock.server.enqueue(new MockResponse.Builder().bodyDelay(1, java.util.concurrent.TimeUnit.SECONDS)
          .body("{\"success\":true}").build());
    }

    assertThatThrownBy(() -> hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t")
        .inputs(Map.of()).log())
        .isInstanceOfSatisfying(HoneyHiveConnectionException.class, e -> assertThat(e.isTimeout()).isTrue());
    assertThat(mock.sleeps).hasSize(1);
    hh.close();
  }
}
