package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.HoneyHiveException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A redirect to another host is refused: the event payload and custom headers never reach it, the write fails with
 * a {@link HoneyHiveException} naming both hosts and is not retried. A redirect within the same host is followed.
 */
class RedirectsTest {
  private final MockHoneyHive mock = new MockHoneyHive();
  private final MockWebServer elsewhere = new MockWebServer();

  @AfterEach
  void tearDown() {
    mock.close();
    elsewhere.close();
  }

  @Test
  void aRedirectToAnotherHostFailsTheWriteNamingBothHostsAndSendsNothingThere() throws Exception {
    elsewhere.start();
    HttpUrl target = elsewhere.url("/v1/events");
    mock.server.enqueue(redirect(307, target.toString()));
    mock.server.enqueue(redirect(307, target.toString())); // a retry would meet the same answer
    elsewhere.enqueue(ok());
    HoneyHive hh = mock.clientBuilder().header("X-Tenant-Secret", "tenant-secret-value").build();
    Session session = hh.attachSession(UUID.randomUUID().toString());

    assertThatThrownBy(() -> session.tool("t").inputs(Map.of("q", "payload")).log())
        .isExactlyInstanceOf(HoneyHiveException.class)
        .hasMessageContaining("POST /v1/events")
        .hasMessageContaining(mock.server.url("/").host() + ":" + mock.server.getPort())
        .hasMessageContaining(target.host() + ":" + target.port())
        .hasMessageNotContaining(MockHoneyHive.API_KEY);
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(mock.sleeps).as("not retried").isEmpty();
    hh.close();
  }

  @Test
  void aBatchRedirectedToAnotherHostIsCountedFailed() throws Exception {
    elsewhere.start();
    String target = elsewhere.url("/v1/sessions/x/events/batch").toString();
    for (int i = 0; i < 4; i++) {
      mock.server.enqueue(redirect(308, target));
    }
    RecordingListener listener = new RecordingListener();
    HoneyHive hh = mock.batchedClientBuilder().deliveryListener(listener).build();
    Session session = hh.attachSession(UUID.randomUUID().toString());
    String id = session.tool("t").log();

    DeliveryReport report = hh.flush(Duration.ofSeconds(10));

    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.sent()).isZero();
    assertThat(listener.failedIds()).containsExactly(id);
    assertThat(listener.failures().get(0).cause()).hasMessageContaining("redirected (308)");
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(hh.stats().retried()).isZero();
    hh.close();
  }

  @Test
  void aRedirectWithinTheSameHostIsFollowed() {
    mock.server.enqueue(redirect(307, "/v1/events?moved=1"));
    mock.enqueueOk();
    HoneyHive hh = mock.client();
    Session session = hh.attachSession(UUID.randomUUID().toString());

    session.tool("t").inputs(Map.of("q", "payload")).log();

    mock.takeRequest();
    RecordedRequest followed = mock.takeRequest();
    assertThat(followed.getTarget()).isEqualTo("/v1/events?moved=1");
    assertThat(followed.getBody().utf8()).contains("payload");
    hh.close();
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"success\":true}").build();
  }
}
