package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /v1/events/search} and the legacy export over a fixed set of events. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSemanticsTest {
  // Some searches are invalid on purpose.
  @RegisterExtension
  final RawServer raw = RawServer.start().acceptingInvalidRequests();
  private final HoneyHiveTestServer server = raw.server();
  private final Http http = raw.http();

  @BeforeAll
  void storeThreeEvents() {
    store("search", "tool", 1000, Map.of("metadata", Map.of("cost", 0.002, "cached", true),
        "config", Map.of("tags", List.of("kb", "fast"))));
    store("gpt-4o", "model", 2000, Map.of("metadata", Map.of("cost", 0.01, "cached", false),
        "config", Map.of("model", "gpt-4o")));
    store("gpt-4o-mini", "model", 3000, Map.of("metadata", Map.of("cost", 0.0005),
        "config", Map.of("model", "gpt-4o-mini"), "error", "timeout"));
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("event_type", "is", "model", "string", List.of("gpt-4o-mini", "gpt-4o")),
        Arguments.of("event_type", "is not", "model", "string", List.of("search")),
        Arguments.of("event_name", "contains", "gpt", "string", List.of("gpt-4o-mini", "gpt-4o")),
        Arguments.of("event_name", "not contains", "mini", "string", List.of("gpt-4o", "search")),
        Arguments.of("config.tags", "contains", "kb", "string", List.of("search")),
        Arguments.of("config.model", "is", "gpt-4o", null, List.of("gpt-4o")),
        Arguments.of("metadata.cost", "greater than", "0.001", "number", List.of("gpt-4o", "search")),
        Arguments.of("metadata.cost", "less than", "0.001", "number", List.of("gpt-4o-mini")),
        Arguments.of("metadata.cost", "is", "0.0100", "number", List.of("gpt-4o")),
        Arguments.of("metadata.cached", "is", "true", "boolean", List.of("search")),
        Arguments.of("metadata.cached", "is not", "true", "boolean", List.of("gpt-4o-mini", "gpt-4o")),
        Arguments.of("error", "exists", null, null, List.of("gpt-4o-mini")),
        Arguments.of("error", "not exists", null, null, List.of("gpt-4o", "search")),
        Arguments.of("start_time", "after", "1970-01-01T00:00:01.500Z", "datetime", List.of("gpt-4o-mini", "gpt-4o")),
        Arguments.of("start_time", "before", "1970-01-01T00:00:01.500Z", "datetime", List.of("search")),
        Arguments.of("start_time", "greater than", "2000", "number", List.of("gpt-4o-mini")),
        Arguments.of("metadata.cost", "greater than", "not-a-number", "number", List.of()));
  }

  @ParameterizedTest(name = "{0} {1} {2} ({3})")
  @MethodSource("filters")
  void eachOperatorSelectsTheMatchingEventsNewestFirst(String field, String operator, String value, String type,
      List<String> expected) {
    Map<String, Object> filter = new HashMap<>();
    filter.put("field", field);
    filter.put("operator", operator);
    filter.put("value", value); // Required by HoneyHive, also for exists and not exists, which send null.
    if (type != null) {
      filter.put("type", type);
    }

    Http.Answer answer = http.post("/v1/events/search", Map.of("filters", List.of(filter)));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(names(answer.body())).containsExactlyElementsOf(expected);
    assertThat(answer.body().path("count").asLong()).isEqualTo(expected.size());
  }

  @Test
  void numberAndBooleanValuesMayBeSentAsJsonNumbersAndBooleans() {
    Http.Answer number = http.post("/v1/events/search", Map.of("filters", List.of(
        Map.of("field", "metadata.cost", "operator", "greater than", "value", 0.001, "type", "number"))));
    Http.Answer bool = http.post("/v1/events/search", Map.of("filters", List.of(
        Map.of("field", "metadata.cached", "operator", "is", "value", true, "type", "boolean"))));
    Http.Answer untyped = http.post("/v1/events/search", Map.of("filters", List.of(
        Map.of("field", "metadata.cost", "operator", "less than", "value", 0.001))));

    assertThat(names(number.body())).containsExactly("gpt-4o", "search");
    assertThat(names(bool.body())).containsExactly("search");
    assertThat(names(untyped.body())).containsExactly("gpt-4o-mini");
    assertThat(List.of(number.status(), bool.status(), untyped.status())).containsOnly(200);
  }

  @Test
  void aFilterWithoutAValueIsRejectedEvenForExists() {
    Http.Answer answer = http.post("/v1/events/search", Map.of("filters", List.of(
        Map.of("field", "error", "operator", "exists"))));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("value");
  }

  @Test
  void aDateRangeWithOneEndIsRejected() {
    Http.Answer answer = http.post("/v1/events/search", Map.of("dateRange",
        Map.of("start_time", "1970-01-01T00:00:01Z")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("end_time");
  }

  @Test
  void theDateRangeIncludesBothEnds() {
    Http.Answer answer = http.post("/v1/events/search", Map.of("dateRange",
        Map.of("start_time", "1970-01-01T00:00:01Z", "end_time", "1970-01-01T00:00:02Z")));

    assertThat(names(answer.body())).containsExactly("gpt-4o", "search");
  }

  @Test
  void pagesSliceTheSortedMatchesAndCountCountsThemAll() {
    Http.Answer second = http.post("/v1/events/search", Map.of("limit", 2, "page", 2));
    Http.Answer beyond = http.post("/v1/events/search", Map.of("limit", 2, "page", 3));

    assertThat(names(second.body())).containsExactly("search");
    assertThat(second.body().path("count").asLong()).isEqualTo(3);
    assertThat(names(beyond.body())).isEmpty();
  }

  @Test
  void aLimitAboveTheMaximumIsRejectedNamingIt() {
    Http.Answer answer = http.post("/v1/events/search", Map.of("limit", 1001));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).startsWith("limit: ");
  }

  @Test
  void theLegacyExportFiltersPagesAndProjects() {
    Http.Answer answer = http.post("/v1/events/export", Map.of(
        "filters", List.of(Map.of("field", "event_type", "operator", "is", "value", "model", "type", "string")),
        "dateRange", Map.of("$gte", "1970-01-01T00:00:00Z", "$lte", "1970-01-01T00:00:02Z"),
        "projections", List.of("event_name", "metadata")));

    assertThat(answer.body().path("count").asLong()).isEqualTo(1);
    JsonNode only = answer.body().path("events").get(0);
    List<String> fields = new ArrayList<>();
    only.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).as("only the projected fields").containsExactlyInAnyOrder("event_name", "metadata");
    assertThat(only.path("event_name").asText()).isEqualTo("gpt-4o");
    RecordedExchange exchange = server.exchanges().get(server.exchanges().size() - 1);
    assertThat(exchange.operationId()).isEqualTo("exportEventsLegacy");
    assertThat(exchange.requestErrors()).isEmpty();
    assertThat(exchange.responseErrors()).as("the projected events still conform").isEmpty();
  }

  private void store(String name, String type, long startTime, Map<String, Object> more) {
    Map<String, Object> event = new HashMap<>(more);
    event.put("event_type", type);
    event.put("event_name", name);
    event.put("inputs", Map.of());
    event.put("start_time", startTime);
    assertThat(http.post("/v1/events", event).status()).isEqualTo(200);
  }

  private static List<String> names(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.path("events").forEach(event -> names.add(event.path("event_name").asText()));
    return names;
  }
}
