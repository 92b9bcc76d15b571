package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private static ai.honeyhive.client.model.EventFilter wire(
      String field, FilterOperator operator, String value, FilterValueType type) {
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
        .isEqualTo(wire("metadata.prompt_tokens", FilterOperator.IS, "35", FilterValueType.NUMBER));
  }

  @Test
  void isWithABooleanSendsTypeBoolean() {
    assertThat(EventFilter.field("metadata.cached").is(true).toWire())
        .isEqualTo(wire("metadata.cached", FilterOperator.IS, "true", FilterValueType.BOOLEAN));
  }

  @Test
  void isNotWithAStringSendsTypeString() {
    assertThat(EventFilter.field("source").isNot("test").toWire())
        .isEqualTo(wire("source", FilterOperator.IS_NOT, "test", FilterValueType.STRING));
  }

  @Test
  void isNotWithANumberSendsTypeNumber() {
    assertThat(EventFilter.field("feedback.rating").isNot(1).toWire())
        .isEqualTo(wire("feedback.rating", FilterOperator.IS_NOT, "1", FilterValueType.NUMBER));
  }

  @Test
  void isNotWithABooleanSendsTypeBoolean() {
    assertThat(EventFilter.field("metadata.cached").isNot(false).toWire())
        .isEqualTo(wire("metadata.cached", FilterOperator.IS_NOT, "false", FilterValueType.BOOLEAN));
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
        .isEqualTo(wire("metadata.cost", FilterOperator.GREATER_THAN, "0.01", FilterValueType.NUMBER));
  }

  @Test
  void lessThanSendsTypeNumber() {
    assertThat(EventFilter.field("duration").lessThan(1500L).toWire())
        .isEqualTo(wire("duration", FilterOperator.LESS_THAN, "1500", FilterValueType.NUMBER));
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
  void existsSendsNoValueAndNoType() {
    assertThat(EventFilter.field("feedback.rating").exists().toWire())
        .isEqualTo(wire("feedback.rating", FilterOperator.EXISTS, null, null));
  }

  @Test
  void notExistsSendsNoValueAndNoType() {
    assertThat(EventFilter.field("error").notExists().toWire())
        .isEqualTo(wire("error", FilterOperator.NOT_EXISTS, null, null));
  }

  @Test
  void writesSmallDoublesInPlainNotation() {
    assertThat(EventFilter.field("metadata.cost").greaterThan(0.00001).toWire().getValue()).isEqualTo("0.00001");
  }

  @Test
  void writesIntegralDoublesWithoutAFraction() {
    assertThat(EventFilter.field("metadata.cost").is(42.0).toWire().getValue()).isEqualTo("42");
  }

  @Test
  void writesBigDecimalsInPlainNotation() {
    assertThat(EventFilter.field("metadata.cost").lessThan(new BigDecimal("1E+3")).toWire().getValue())
        .isEqualTo("1000");
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
