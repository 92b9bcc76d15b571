package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.DateRange;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventBatchRequest;
import ai.honeyhive.client.model.EventFilter;
import ai.honeyhive.client.model.EventRecord;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.ExportEventsRequest;
import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import ai.honeyhive.client.model.SearchEventsRequest;
import ai.honeyhive.client.model.SearchEventsResponse;
import ai.honeyhive.client.model.SessionStartResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
  // Ids: plain strings on the wire, whatever made them

  @Test
  void anIdThatIsNotAUuidIsReadAsSent() throws IOException {
    EventRecord event = decode("{\"event_id\":\"otel-4bf92f3577b34da6\",\"parent_id\":\"\"}", EventRecord.class);

    assertThat(event.getEventId()).isEqualTo("otel-4bf92f3577b34da6");
    assertThat(event.getParentId()).isEmpty();
  }

  @Test
  void anIdIsWrittenAsTheStringItIs() {
    Event event = new Event().eventId("otel-4bf92f3577b34da6").childrenIds(List.of("9BF47942-7E51-4E22-AC5A-16533163F6F5"));

    assertThat(writtenTree(event)).isEqualTo(TestJson.parse(
        "{\"event_id\":\"otel-4bf92f3577b34da6\",\"children_ids\":[\"9BF47942-7E51-4E22-AC5A-16533163F6F5\"]}"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Times, durations and counts: plain JSON numbers, held as java.lang.Number

  @Test
  void anIntegralTimeDecodesToLongAndASmallCountToInteger() throws IOException {
    SearchEventsResponse page = decode("{\"events\":[{\"start_time\":1732176000000}],\"count\":3}",
        SearchEventsResponse.class);

    assertThat(page.getEvents().get(0).getStartTime()).isInstanceOf(Long.class).isEqualTo(1732176000000L);
    assertThat(page.getCount()).isInstanceOf(Integer.class).isEqualTo(3);
  }

  @Test
  void aFractionalTimeDecodesToTheDoubleOfItsDigits() throws IOException {
    EventRecord event = decode("{\"start_time\":1796522827968.0,\"end_time\":1796522827968.25,"
        + "\"duration\":15055534.97}", EventRecord.class);

    assertThat(event.getStartTime()).isInstanceOf(Double.class).isEqualTo(1796522827968.0);
    assertThat(event.getEndTime()).isEqualTo(1796522827968.25);
    assertThat(event.getDuration()).isEqualTo(15055534.97);
  }

  @Test
  void aTimeSentAsAStringFailsNamingTheFieldsPath() {
    assertThatThrownBy(() -> decode("{\"events\":[{\"start_time\":\"1732176000000\"}],\"count\":1}",
        SearchEventsResponse.class))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a number but was STRING at path $.events[0].start_time");
  }

  @Test
  void aCountSentAsABooleanFailsNamingThePath() {
    assertThatThrownBy(() -> decode("{\"events\":[],\"count\":true}", SearchEventsResponse.class))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a number but was BOOLEAN at path $.count");
  }

  @Test
  void aNullTimeIsLeftUnset() throws IOException {
    assertThat(decode("{\"event_id\":\"e-1\",\"start_time\":null}", EventRecord.class).getStartTime()).isNull();
  }

  @Test
  void aLongTimeIsWrittenAsAnIntegerByTheFlatWriter() {
    Event event = new Event().startTime(1732176000000L).endTime(1732176000412L).duration(412);

    assertThat(HoneyHiveJson.moshi().adapter(Event.class).toJson(event))
        .isEqualTo("{\"duration\":412,\"end_time\":1732176000412,\"start_time\":1732176000000}");
  }

  @Test
  void aLongTimeIsWrittenAsAnIntegerByMoshisWriter() {
    Event event = new Event().startTime(1732176000000L).endTime(1732176000412L).duration(412);

    assertThat(HoneyHiveJson.configure(new Moshi.Builder(), false).build().adapter(Event.class).toJson(event))
        .isEqualTo("{\"duration\":412,\"end_time\":1732176000412,\"start_time\":1732176000000}");
  }

  @Test
  void anIntegralLimitIsWrittenAsAnIntegerInAModelWithNestedModels() {
    ExportEventsRequest request = new ExportEventsRequest().limit(7500).page(1L);

    assertThat(TestJson.encode(request)).isEqualTo("{\"limit\":7500,\"page\":1}");
  }

  @Test
  void aDecodedFractionalTimeIsWrittenBackWithItsValue() throws IOException {
    String json = "{\"event_id\":\"e-1\",\"start_time\":1796522827968.25,\"duration\":15055534.97}";

    assertThat(TestJson.comparable(writtenTree(decode(json, EventRecord.class))))
        .isEqualTo(TestJson.comparable(TestJson.parse(json)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Filter values: required, so a null one is written

  @Test
  void aFilterWithoutAValueWritesValueNullAndLeavesANullTypeOut() {
    EventFilter filter = new EventFilter().field("metadata.cost").operator(FilterOperator.EXISTS);

    assertThat(TestJson.encode(filter)).isEqualTo("{\"field\":\"metadata.cost\",\"operator\":\"exists\",\"value\":null}");
  }

  @Test
  void aFilterWithoutAValueInsideASearchRequestWritesValueNull() {
    SearchEventsRequest request = new SearchEventsRequest()
        .filters(List.of(new EventFilter().field("error").operator(FilterOperator.NOT_EXISTS)));

    assertThat(writtenTree(request)).isEqualTo(TestJson.parse(
        "{\"filters\":[{\"field\":\"error\",\"operator\":\"not exists\",\"value\":null}]}"));
  }

  @Test
  void aSerializeNullsWriterStillLeavesANullFilterTypeOut() {
    EventFilter filter = new EventFilter().field("error").operator(FilterOperator.EXISTS);

    assertThat(HoneyHiveJson.moshi().adapter(EventFilter.class).serializeNulls().toJson(filter))
        .isEqualTo("{\"field\":\"error\",\"operator\":\"exists\",\"value\":null}");
  }

  static Stream<Arguments> filterValuesOfEachKind() {
    return Stream.of(
        Arguments.of("gpt-4o", "\"gpt-4o\""),
        Arguments.of(1732176000000L, "1732176000000"),
        Arguments.of(0.001, "0.001"),
        Arguments.of(true, "true"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("filterValuesOfEachKind")
  void aFilterValueIsWrittenAsTheKindOfValueItIs(Object value, String written) {
    EventFilter filter = new EventFilter().field("metadata.x").operator(FilterOperator.IS).value(value)
        .type(FilterValueType.STRING);

    assertThat(TestJson.encode(filter))
        .isEqualTo("{\"field\":\"metadata.x\",\"operator\":\"is\",\"type\":\"string\",\"value\":" + written + "}");
  }

  @Test
  void aFilterReadBackKeepsItsValueKind() throws IOException {
    EventFilter filter = decode("{\"field\":\"metrics.score\",\"operator\":\"greater than\",\"value\":0.5,"
        + "\"type\":\"number\"}", EventFilter.class);

    assertThat(filter.getValue()).isEqualTo(0.5);
    assertThat(filter.getType()).isEqualTo(FilterValueType.NUMBER);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Date-times

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
