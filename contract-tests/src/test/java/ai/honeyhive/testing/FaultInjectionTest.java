package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** What each {@link ServerFault} does to a request, seen through raw HTTP, and how it is recorded. */
class FaultInjectionTest {
  private static final Map<String, Object> TOOL = Map.of("event_type", "tool", "inputs", Map.of());

  @Test
  void aServerErrorAnswersTheStatusInTheApisErrorShapeAndStoresNothing() {
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.serverError(503)).build());
        Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/v1/events", TOOL);

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.body().toString()).isEqualTo("{\"statusCode\":503,\"message\":\"Service unavailable "
          + "(injected fault)\",\"success\":false,\"errorCode\":\"SERVICE_UNAVAILABLE\"}");
      assertThat(server.events()).isEmpty();
      assertThat(server.injectedFaults()).singleElement().satisfies(exchange -> {
        assertThat(exchange.injectedFault()).isEqualTo("server-error-503");
        assertThat(exchange.status()).isEqualTo(503);
        assertThat(exchange.succeeded()).isFalse();
        assertThat(exchange).hasToString("POST /v1/events (createEvent) -> 503 [server-error-503]");
      });
    }
  }

  @Test
  void a500AnswerIsCheckedAgainstTheSpecLikeANormalAnswer() {
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.serverError(500)).build());
        Http http = Http.sendingOnce(server)) {
      assertThat(http.post("/v1/events", TOOL).status()).isEqualTo(500);

      assertThat(server.validationErrors()).isEmpty();
    }
  }

  @Test
  void aRateLimitSendsRetryAfterInWholeSecondsRoundedUp() {
    ServerFault fault = ServerFault.rateLimited(Duration.ofMillis(1500));
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(fault).build());
        Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/v1/events", TOOL);

      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.headers().get("Retry-After")).isEqualTo("2");
      assertThat(answer.body().path("errorCode").asText()).isEqualTo("RATE_LIMITED");
      assertThat(server.events()).isEmpty();
      assertThat(server.validationErrors()).as("a 429 in the spec's shape").isEmpty();
      assertThat(fault).hasToString("ServerFault{rate-limited, Retry-After: 2}");
    }
  }

  @Test
  void aConnectionResetClosesTheConnectionWithoutAnsweringOrStoring() {
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.connectionReset()).build());
        Http http = Http.sendingOnce(server)) {
      assertThatThrownBy(() -> http.post("/v1/events", TOOL)).isInstanceOf(UncheckedIOException.class);

      assertThat(server.events()).isEmpty();
      RecordedExchange exchange = server.injectedFaults().get(0);
      assertThat(exchange.injectedFault()).isEqualTo("connection-reset");
      assertThat(exchange.status()).as("no answer").isZero();
      assertThat(exchange.responseBody()).isNull();
    }
  }

  @Test
  void aConnectionResetAfterStoringKeepsTheEventThoughTheClientGetsNoAnswer() {
    String id = UUID.randomUUID().toString();
    try (HoneyHiveTestServer server =
            serverWith(FaultPlan.builder(ServerFault.connectionResetAfterStoring()).build());
        Http http = Http.sendingOnce(server)) {
      assertThatThrownBy(() -> http.post("/v1/events", Map.of("event_id", id, "event_type", "tool",
          "inputs", Map.of()))).isInstanceOf(UncheckedIOException.class);

      assertThat(server.event(id)).isPresent();
      assertThat(server.deliveryCount(id)).isEqualTo(1);
      assertThat(server.injectedFaults()).extracting(RecordedExchange::status).containsExactly(0);
    }
  }

  @Test
  void aSlowResponseOutlastsTheClientsReadTimeoutOnAnEventItStored() {
    String id = UUID.randomUUID().toString();
    FaultPlan slow = FaultPlan.builder(ServerFault.slowResponse(Duration.ofMillis(400))).build();
    try (HoneyHiveTestServer server = serverWith(slow);
        Http http = Http.using(server, new OkHttpClient.Builder().readTimeout(Duration.ofMillis(100)))) {
      assertThatThrownBy(() -> http.post("/v1/events", Map.of("event_id", id, "event_type", "tool",
          "inputs", Map.of()))).hasCauseInstanceOf(SocketTimeoutException.class);

      assertThat(server.event(id)).isPresent();
      RecordedExchange exchange = server.injectedFaults().get(0);
      assertThat(exchange.injectedFault()).isEqualTo("slow-response");
      assertThat(exchange.status()).as("what the server sent, late").isEqualTo(200);
      assertThat(exchange.responseBody()).contains(id);
    }
  }

  @Test
  void aPartialFailureOfALegacyBatchStoresTheFirstHalfAndReportsTheRest() {
    List<String> ids = ids(5);
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.partialBatchFailure()).build());
        Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/events/batch", Map.of("events", events(ids)));

      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.body().path("success").asBoolean(true)).isFalse();
      assertThat(answer.body().path("event_ids").toString())
          .isEqualTo("[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"]");
      assertThat(answer.body().path("errors").toString()).isEqualTo("["
          + "\"events[2] (event_id " + ids.get(2) + "): not stored: injected partial batch failure\","
          + "\"events[3] (event_id " + ids.get(3) + "): not stored: injected partial batch failure\","
          + "\"events[4] (event_id " + ids.get(4) + "): not stored: injected partial batch failure\"]");
      assertThat(server.events()).extracting(StoredEvent::eventId).containsExactly(ids.get(0), ids.get(1));
      assertThat(server.validationErrors()).as("the report is the spec's LegacyBatchFailure").isEmpty();
    }
  }

  @Test
  void aPartialFailureOfALegacyModelBatchNamesTheModelEventsField() {
    List<String> ids = ids(2);
    List<Map<String, Object>> modelEvents = ids.stream().map(id -> Map.<String, Object>of("event_id", id,
        "event_type", "model", "model_name", "gpt-4o", "inputs", Map.of())).collect(Collectors.toList());
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.partialBatchFailure()).build());
        Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/events/model/batch", Map.of("model_events", modelEvents));

      assertThat(answer.body().path("errors").get(0).asText()).startsWith("model_events[1] (event_id " + ids.get(1));
      assertThat(server.events()).extracting(StoredEvent::eventId).containsExactly(ids.get(0));
    }
  }

  @Test
  void aPartialFailureOfACurrentBatchAnswersThePlainErrorBodyTheSpecDocuments() {
    List<String> ids = ids(4);
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.partialBatchFailure()).build());
        Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/v1/events/batch", Map.of("events", events(ids)));

      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.body().path("errorCode").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
      assertThat(answer.message()).isEqualTo("Batch partially failed: 2 of 4 events stored (injected fault)");
      assertThat(server.events()).extracting(StoredEvent::eventId).containsExactly(ids.get(0), ids.get(1));
      assertThat(server.validationErrors()).isEmpty();
    }
  }

  @Test
  void aPartialBatchFailureLetsThroughWhatIsNotABatchAndRefusesAnInvalidBatchAsUsual() {
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.partialBatchFailure()).build());
        Http http = Http.sendingOnce(server)) {
      assertThat(http.post("/v1/events", TOOL).status()).isEqualTo(200);
      assertThat(http.post("/v1/events/batch", Map.of("events", List.of(Map.of("event_type", "banana",
          "inputs", Map.of())))).status()).isEqualTo(400);

      assertThat(server.injectedFaults()).isEmpty();
    }
  }

  @Test
  void aBadGatewayAnswersAnHtmlPage() {
    try (HoneyHiveTestServer server = serverWith(FaultPlan.builder(ServerFault.badGatewayHtml()).build());
        Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/v1/events", TOOL);

      assertThat(answer.status()).isEqualTo(502);
      assertThat(answer.headers().get("Content-Type")).isEqualTo("text/html");
      assertThat(answer.text()).contains("<h1>502 Bad Gateway</h1>");
      assertThat(server.events()).isEmpty();
      assertThat(server.injectedFaults().get(0).responseBody()).isEqualTo(answer.text());
    }
  }

  @Test
  void aTruncatedBodyIsTheFirstHalfOfTheNormalAnswer() {
    String id = UUID.randomUUID().toString();
    FaultPlan truncate = FaultPlan.builder(ServerFault.truncatedBody()).operations("createEvent").build();
    try (HoneyHiveTestServer server = serverWith(truncate); Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/v1/events", Map.of("event_id", id, "event_type", "tool", "inputs", Map.of()));

      String whole = "{\"event_id\":\"" + id + "\",\"success\":true}";
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.text()).isEqualTo(whole.substring(0, whole.length() / 2));
      assertThat(server.event(id)).as("handled first").isPresent();
    }
  }

  @Test
  void aReplacedAnswerIsSentAfterTheRequestWasHandled() {
    String id = UUID.randomUUID().toString();
    FaultPlan wrongTypes = FaultPlan.builder(
        ServerFault.replaceAnswer(200, "application/json", "{\"event_id\":42,\"success\":\"yes\"}")).build();
    try (HoneyHiveTestServer server = serverWith(wrongTypes); Http http = Http.sendingOnce(server)) {
      Http.Answer answer = http.post("/v1/events", Map.of("event_id", id, "event_type", "tool", "inputs", Map.of()));

      assertThat(answer.text()).isEqualTo("{\"event_id\":42,\"success\":\"yes\"}");
      assertThat(server.event(id)).isPresent();
      assertThat(server.injectedFaults().get(0).injectedFault()).isEqualTo("replaced-answer-200");
      assertThat(server.validationErrors()).as("a deliberately wrong answer is not a finding").isEmpty();
    }
  }

  @Test
  void theFirstRequestsScheduleFaultsOnlyTheFirstOnesThenAnswersNormally() {
    FaultPlan plan = FaultPlan.builder(ServerFault.serverError(503)).schedule(FaultSchedule.firstRequests(2)).build();

    assertThat(statuses(plan, 4)).containsExactly(503, 503, 200, 200);
  }

  @Test
  void theRequestsAndEveryNthSchedulesFaultExactlyTheNumberedRequests() {
    assertThat(statuses(FaultPlan.builder(ServerFault.serverError(500))
        .schedule(FaultSchedule.requests(4, 2)).build(), 5)).containsExactly(200, 500, 200, 500, 200);
    assertThat(statuses(FaultPlan.builder(ServerFault.serverError(500))
        .schedule(FaultSchedule.everyNth(3)).build(), 7)).containsExactly(200, 200, 500, 200, 200, 500, 200);
  }

  @Test
  void aRandomScheduleMakesTheSameChoicesForTheSameSeed() {
    FaultPlan plan = FaultPlan.builder(ServerFault.serverError(503))
        .schedule(FaultSchedule.random(0.5, 1234)).build();

    List<Integer> first = statuses(plan, 20);
    List<Integer> second = statuses(plan, 20);
    List<Integer> otherSeed = statuses(plan.newBuilder().schedule(FaultSchedule.random(0.5, 99)).build(), 20);

    assertThat(first).isEqualTo(second).contains(503, 200);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void aPlanLimitedToOperationsCountsAndFaultsOnlyTheirRequests() {
    FaultPlan plan = FaultPlan.builder(ServerFault.serverError(503)).schedule(FaultSchedule.requests(2))
        .operations("createEvent").build();
    try (HoneyHiveTestServer server = serverWith(plan); Http http = Http.sendingOnce(server)) {
      http.post("/v1/sessions", Map.of());
      http.post("/v1/events", TOOL);
      http.post("/v1/sessions", Map.of());
      http.post("/v1/events", TOOL);

      assertThat(server.exchanges()).extracting(RecordedExchange::status).containsExactly(200, 200, 200, 503);
    }
  }

  @Test
  void everyPlanCountsARequestButOnlyTheFirstThatStrikesAppliesItsFault() {
    FaultPlan first = FaultPlan.builder(ServerFault.serverError(503)).schedule(FaultSchedule.requests(1)).build();
    FaultPlan second =
        FaultPlan.builder(ServerFault.serverError(500)).schedule(FaultSchedule.requests(1, 2)).build();
    try (HoneyHiveTestServer server = serverWith(first, second); Http http = Http.sendingOnce(server)) {
      IntStream.range(0, 3).forEach(i -> http.post("/v1/events", TOOL));

      assertThat(server.exchanges()).extracting(RecordedExchange::status).containsExactly(503, 500, 200);
      assertThat(server.injectedFaults()).extracting(RecordedExchange::injectedFault)
          .containsExactly("server-error-503", "server-error-500");
    }
  }

  @Test
  void aPlanNamingAnOperationTheSpecDoesNotHaveIsRejectedAtStart() {
    FaultPlan plan = FaultPlan.builder(ServerFault.connectionReset()).operations("createEvnet").build();

    assertThatThrownBy(() -> HoneyHiveTestServer.builder().faults(plan).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names operation 'createEvnet', which the spec does not have")
        .hasMessageContaining("createEvent");
  }

  @Test
  void faultsAndSchedulesRejectSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> ServerFault.serverError(404)).hasMessage("status must be 500 to 599, but was 404");
    assertThatThrownBy(() -> ServerFault.rateLimited(Duration.ofSeconds(-1)))
        .hasMessage("retryAfter must not be negative, but was PT-1S");
    assertThatThrownBy(() -> FaultSchedule.random(1.5, 1)).hasMessage("probability must be 0 to 1, but was 1.5");
    assertThatThrownBy(() -> FaultSchedule.requests(0, 3)).hasMessage("request numbers start at 1, but got 0");
    assertThatThrownBy(() -> FaultSchedule.everyNth(0)).hasMessage("n must be >= 1, but was 0");
    assertThatThrownBy(() -> FaultPlan.builder(null)).hasMessage("fault == null");
    assertThatThrownBy(() -> HoneyHiveTestServer.builder().faults((FaultPlan) null))
        .hasMessage("plans has a null plan");
  }

  @Test
  void plansAndSchedulesDescribeThemselves() {
    FaultPlan plan = FaultPlan.builder(ServerFault.serverError(503)).schedule(FaultSchedule.everyNth(2))
        .operations("createEvent").build();

    assertThat(plan).hasToString("FaultPlan{ServerFault{server-error-503}, every 2nd request, [createEvent]}");
    assertThat(FaultSchedule.random(0.25, 7)).hasToString("random p=0.25 seed=7");
    assertThat(FaultSchedule.firstRequests(2)).hasToString("first 2 requests");
    assertThat(ServerFault.slowResponse(Duration.ofMillis(300)).handlesRequest()).isTrue();
    assertThat(ServerFault.connectionReset().handlesRequest()).isFalse();
  }

  /** The statuses of {@code count} event posts to a fresh server with {@code plan}. */
  private static List<Integer> statuses(FaultPlan plan, int count) {
    try (HoneyHiveTestServer server = serverWith(plan); Http http = Http.sendingOnce(server)) {
      return IntStream.range(0, count).mapToObj(i -> http.post("/v1/events", TOOL).status())
          .collect(Collectors.toList());
    }
  }

  private static HoneyHiveTestServer serverWith(FaultPlan... plans) {
    return HoneyHiveTestServer.builder().faults(plans).start();
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.toList());
  }

  private static List<Map<String, Object>> events(List<String> ids) {
    return ids.stream().map(id -> Map.<String, Object>of("event_id", id, "event_type", "tool", "inputs", Map.of()))
        .collect(Collectors.toList());
  }
}
