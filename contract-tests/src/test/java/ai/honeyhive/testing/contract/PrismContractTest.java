package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.EventFilter;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.RouteFamily;
import ai.honeyhive.Session;
import ai.honeyhive.client.model.EventBatchRequest;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.ExportDateRange;
import ai.honeyhive.client.model.ExportEventsRequest;
import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import ai.honeyhive.client.model.LegacyEvent;
import ai.honeyhive.client.model.LegacyEventBatchRequest;
import ai.honeyhive.client.model.LegacyModelEvent;
import ai.honeyhive.client.model.LegacyModelEventBatchRequest;
import ai.honeyhive.client.model.SessionEventsBatchRequest;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionTracesRequest;
import ai.honeyhive.testing.SpecOperations;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import retrofit2.Call;

/**
 * The second, independent validator: Stoplight Prism serving the spec as a mock ({@code prism mock}), which checks
 * every request against the spec with its own validator and answers from the spec's examples. The contract suite's
 * happy path runs against it (the ergonomic client on both route families, the generated client for the batches and
 * the export): every operation must be answered 2xx. Two deliberately broken requests, the same ones
 * {@link BrokenRequestContractTest} sends to the test server, must be rejected with 400 or 422 and Prism's
 * violations. The last test checks that every operation of the spec was answered 2xx, and prints what Prism saw.
 *
 * <p>Runs only with {@code -Dprism.url=http://127.0.0.1:PORT}: {@code .ci/run} starts Prism and passes it. Skipped
 * otherwise, so {@code mvn verify} never needs Node.
 */
@EnabledIfSystemProperty(named = "prism.url", matches = "https?://.+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrismContractTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());
  private static final Set<String> ANSWERED_2XX = Collections.synchronizedSet(new TreeSet<>());

  private final OkHttpClient http = new OkHttpClient.Builder()
      .addNetworkInterceptor(chain -> {
        Response response = chain.proceed(chain.request());
        String operationId = SpecOperations.operationId(chain.request().method(), chain.request().url().encodedPath());
        CALLS.add(chain.request().method() + " " + chain.request().url().encodedPath() + " (" + operationId + ") -> "
            + response.code());
        if (response.isSuccessful() && operationId != null) {
          ANSWERED_2XX.add(operationId);
        }
        return response;
      })
      .build();

  @AfterEach
  void closeHttpClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void theErgonomicClientOnTheCurrentRoutesIsAccepted() {
    try (HoneyHive hh = client(RouteFamily.CURRENT)) {
      Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).start();
      String model = session.model("gpt-4o").provider("openai").temperature(0.2)
          .message("user", "How do I reset my API key?").completion("Open Settings > API Keys.").usage(12, 8).log();
      session.tool("vector-search").inputs(Map.of("q", "reset key")).outputs(Map.of("documents", List.of("kb-1042")))
          .log();
      hh.updateEvent(model).metadata(Map.of("reviewed", true)).feedback(Map.of("rating", 4)).send();
      session.feedback(Map.of("rating", 5));
      session.end();
      hh.getEvent(model);
      hh.searchEvents().filter(EventFilter.field("event_type").is("model"))
          .dateRange(Instant.parse("2024-11-21T00:00:00Z"), Instant.parse("2024-11-22T00:00:00Z")).pageSize(10)
          .fetch();
    }

    assertThat(ANSWERED_2XX).contains("createSession", "createEvent", "updateEvent", "getEvent", "searchEvents");
  }

  @Test
  void theErgonomicClientOnTheLegacyRoutesIsAccepted() {
    try (HoneyHive hh = client(RouteFamily.LEGACY)) {
      Session session = hh.session("support-chat").start();
      session.model("gpt-4o").message("user", "Hi").completion("Hello!").log();
      session.chain("answer").inputs(Map.of("question", "hi")).log();
      session.feedback(Map.of("rating", 5));
    }

    assertThat(ANSWERED_2XX).contains("startSessionLegacy", "createModelEventLegacy", "createEventLegacy",
        "updateEventLegacy");
  }

  @Test
  @SuppressWarnings("deprecation") // the legacy operations are deprecated in the spec, and that is what is tested
  void theGeneratedClientsBatchesAndExportAreAccepted() throws IOException {
    UUID session = UUID.randomUUID();
    try (HoneyHive hh = client(RouteFamily.CURRENT)) {
      execute(hh.raw().events().createEventBatch(new EventBatchRequest().events(List.of(event("vector-search")))));
      execute(hh.raw().sessions().createSessionEventBatch(session,
          new SessionEventsBatchRequest().events(List.of(event("rerank")))));
      execute(hh.raw().legacy().createEventBatchLegacy(new LegacyEventBatchRequest().singleSession(true)
          .sessionProperties(new SessionProperties().sessionName("legacy-batch"))
          .events(List.of(new LegacyEvent().project("acme").eventType(EventType.TOOL).eventName("search")
              .inputs(Map.of("q", "x"))))));
      execute(hh.raw().legacy().createModelEventBatchLegacy(new LegacyModelEventBatchRequest().modelEvents(List.of(
          new LegacyModelEvent().eventType(EventType.MODEL).modelName("gpt-4o")
              .inputs(Map.of("messages", List.of(Map.of("role", "user", "content", "a"))))))));
      execute(hh.raw().legacy().exportEventsLegacy(new ExportEventsRequest()
          .filters(List.of(new ai.honeyhive.client.model.EventFilter().field("event_type")
              .operator(FilterOperator.IS).value("model").type(FilterValueType.STRING)))
          .dateRange(new ExportDateRange().$gte("2024-11-21T00:00:00Z").$lte("2024-11-22T00:00:00Z"))
          .projections(List.of("event_id", "event_name")).limit(500).page(1)));
      execute(hh.raw().legacy().addSessionTracesLegacy(session.toString(),
          new SessionTracesRequest().events(List.of(new LegacyEvent().eventType(EventType.TOOL).eventName("search")
              .inputs(Map.of("q", "x")).startTime(1_732_176_000_000.0)))));
      execute(hh.raw().legacy().getEventsSchemaLegacy(null, null));
    }

    assertThat(ANSWERED_2XX).contains("createEventBatch", "createSessionEventBatch", "createEventBatchLegacy",
        "createModelEventBatchLegacy", "exportEventsLegacy", "addSessionTracesLegacy", "getEventsSchemaLegacy");
  }

  @Test
  void anUnknownProjectFieldOnTheStrictRouteIsRejectedByPrism() throws IOException {
    assertRejected("{\"project\":\"acme\",\"event_type\":\"tool\",\"event_name\":\"search\",\"inputs\":{\"q\":\"x\"}}",
        "project");
  }

  @Test
  void anEventTypeOutsideTheEnumIsRejectedByPrism() throws IOException {
    assertRejected("{\"event_type\":\"banana\",\"event_name\":\"x\",\"inputs\":{}}", "event_type");
  }

  /** The tracing operations, driven by the ergonomic and generated clients in the tests above. */
  private static final Set<String> TRACING = Set.of("createSession", "createSessionEventBatch", "createEvent",
      "getEvent", "updateEvent", "createEventBatch", "searchEvents", "exportEventsLegacy", "addSessionTracesLegacy",
      "getEventsSchemaLegacy", "startSessionLegacy", "createEventLegacy", "updateEventLegacy", "createModelEventLegacy",
      "createEventBatchLegacy", "createModelEventBatchLegacy");

  @Test
  void everyEvaluationRouteIsAcceptedWithTheSpecsOwnExamples() throws IOException {
    List<String> refused = new ArrayList<>();
    for (SpecExampleRequests.ExampleRequest example : SpecExampleRequests.all(prismUrl(), TRACING)) {
      try (Response response = http.newCall(example.request()).execute()) {
        if (!response.isSuccessful()) {
          refused.add(example.operationId() + " -> " + response.code() + " " + response.body().string());
        }
      }
    }
    assertThat(refused).as("requests made from the spec's examples that Prism refused").isEmpty();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyOperationOfTheSpecWasAnswered2xxByPrism() {
    System.out.println("Prism: " + ANSWERED_2XX.size() + "/" + SpecOperations.all().size()
        + " operations answered 2xx");
    CALLS.forEach(call -> System.out.println("  " + call));

    assertThat(ANSWERED_2XX).as("operations Prism answered 2xx").containsAll(SpecOperations.all());
  }

  private void assertRejected(String body, String field) throws IOException {
    Request request = new Request.Builder().url(prismUrl() + "/v1/events")
        .header("Authorization", "Bearer hh-prism-key")
        .post(RequestBody.create(body, JSON))
        .build();
    try (Response response = http.newCall(request).execute()) {
      String violations = response.header("sl-violations");
      System.out.println("Prism rejected POST /v1/events " + body + " -> " + response.code() + " " + violations);
      assertThat(response.code()).isIn(400, 422);
      assertThat(violations).as("Prism's violations header").contains(field);
    }
  }

  private HoneyHive client(RouteFamily routes) {
    return HoneyHive.builder().apiKey("hh-prism-key").baseUrl(prismUrl()).okHttpClient(http).maxRetries(0)
        .deliveryMode(DeliveryMode.SYNCHRONOUS).routeFamily(routes).build();
  }

  private static void execute(Call<?> call) throws IOException {
    retrofit2.Response<?> response = call.execute();
    assertThat(response.isSuccessful())
        .as("%s %s -> %s %s", call.request().method(), call.request().url(), response.code(),
            response.isSuccessful() ? "" : response.errorBody().string())
        .isTrue();
  }

  private static ai.honeyhive.client.model.Event event(String name) {
    return new ai.honeyhive.client.model.Event().eventId(UUID.randomUUID().toString()).eventType(EventType.TOOL)
        .eventName(name).source("prism").inputs(Map.of("q", name)).startTime(1_732_176_000_000L)
        .endTime(1_732_176_000_010L).duration(10.0);
  }

  private static String prismUrl() {
    String url = System.getProperty("prism.url");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
