package ai.honeyhive.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * One condition of a search or export: {@code {field, operator, value, type}}. The field may be nested with dots
 * ({@code metadata.cost}). Values are compared as the {@code type} says: {@code number} numerically,
 * {@code boolean} as booleans, {@code datetime} as instants (epoch milliseconds or ISO-8601 on either side),
 * {@code string} as text; without a type, as the stored value's own type.
 *
 * <p>Operators: {@code exists}, {@code not exists}; {@code is}, {@code is not}; {@code contains},
 * {@code not contains} (a substring of a text, or an element of an array); {@code greater than}, {@code less than};
 * {@code after}, {@code before}. A negated operator matches an event that lacks the field. A value that cannot be
 * read as the type matches nothing.
 *
 * @param field the event field, dotted for nested values
 * @param operator one of the operators above
 * @param value the value to compare with, as text; null for {@code exists}
 * @param type {@code string}, {@code number}, {@code boolean}, {@code datetime}, or null
 */
record SearchFilter(String field, String operator, String value, String type) {
  /** Reads one element of a request's {@code filters}. */
  static SearchFilter from(Map<String, Object> json) {
    return new SearchFilter(text(json.get("field")), text(json.get("operator")), text(json.get("value")),
        text(json.get("type")));
  }

  boolean matches(Map<String, Object> event) {
    Object actual = lookup(event, field);
    switch (operator) {
      case "exists":
        return actual != null;
      case "not exists":
        return actual == null;
      case "is":
        return actual != null && compare(actual) == 0;
      case "is not":
        return actual == null || compare(actual) != 0;
      case "contains":
        return contains(actual);
      case "not contains":
        return !contains(actual);
      case "greater than":
      case "after":
        return actual != null && compare(actual) > 0;
      case "less than":
      case "before": {
        int order = actual == null ? UNCOMPARABLE : compare(actual);
        return order != UNCOMPARABLE && order < 0;
      }
      default:
        return false;
    }
  }

  private static final int UNCOMPARABLE = Integer.MIN_VALUE;

  /** Compares the stored value with this filter's; {@link #UNCOMPARABLE} when either cannot be read as the type. */
  private int compare(Object actual) {
    if (value == null) {
      return UNCOMPARABLE;
    }
    String as = type != null ? type
        : operator.equals("after") || operator.equals("before") ? "datetime"
        : actual instanceof Number ? "number"
        : actual instanceof Boolean ? "boolean"
        : "string";
    switch (as) {
      case "number": {
        BigDecimal left = number(actual);
        BigDecimal right = number(value);
        return left == null || right == null ? UNCOMPARABLE : Integer.signum(left.compareTo(right));
      }
      case "boolean":
        return bool(actual) == null || bool(value) == null ? UNCOMPARABLE
            : bool(actual).equals(bool(value)) ? 0 : 1;
      case "datetime": {
        Instant left = instant(actual);
        Instant right = instant(value);
        return left == null || right == null ? UNCOMPARABLE : Integer.signum(left.compareTo(right));
      }
      default:
        return Integer.signum(String.valueOf(actual).compareTo(value));
    }
  }

  private boolean contains(Object actual) {
    if (actual == null || value == null) {
      return false;
    }
    List<Object> array = Json.array(actual);
    if (array != null) {
      return array.stream().anyMatch(element -> String.valueOf(element).equals(value));
    }
    return String.valueOf(actual).contains(value);
  }

  /** Follows a dotted path through nested objects; null when any step is missing. */
  static Object lookup(Map<String, Object> event, String path) {
    if (path == null) {
      return null;
    }
    if (event.containsKey(path)) {
      return event.get(path);
    }
    Object current = event;
    for (String step : path.split("\\.")) {
      Map<String, Object> object = Json.object(current);
      if (object == null) {
        return null;
      }
      current = object.get(step);
    }
    return current;
  }

  private static BigDecimal number(Object value) {
    try {
      return new BigDecimal(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(Object value) {
    String text = String.valueOf(value).strip();
    return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  /** Reads an instant from epoch milliseconds (a number or digits) or an ISO-8601 date-time. */
  static Instant instant(Object value) {
    if (value instanceof Number) {
      return Instant.ofEpochMilli(((Number) value).longValue());
    }
    String text = String.valueOf(value).strip();
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  @Override
  public String toString() {
    return field + " " + operator + (value != null ? " " + value : "") + (type != null ? " (" + type + ")" : "");
  }
}
