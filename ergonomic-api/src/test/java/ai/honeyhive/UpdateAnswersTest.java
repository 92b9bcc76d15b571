package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HoneyHive's spec documents no body for an update's answer, while its service answers JSON: whatever a 2xx update
 * answer holds, the update has succeeded, on both route families.
 */
class UpdateAnswersTest {
  private static final String EVENT_ID = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";

  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void close() {
    mock.close();
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("no body", new MockResponse.Builder().code(200).build()),
        Arguments.of("{\"success\": true}", new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "application/json").body("{\"success\":true}").build()),
        Arguments.of("JSON of another shape", new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "application/json").body("[1,{\"updated\":\"yes\"}]").build()),
        Arguments.of("text that is not JSON", new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "text/plain").body("OK").build()),
        Arguments.of("JSON cut off", new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "application/json").body("{\"succ").build()),
        Arguments.of("204 No Content", new MockResponse.Builder().code(204).build()));
  }

  @ParameterizedTest(name = "{0}, current routes")
  @MethodSource("answers")
  void anUpdateSucceedsWhateverItsAnswerHolds(String answer, MockResponse response) {
    mock.server.enqueue(response);
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();

    assertThatCode(() -> hh.updateEvent(EVENT_ID).feedback(Map.of("rating", 5)).send()).doesNotThrowAnyException();
    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/events/" + EVENT_ID);
    hh.close();
  }

  @ParameterizedTest(name = "{0}, legacy routes")
  @MethodSource("answers")
  void aLegacyUpdateSucceedsWhateverItsAnswerHolds(String answer, MockResponse response) {
    mock.server.enqueue(response);
    HoneyHive hh = mock.clientBuilder().maxRetries(0).routeFamily(RouteFamily.LEGACY).build();

    assertThatCode(() -> hh.updateEvent(EVENT_ID).feedback(Map.of("rating", 5)).send()).doesNotThrowAnyException();
    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/events");
    hh.close();
  }
}
