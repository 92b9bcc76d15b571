package ai.honeyhive;

import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One condition of an event search, such as "{@code metadata.cost} is greater than 0.01". Start with
 * {@link #field(String)} and pick an operator:
 *
 * <pre>{@code
 * EventFilter.field("event_type").is("model");
 * EventFilter.field("config.model").contains("gpt");
 * EventFilter.field("metadata.cost").greaterThan(0.01);
 * EventFilter.field("feedback.rating").exists();
 * EventFilter.field("start_time").after(Instant.parse("2026-01-01T00:00:00Z"));
 * }</pre>
 *
 * <p>HoneyHive compares values by type: the type sent with the condition ({@code string}, {@code number},
 * {@code boolean} or {@code datetime}) is inferred from the Java type of the value, so {@code is("42")} and
 * {@code is(42)} are different conditions. Numbers and booleans are sent as JSON numbers and booleans, strings and
 * date-times as JSON strings (date-times in ISO-8601, UTC, such as {@code 2026-01-01T00:00:00Z}), and
 * {@link Field#exists()} / {@link Field#notExists()} as {@code "value": null}, as HoneyHive's spec requires.
 *
 * <p>Instances are immutable and safe to share and reuse between searches.
 */
public final class EventFilter {
  private final String field;
  private final FilterOperator operator;
  /** What is sent as {@code value}: a String, a Number, a Boolean, or null for exists / not exists. */
  private final Object value;
  private final FilterValueType valueType;

  private EventFilter(String field, FilterOperator operator, Object value, FilterValueType valueType) {
    this.field = field;
    this.operator = operator;
    this.value = value;
    this.valueType = valueType;
  }

  /**
   * Starts a condition on {@code field}. Nested fields use dots, such as {@code "metadata.cost"},
   * {@code "config.model"} or {@code "feedback.rating"}; top-level fields use their wire names, such as
   * {@code "event_type"}, {@code "event_name"}, {@code "source"} or {@code "session_id"}. The name is not checked
   * against a schema: a field no event has simply matches nothing (or everything, with {@link Field#notExists()}).
   *
   * @param field the field to test
   * @return the field, on which to choose an operator
   * @throws NullPointerException if {@code field} is null
   * @throws IllegalArgumentException if {@code field} is empty or only white space
   */
  public static Field field(String field) {
    if (field == null) {
      throw new NullPointerException("field == null");
    }
    if (field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank, but was '" + field + "'");
    }
    return new Field(field);
  }

  /** The field a condition tests; choose the operator with one of its methods. Immutable. */
  public static final class Field {
    private final String name;

    private Field(String name) {
      this.name = name;
    }

    /**
     * Matches events whose field equals {@code value} as a string.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null; use {@link #notExists()} to find absent fields
     */
    public EventFilter is(String value) {
      return compare(FilterOperator.IS, string(value));
    }

    /**
     * Matches events whose field equals {@code value} as a number.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public EventFilter is(Number value) {
      return compare(FilterOperator.IS, number(value));
    }

    /**
     * Matches events whose field equals {@code value} as a boolean.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     */
    public EventFilter is(boolean value) {
      return compare(FilterOperator.IS, bool(value));
    }

    /**
     * Matches events whose field is not equal to {@code value} as a string.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null; use {@link #exists()} to find present fields
     */
    public EventFilter isNot(String value) {
      return compare(FilterOperator.IS_NOT, string(value));
    }

    /**
     * Matches events whose field is not equal to {@code value} as a number.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public EventFilter isNot(Number value) {
      return compare(FilterOperator.IS_NOT, number(value));
    }

    /**
     * Matches events whose field is not equal to {@code value} as a boolean.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     */
    public EventFilter isNot(boolean value) {
      return compare(FilterOperator.IS_NOT, bool(value));
    }

    /**
     * Matches events whose field, a string, contains {@code value}.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     */
    public EventFilter contains(String value) {
      return compare(FilterOperator.CONTAINS, string(value));
    }

    /**
     * Matches events whose field, a string, does not contain {@code value}.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     */
    public EventFilter notContains(String value) {
      return compare(FilterOperator.NOT_CONTAINS, string(value));
    }

    /**
     * Matches events whose field is greater than {@code value}.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public EventFilter greaterThan(Number value) {
      return compare(FilterOperator.GREATER_THAN, number(value));
    }

    /**
     * Matches events whose field is less than {@code value}.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public EventFilter lessThan(Number value) {
      return compare(FilterOperator.LESS_THAN, number(value));
    }

    /**
     * Matches events whose field, a date-time, is after {@code value}.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     */
    public EventFilter after(Instant value) {
      return compare(FilterOperator.AFTER, dateTime(value));
    }

    /**
     * Matches events whose field, a date-time, is before {@code value}.
     *
     * @param value the value to compare the field with
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     * @throws NullPointerException if {@code value} is null
     */
    public EventFilter before(Instant value) {
      return compare(FilterOperator.BEFORE, dateTime(value));
    }

    /**
     * Matches events that have the field, whatever its value.
     *
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     */
    public EventFilter exists() {
      return new EventFilter(name, FilterOperator.EXISTS, null, null);
    }

    /**
     * Matches events that do not have the field.
     *
     * @return the condition, to pass to {@link EventSearch#filter(EventFilter)}
     */
    public EventFilter notExists() {
      return new EventFilter(name, FilterOperator.NOT_EXISTS, null, null);
    }

    /** Returns the field's name, as in {@code field("metadata.cost")}. */
    @Override
    public String toString() {
      return name;
    }

    private EventFilter compare(FilterOperator operator, Typed typed) {
      return new EventFilter(name, operator, typed.value, typed.type);
    }
  }

  /** Returns the wire form of this condition, a new mutable object each call. */
  ai.honeyhive.client.model.EventFilter toWire() {
    return new ai.honeyhive.client.model.EventFilter().field(field).operator(operator).value(value).type(valueType);
  }

  /** Returns true when {@code o} is an {@code EventFilter} with the same field, operator, value and value type. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EventFilter)) {
      return false;
    }
    EventFilter other = (EventFilter) o;
    return field.equals(other.field)
        && operator == other.operator
        && Objects.equals(value, other.value)
        && valueType == other.valueType;
  }

  /** Returns a hash code consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(field, operator, value, valueType);
  }

  /**
   * Returns the condition as text, such as {@code metadata.cost greater than 0.01 (number)}; the format may change
   * between versions.
   */
  @Override
  public String toString() {
    if (value == null) {
      return field + " " + operator.getValue();
    }
    Object shown = valueType == FilterValueType.STRING ? "'" + value + "'" : value;
    return field + " " + operator.getValue() + " " + shown + " (" + valueType.getValue() + ")";
  }

  /** A value as the API wants it: the JSON value plus its type. */
  private static final class Typed {
    final Object value;
    final FilterValueType type;

    Typed(Object value, FilterValueType type) {
      this.value = value;
      this.type = type;
    }
  }

  private static Typed string(String value) {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    return new Typed(value, FilterValueType.STRING);
  }

  private static Typed number(Number value) {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return new Typed(value.longValue(), FilterValueType.NUMBER);
    }
    if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
      throw new IllegalArgumentException("value must be a finite number, but was " + value);
    }
    // The decimal a person would write (0.1f is 0.1, not 0.10000000149011612), read exactly from the value's text.
    BigDecimal decimal = value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
    decimal = decimal.stripTrailingZeros();
    if (decimal.scale() > 0) {
      return new Typed(decimal, FilterValueType.NUMBER);
    }
    BigInteger whole = decimal.toBigIntegerExact(); // 42.0 is sent as 42, not 42.0 or 4.2E+1.
    return new Typed(whole.bitLength() < Long.SIZE ? (Object) whole.longValue() : whole, FilterValueType.NUMBER);
  }

  private static Typed bool(boolean value) {
    return new Typed(value, FilterValueType.BOOLEAN);
  }

  private static Typed dateTime(Instant value) {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    return new Typed(value.toString(), FilterValueType.DATETIME);
  }
}
