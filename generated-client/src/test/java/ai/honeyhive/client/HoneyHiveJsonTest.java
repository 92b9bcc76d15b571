package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.DateRange;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventBatchRequest;
import ai.honeyhive.client.model.EventFilter;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SessionStartResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link HoneyHiveJson#moshi()} reads and writes the wire format. */
class HoneyHiveJsonTest {

  private static <T> T decode(String json, Class<T> type) throws IOException {
    return HoneyHiveJson.moshi().adapter(type).fromJson(json);
  }

  /** What Moshi writes, as a tree: member order does not matter, but a written null or empty list would. */
  private static JsonNode writtenTree(Object value) {
    return TestJson.parse(TestJson.encode(value));
  }

  private static Object freeFormValue(String jsonNumber) throws IOException {
    return decode("{\"event_type\":\"model\",\"inputs\":{\"n\":" + jsonNumber + "}}", Event.class).getInputs().get("n");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Numbers in free-form maps

  @Test
  void integralNumberInAFreeFormMapDecodesToInteger() throws IOException {
    assertThat(freeFormValue("42")).isInstanceOf(Integer.class).isEqualTo(42);
  }

  @Test
  void integralNumberBeyondDoublePrecisionKeepsEveryDigitAsLong() throws IOException {
    assertThat(freeFormValue("9007199254740993")).isInstanceOf(Long.class).isEqualTo(9007199254740993L);
  }

  @Test
  void integralNumberBeyondLongKeepsEveryDigitAsBigInteger() throws IOException {
    assertThat(freeFormValue("123456789012345678901234567890"))
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void bigNumbersAreWrittenExactlyAndADecodedEventWritesBackTheSameDigits() throws IOException {
    String json = "{\"event_type\":\"model\",\"inputs\":{\"n\":123456789012345678901234567890}}";
    Event event = decode(json, Event.class);
    event.getInputs().put("price", new java.math.BigDecimal("0.10000000000000000001"));

    String written = HoneyHiveJson.moshi().adapter(Event.class).toJson(event);

    assertThat(written).contains("\"n\":123456789012345678901234567890")
        .contains("\"price\":0.10000000000000000001");
  }

  @Test
  void numberWithAFractionDecodesToDouble() throws IOException {
    assertThat(freeFormValue("1.5")).isInstanceOf(Double.class).isEqualTo(1.5);
  }

  @Test
  void numbersInAFreeFormMapAreWrittenBackWithTheirDigits() throws IOException {
    String json = "{\"event_type\":\"model\",\"inputs\":{\"big\":123456789012345678901234567890,"
        + "\"count\":42,\"cost\":0.00141,\"id\":9007199254740993}}";

    assertThat(writtenTree(decode(json, Event.class))).isEqualTo(TestJson.parse(json));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Enums

  @Test
  void unknownEventTypeDecodesToTheFallbackConstant() throws IOException {
    Event event = decode("{\"event_type\":\"agent\",\"inputs\":{}}", Event.class);

    assertThat(event.getEventType()).isEqualTo(EventType.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void enumIsWrittenAsItsWireValue() {
    EventFilter filter = new EventFilter().field("metadata.cost").operator(FilterOperator.GREATER_THAN).value("0.001");

    assertThat(writtenTree(filter))
        .isEqualTo(TestJson.parse("{\"field\":\"metadata.cost\",\"operator\":\"greater than\",\"value\":\"0.001\"}"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // UUIDs and date-times

  @Test
  void malformedUuidFailsWithAMessageNamingTheValueAndThePath() {
    assertThatThrownBy(() -> decode("{\"event_type\":\"model\",\"inputs\":{},\"event_id\":\"not-a-uuid\"}", Event.class))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("not-a-uuid")
        .hasMessageContaining("$.event_id");
  }

  @Test
  void offsetDateTimeRoundTripsWithItsOffsetAndFraction() throws IOException {
    String json = "{\"start_time\":\"2024-11-21T08:00:00.123+02:00\"}";

    DateRange range = decode(json, DateRange.class);

    assertThat(range.getStartTime()).isEqualTo(OffsetDateTime.of(2024, 11, 21, 8, 0, 0, 123_000_000, ZoneOffset.ofHours(2)));
    assertThat(writtenTree(range)).isEqualTo(TestJson.parse(json));
  }

  @Test
  void malformedDateTimeFailsWithAMessageNamingTheValueAndThePath() {
    assertThatThrownBy(() -> decode("{\"dateRange\":{\"start_time\":\"yesterday\"}}", SearchEventsRequest.class))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("yesterday")
        .hasMessageContaining("$.dateRange.start_time");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What is written

  @Test
  void unsetFieldsAreNotWritten() {
    Event event = new Event().eventType(EventType.TOOL).inputs(Map.of("query", "reset key"));

    assertThat(writtenTree(event)).isEqualTo(TestJson.parse("{\"event_type\":\"tool\",\"inputs\":{\"query\":\"reset key\"}}"));
  }

  @Test
  void emptyModelsAreWrittenAsEmptyObjectsWithoutNullsOrEmptyContainers() {
    assertThat(TestJson.encode(new SearchEventsRequest())).isEqualTo("{}");
    assertThat(TestJson.encode(new EventBatchRequest())).isEqualTo("{}");
  }

  @Test
  void unknownResponseFieldsAreIgnored() throws IOException {
    SessionStartResponse response = decode("{\"event_id\":\"9bf47942-7e51-4e22-ac5a-16533163f6f5\","
        + "\"session_id\":\"9bf47942-7e51-4e22-ac5a-16533163f6f5\",\"added_by_a_newer_server\":{\"x\":1}}",
        SessionStartResponse.class);

    assertThat(response.getSessionId()).hasToString("9bf47942-7e51-4e22-ac5a-16533163f6f5");
  }
}
