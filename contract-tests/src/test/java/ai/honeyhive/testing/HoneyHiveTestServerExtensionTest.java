package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.RouteFamily;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The JUnit extension: one server and one client per test, injected, closed after, strict about violations. */
@ExtendWith(HoneyHiveTestServerExtension.class)
class HoneyHiveTestServerExtensionTest {
  private static HoneyHiveTestServer lastServer;
  private HoneyHiveTestServer fromBeforeEach;

  @BeforeEach
  void capture(HoneyHiveTestServer server) {
    fromBeforeEach = server;
  }

  @Test
  void injectsAClientPointedAtTheTestsServer(HoneyHive hh, HoneyHiveTestServer server) {
    lastServer = server;

    String id = hh.session("injected").start().sessionId();

    assertThat(server).isSameAs(fromBeforeEach);
    assertThat(hh.baseUrl()).isEqualTo(server.baseUrl());
    assertThat(server.event(id)).isPresent();
    assertThat(server.exchanges()).singleElement().extracting(RecordedExchange::status).isEqualTo(200);
  }

  @AfterAll
  static void theServerWasClosedAfterItsTest() {
    try (Http http = new Http(lastServer)) {
      assertThatThrownBy(() -> http.get("/v1/events/0d9c3a3e-5a43-4b9e-9f60-2b0fd1c7a001"))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void aTestWhoseServerRecordedAValidationErrorFails() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(SendsAnInvalidRequest.class)).execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(test("sendsIt"), finishedWithFailure(instanceOf(AssertionError.class),
            message(text -> text.contains("recorded 1 validation error(s)") && text.contains("event_type")))));
  }

  @Test
  void theChecksCanBeTurnedOffAndTheClientConfigured() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(LenientAndLegacy.class)).execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(test("sendsIt"), finishedSuccessfully()));
  }

  @Test
  void serverOptionsAreAppliedToEachTestsServer() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(RequiresAKey.class)).execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(test("usesIt"), finishedSuccessfully()));
  }

  /** Run only through the test kit above (Surefire skips nested classes). */
  @ExtendWith(HoneyHiveTestServerExtension.class)
  static class SendsAnInvalidRequest {
    @Test
    void sendsIt(HoneyHiveTestServer server) {
      try (Http http = new Http(server)) {
        http.post("/v1/events", Map.of("event_type", "banana", "inputs", Map.of()));
      }
    }
  }

  /** Run only through the test kit above. */
  static class LenientAndLegacy {
    @RegisterExtension
    static final HoneyHiveTestServerExtension HONEYHIVE = HoneyHiveTestServerExtension.builder()
        .failOnValidationErrors(false)
        .client(client -> client.routeFamily(RouteFamily.LEGACY))
        .build();

    @Test
    void sendsIt(HoneyHive hh, HoneyHiveTestServer server) {
      assertThat(hh.routeFamily()).isEqualTo(RouteFamily.LEGACY);
      try (Http http = new Http(server)) {
        http.post("/v1/events", Map.of("event_type", "banana", "inputs", Map.of()));
      }
      assertThat(server.validationErrors()).hasSize(1);
    }
  }

  /** Run only through the test kit above. */
  static class RequiresAKey {
    @RegisterExtension
    static final HoneyHiveTestServerExtension HONEYHIVE = HoneyHiveTestServerExtension.builder()
        .server(server -> server.apiKey("hh-pinned-key").projectId("p-1"))
        .build();

    @Test
    void usesIt(HoneyHive hh, HoneyHiveTestServer server) {
      assertThat(server.apiKey()).isEqualTo("hh-pinned-key");
      String id = hh.session("keyed").start().sessionId();
      assertThat(server.event(id).orElseThrow().projectId()).isEqualTo("p-1");
    }
  }
}
