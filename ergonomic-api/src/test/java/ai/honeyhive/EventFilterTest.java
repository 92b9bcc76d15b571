package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private static ai.honeyhive.client.model.EventFilter wire(
      String field, FilterOperator operator, Object value, FilterValueType type) {
    return new ai.honeyhive.client.model.EventFilter().field(field).operator(operator).value(value).type(type);
  }

  @Test
  void isWithAStringSendsTypeString() {
    assertThat(EventFilter.field("event_type").is("model").toWire())
        .isEqualTo(wire("event_type", FilterOperator.IS, "model", FilterValueType.STRING));
  }

  @Test
  void isWithANumberSendsTypeNumber() {
    assertThat(EventFilter.field("metadata.prompt_tokens").is(35).toWire())
        .isEqualTo(wire("metadata.prompt_tokens", FilterOperator.IS, 35L, FilterValueType.NUMBER));
  }

  @Test
  void isWithABooleanSendsTypeBoolean() {
    assertThat(EventFilter.field("metadata.cached").is(true).toWire())
        .isEqualTo(wire("metadata.cached", FilterOperator.IS, true, FilterValueType.BOOLEAN));
  }

  @Test
  void isNotWithAStringSendsTypeString() {
    assertThat(EventFilter.field("source").isNot("test").toWire())
        .isEqualTo(wire("source", FilterOperator.IS_NOT, "test", FilterValueType.STRING));
  }

  @Test
  void isNotWithANumberSendsTypeNumber() {
    assertThat(EventFilter.field("feedback.rating").isNot(1).toWire())
        .isEqualTo(wire("feedback.rating", FilterOperator.IS_NOT, 1L, FilterValueType.NUMBER));
  }

  @Test
  void isNotWithABooleanSendsTypeBoolean() {
    assertThat(EventFilter.field("metadata.cached").isNot(false).toWire())
        .isEqualTo(wire("metadata.cached", FilterOperator.IS_NOT, false, FilterValueType.BOOLEAN));
  }

  @Test
  void containsSendsTypeString() {
    assertThat(EventFilter.field("config.model").contains("gpt").toWire())
        .isEqualTo(wire("config.model", FilterOperator.CONTAINS, "gpt", FilterValueType.STRING));
  }

  @Test
  void notContainsSendsTypeString() {
    assertThat(EventFilter.field("config.model").notContains("mini").toWire())
        .isEqualTo(wire("config.model", FilterOperator.NOT_CONTAINS, "mini", FilterValueType.STRING));
  }

  @Test
  void greaterThanSendsTypeNumber() {
    assertThat(EventFilter.field("metadata.cost").greaterThan(0.01).toWire())
        .isEqualTo(wire("metadata.cost", FilterOperator.GREATER_THAN, new BigDecimal("0.01"), FilterValueType.NUMBER));
  }

  @Test
  void lessThanSendsTypeNumber() {
    assertThat(EventFilter.field("duration").lessThan(1500L).toWire())
        .isEqualTo(wire("duration", FilterOperator.LESS_THAN, 1500L, FilterValueType.NUMBER));
  }

  @Test
  void afterSendsTypeDatetimeAsIso8601() {
    assertThat(EventFilter.field("start_time").after(Instant.parse("2026-01-01T00:00:00Z")).toWire())
        .isEqualTo(wire("start_time", FilterOperator.AFTER, "2026-01-01T00:00:00Z", FilterValueType.DATETIME));
  }

  @Test
  void beforeSendsTypeDatetimeAsIso8601() {
    assertThat(EventFilter.field("start_time").before(Instant.parse("2026-01-01T12:30:00.5Z")).toWire())
        .isEqualTo(wire("start_time", FilterOperator.BEFORE, "2026-01-01T12:30:00.500Z", FilterValueType.DATETIME));
  }

  @Test
  void existsSendsANullValueAndNoType() {
    assertThat(EventFilter.field("feedback.rating").exists().toWire())
        .isEqualTo(wire("feedback.rating", FilterOperator.EXISTS, null, null));
  }

  @Test
  void notExistsSendsANullValueAndNoType() {
    assertThat(EventFilter.field("error").notExists().toWire())
        .isEqualTo(wire("error", FilterOperator.NOT_EXISTS, null, null));
  }

  @Test
  void sendsADoubleAsTheDecimalItPrintsAs() {
    assertThat(sentValue(EventFilter.field("metadata.cost").greaterThan(0.00001))).isEqualTo("0.00001");
    assertThat(sentValue(EventFilter.field("metadata.cost").greaterThan(0.1f))).isEqualTo("0.1");
  }

  @Test
  void sendsAnIntegralDoubleAsAWholeNumber() {
    assertThat(sentValue(EventFilter.field("metadata.cost").is(42.0))).isEqualTo("42");
  }

  @Test
  void sendsABigDecimalWithoutAnExponent() {
    assertThat(sentValue(EventFilter.field("metadata.cost").lessThan(new BigDecimal("1E+3")))).isEqualTo("1000");
    assertThat(sentValue(EventFilter.field("metadata.n").lessThan(new BigDecimal("1E+25"))))
        .isEqualTo("10000000000000000000000000");
  }

  @Test
  void sendsNumbersAndBooleansAsJsonNumbersAndBooleansNotAsStrings() {
    assertThat(sent(EventFilter.field("metadata.prompt_tokens").is(35)))
        .containsOnly(entry("field", "metadata.prompt_tokens"), entry("operator", "is"), entry("value", 35),
            entry("type", "number"));
    assertThat(sent(EventFilter.field("metadata.cached").is(true)))
        .containsOnly(entry("field", "metadata.cached"), entry("operator", "is"), entry("value", true),
            entry("type", "boolean"));
  }

  @Test
  void existsAndNotExistsSendValueNullAsHoneyHiveRequires() {
    assertThat(sent(EventFilter.field("feedback.rating").exists()))
        .containsOnly(entry("field", "feedback.rating"), entry("operator", "exists"), entry("value", null));
    assertThat(sent(EventFilter.field("error").notExists()))
        .containsOnly(entry("field", "error"), entry("operator", "not exists"), entry("value", null));
  }

  /** The JSON the client sends for {@code filter}. */
  private static String json(EventFilter filter) {
    return ai.honeyhive.client.HoneyHiveJson.moshi().adapter(ai.honeyhive.client.model.EventFilter.class)
        .toJson(filter.toWire());
  }

  /** The filter as a server reads it: a map of what was sent, with integral numbers integral. */
  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> sent(EventFilter filter) {
    try {
      return (java.util.Map<String, Object>) ai.honeyhive.client.HoneyHiveJson.moshi().adapter(Object.class)
          .fromJson(json(filter));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The text of the {@code value} member as sent, such as {@code 0.00001}. */
  private static String sentValue(EventFilter filter) {
    java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"value\":([^,}]*)").matcher(json(filter));
    assertThat(value.find()).as("a value member in %s", json(filter)).isTrue();
    return value.group(1);
  }

  @Test
  void rejectsANullFieldName() {
    assertThatThrownBy(() -> EventFilter.field(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("field == null");
  }

  @Test
  void rejectsABlankFieldName() {
    assertThatThrownBy(() -> EventFilter.field("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("field must not be blank");
  }

  @Test
  void rejectsANullStringValue() {
    assertThatThrownBy(() -> EventFilter.field("source").is((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void rejectsANullNumberValue() {
    assertThatThrownBy(() -> EventFilter.field("metadata.cost").greaterThan(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void rejectsANullInstant() {
    assertThatThrownBy(() -> EventFilter.field("start_time").after(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void rejectsNaN() {
    assertThatThrownBy(() -> EventFilter.field("metadata.cost").lessThan(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be a finite number, but was NaN");
  }

  @Test
  void rejectsInfinity() {
    assertThatThrownBy(() -> EventFilter.field("metadata.cost").is(Float.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value must be a finite number");
  }

  @Test
  void filtersWithTheSameConditionAreEqual() {
    assertThat(EventFilter.field("config.model").is("gpt-4o"))
        .isEqualTo(EventFilter.field("config.model").is("gpt-4o"))
        .hasSameHashCodeAs(EventFilter.field("config.model").is("gpt-4o"));
  }

  @Test
  void aStringAndANumberWithTheSameTextAreDifferentConditions() {
    assertThat(EventFilter.field("metadata.n").is("42")).isNotEqualTo(EventFilter.field("metadata.n").is(42));
  }

  @Test
  void toStringReadsAsTheCondition() {
    assertThat(EventFilter.field("metadata.cost").greaterThan(0.01))
        .hasToString("metadata.cost greater than 0.01 (number)");
  }

  @Test
  void toStringQuotesStrings() {
    assertThat(EventFilter.field("event_type").is("model")).hasToString("event_type is 'model' (string)");
  }

  @Test
  void toStringOfExistsHasNoValue() {
    assertThat(EventFilter.field("error").exists()).hasToString("error exists");
  }

  @Test
  void eachToWireCallReturnsAFreshObject() {
    EventFilter filter = EventFilter.field("source").is("production");
    filter.toWire().value("changed");

    assertThat(filter.toWire().getValue()).isEqualTo("production");
  }
}
