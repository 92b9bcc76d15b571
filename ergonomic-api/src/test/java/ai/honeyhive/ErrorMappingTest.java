package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.honeyhive.errors.AuthenticationException;
import ai.honeyhive.errors.BadRequestException;
import ai.honeyhive.errors.ConflictException;
import ai.honeyhive.errors.HoneyHiveApiException;
import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.InternalServerException;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.errors.PermissionDeniedException;
import ai.honeyhive.errors.RateLimitException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a caller sees when the API answers with an error: which exception, and what it carries. */
class ErrorMappingTest {
  private static final String SESSION_ID = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";
  private static final String EVENT_ID = "0b8f3c52-1d7e-4a96-8c1b-2e4f6a8d0c13";

  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // One subclass per meaningful status

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "400, ai.honeyhive.errors.BadRequestException",
      "401, ai.honeyhive.errors.AuthenticationException",
      "403, ai.honeyhive.errors.PermissionDeniedException",
      "404, ai.honeyhive.errors.NotFoundException",
      "422, ai.honeyhive.errors.UnprocessableEntityException",
      "500, ai.honeyhive.errors.InternalServerException",
      "502, ai.honeyhive.errors.InternalServerException",
      "503, ai.honeyhive.errors.InternalServerException",
  })
  void eachStatusHasItsOwnExceptionCarryingTheErrorBody(int status, Class<?> expected) {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    enqueueError(status, "what went wrong " + status, "CODE_" + status);

    Throwable thrown = catchThrowable(() -> hh.attachSession(SESSION_ID).tool("t").log());

    assertThat(thrown).isExactlyInstanceOf(expected).isInstanceOf(HoneyHiveApiException.class);
    HoneyHiveApiException e = (HoneyHiveApiException) thrown;
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.serverMessage()).isEqualTo("what went wrong " + status);
    assertThat(e.errorCode()).isEqualTo("CODE_" + status);
    hh.close();
  }

  @Test
  void aConflictIsRetriedAndThenReportedAsAConflict() {
    HoneyHive hh = mock.clientBuilder().maxRetries(2).build();
    for (int i = 0; i < 3; i++) {
      enqueueError(409, "event is being written", "CONFLICT");
    }

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(409);
          assertThat(e.serverMessage()).isEqualTo("event is being written");
          assertThat(e.errorCode()).isEqualTo("CONFLICT");
        });
    assertThat(mock.requestCount()).isEqualTo(3);
    hh.close();
  }

  @Test
  void anUnlistedStatusIsAPlainApiException() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    enqueueError(418, "I'm a teapot", "TEAPOT");

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isExactlyInstanceOf(HoneyHiveApiException.class)
        .satisfies(e -> {
          HoneyHiveApiException api = (HoneyHiveApiException) e;
          assertThat(api.statusCode()).isEqualTo(418);
          assertThat(api.serverMessage()).isEqualTo("I'm a teapot");
          assertThat(api.errorCode()).isEqualTo("TEAPOT");
        });
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 429 and Retry-After

  @Test
  void rateLimitExposesRetryAfterInSeconds() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    mock.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .addHeader("Content-Type", "application/json")
        .body(errorBody(429, "slow down", "RATE_LIMITED")).build());

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.serverMessage()).isEqualTo("slow down");
          assertThat(e.errorCode()).isEqualTo("RATE_LIMITED");
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        });
    hh.close();
  }

  @Test
  void rateLimitExposesRetryAfterGivenAsAnHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    HoneyHive hh = mock.clientBuilder().maxRetries(0).clock(clock).build();
    mock.server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Retry-After", "Thu, 01 Jan 2026 00:00:45 GMT")
        .body(errorBody(429, "slow down", null)).build());

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(45)));
    hh.close();
  }

  @Test
  void rateLimitWithoutRetryAfterSaysNothingAboutWhen() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    enqueueError(429, "slow down", null);

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).isEmpty());
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Bodies that are not HoneyHive error bodies

  @Test
  void anHtmlErrorPageFromALoadBalancerKeepsItsTextWithoutTheMarkup() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    mock.server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.serverMessage()).contains("502 Bad Gateway").doesNotContain("<h1>").doesNotContain("<");
          assertThat(e.errorCode()).isNull();
          assertThat(e).hasMessageContaining("502 Bad Gateway").hasMessageNotContaining("<h1>");
        });
    hh.close();
  }

  @Test
  void anErrorBodyWithoutErrorCodeLeavesItNull() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    mock.enqueueJson(400, "{\"statusCode\":400,\"message\":\"inputs is required\",\"success\":false}");

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.serverMessage()).isEqualTo("inputs is required");
          assertThat(e.errorCode()).isNull();
        });
    hh.close();
  }

  @Test
  void anErrorWithoutBodyHasNoServerMessageButStillSaysWhatFailed() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    mock.server.enqueue(new MockResponse.Builder().code(403).build());

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
          assertThat(e.serverMessage()).isNull();
          assertThat(e.errorCode()).isNull();
          assertThat(e).hasMessageContaining("POST /v1/events").hasMessageContaining("403");
        });
    hh.close();
  }

  @Test
  void aSuccessfulReadWhoseBodyIsNotJsonIsReportedAsUnreadable() {
    HoneyHive hh = mock.client();
    mock.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<html><body>maintenance</body></html>").build());

    Throwable thrown = catchThrowable(() -> hh.getEvent(EVENT_ID));

    assertThat(thrown)
        .isInstanceOf(HoneyHiveException.class)
        .isNotInstanceOf(HoneyHiveConnectionException.class)
        .isNotInstanceOf(HoneyHiveApiException.class)
        .hasMessageContaining("GET /v1/events/" + EVENT_ID)
        .hasMessageContaining("could not be read");
    assertThat(mock.requestCount()).isEqualTo(1);
    hh.close();
  }

  @Test
  void aSuccessfulReadWithoutAnEventIsReportedAsUnreadable() {
    HoneyHive hh = mock.client();
    mock.enqueueJson(200, "{}");

    Throwable thrown = catchThrowable(() -> hh.getEvent(EVENT_ID));

    assertThat(thrown)
        .isInstanceOf(HoneyHiveException.class)
        .isNotInstanceOf(HoneyHiveConnectionException.class)
        .hasMessageContaining("GET /v1/events/" + EVENT_ID);
    hh.close();
  }

  @Test
  void aWriteThatFailsBeforeReachingTheServerIsReportedNotTakenAsAccepted() {
    OkHttpClient egressDenied = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          throw new IOException("egress to this host is denied by policy");
        })
        .build();
    HoneyHive hh = mock.clientBuilder().okHttpClient(egressDenied).maxRetries(0).build();
    mock.enqueueOk();

    Throwable thrown = catchThrowable(() -> hh.attachSession(SESSION_ID).tool("t").log());

    assertThat(mock.requestCount()).isZero();
    assertThat(thrown)
        .isInstanceOf(HoneyHiveException.class)
        .hasMessageContaining("POST /v1/events")
        .hasRootCauseMessage("egress to this host is denied by policy");
    hh.close();
    egressDenied.dispatcher().executorService().shutdown();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What the exception tells

  @Test
  void theResponseHeadersAreExposedByLowerCaseName() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    mock.server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-8d3f").body(errorBody(400, "bad", "BAD_REQUEST")).build());

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.headers()).containsEntry("x-request-id", List.of("req-8d3f"));
          assertThat(e.headers()).containsKey("content-type");
        });
    hh.close();
  }

  @Test
  void theResponseHeadersNeverIncludeTheRequestsAuthorization() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    enqueueError(401, "invalid api key", "UNAUTHORIZED");

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.headers()).doesNotContainKey("authorization");
          assertThat(e.headers().toString()).doesNotContain(MockHoneyHive.API_KEY);
        });
    hh.close();
  }

  @Test
  void theMessageNamesTheRequestLineTheStatusAndTheServersMessage() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    enqueueError(422, "event_type must be one of model, tool, chain, session", "VALIDATION");

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .hasMessageStartingWith("POST /v1/events ")
        .hasMessageContaining("HTTP 422")
        .hasMessageContaining("event_type must be one of model, tool, chain, session")
        .hasMessageContaining("VALIDATION");
    hh.close();
  }

  @Test
  void theMessageOfAFailedReadNamesItsPath() {
    HoneyHive hh = mock.client();
    enqueueError(404, "event not found", "NOT_FOUND");

    assertThatThrownBy(() -> hh.getEvent(EVENT_ID))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("GET /v1/events/" + EVENT_ID)
        .hasMessageContaining("404");
    assertThat(mock.requestCount()).isEqualTo(1);
    hh.close();
  }

  @Test
  void theMessageOfAFailedSessionStartNamesItsRoute() {
    HoneyHive hh = mock.clientBuilder().maxRetries(0).build();
    enqueueError(400, "unknown field project", "BAD_REQUEST");

    assertThatThrownBy(() -> hh.session("chat").start())
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("POST /v1/sessions ")
        .hasMessageContaining("400");
    hh.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void clientErrorsAreNotRetried(int status) {
    HoneyHive hh = mock.client();
    enqueueError(status, "no", null);

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log()).isInstanceOf(HoneyHiveApiException.class);
    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(mock.sleeps).isEmpty();
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void enqueueError(int status, String message, String errorCode) {
    mock.enqueueJson(status, errorBody(status, message, errorCode));
  }

  private static String errorBody(int status, String message, String errorCode) {
    return "{\"statusCode\":" + status + ",\"message\":\"" + message + "\",\"success\":false"
        + (errorCode == null ? "" : ",\"errorCode\":\"" + errorCode + "\"") + "}";
  }
}
