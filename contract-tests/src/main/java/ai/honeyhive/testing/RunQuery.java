package ai.honeyhive.testing;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Reads the query parameters of the experiment routes. A value that cannot be read throws
 * {@link IllegalArgumentException} with a message naming the parameter, which the routes answer as 400.
 */
final class RunQuery {
  private final HttpUrl url;

  RunQuery(IncomingRequest request) {
    this.url = request.recorded.getUrl();
  }

  /** The parameter's value, or null when absent or blank. */
  String text(String name) {
    String value = url.queryParameter(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** The parameter as an integer, or {@code fallback} when absent (its bounds are checked by the validator). */
  int integer(String name, int fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": must be an integer, was '" + value + "'");
    }
  }

  /** Every value of an array parameter: {@code name[]=a&name[]=b}, also accepting plain {@code name=a}. */
  List<String> list(String name) {
    List<String> values = new ArrayList<>(url.queryParameterValues(name + "[]"));
    values.addAll(url.queryParameterValues(name));
    values.removeIf(value -> value == null || value.isBlank());
    return values;
  }

  /**
   * The {@code dateRange} window, {@code [from, to]} (either may be null for an open end), read from the JSON of
   * {@code {"$gte": ..., "$lte": ...}} with ISO-8601 strings or epoch milliseconds; null when absent.
   */
  Instant[] window() {
    String value = text("dateRange");
    if (value == null) {
      return null;
    }
    Map<String, Object> range;
    try {
      range = Json.object(Json.parse(value));
    } catch (IllegalArgumentException e) {
      range = null;
    }
    if (range == null) {
      throw new IllegalArgumentException(
          "dateRange: must be the JSON of {\"$gte\": ..., \"$lte\": ...}, was '" + value + "'");
    }
    return new Instant[] {instant(range.get("$gte"), "dateRange.$gte"), instant(range.get("$lte"), "dateRange.$lte")};
  }

  /** Whether {@code millis} lies in {@code window} (null: no window). */
  static boolean inWindow(Instant[] window, Object millis) {
    if (window == null) {
      return true;
    }
    if (!(millis instanceof Number number)) {
      return false;
    }
    Instant at = Instant.ofEpochMilli(number.longValue());
    return (window[0] == null || !at.isBefore(window[0])) && (window[1] == null || !at.isAfter(window[1]));
  }

  /** The {@code filters} parameter: the JSON of an array of {@code {field, operator, value, type}}; empty when absent. */
  List<SearchFilter> filters() {
    String value = text("filters");
    List<SearchFilter> filters = new ArrayList<>();
    if (value == null) {
      return filters;
    }
    List<Object> array;
    try {
      Object parsed = Json.parse(value);
      array = parsed instanceof Map ? List.of(parsed) : Json.array(parsed);
    } catch (IllegalArgumentException e) {
      array = null;
    }
    if (array == null) {
      throw new IllegalArgumentException("filters: must be the JSON of an array of {field, operator, value}, was '"
          + value + "'");
    }
    for (int i = 0; i < array.size(); i++) {
      filters.add(filter(Json.object(array.get(i)), "filters[" + i + "]"));
    }
    return filters;
  }

  /**
   * The {@code filter} parameter of the event pairs: one {@code {field, operator, value, type}}, or an object of
   * dotted field names and the values they must equal; empty when absent.
   */
  List<SearchFilter> pairFilter() {
    String value = text("filter");
    List<SearchFilter> filters = new ArrayList<>();
    if (value == null) {
      return filters;
    }
    Map<String, Object> object;
    try {
      object = Json.object(Json.parse(value));
    } catch (IllegalArgumentException e) {
      object = null;
    }
    if (object == null) {
      throw new IllegalArgumentException("filter: must be the JSON of an object, was '" + value + "'");
    }
    if (object.containsKey("field") && object.containsKey("operator")) {
      filters.add(filter(object, "filter"));
    } else {
      object.forEach((field, expected) -> filters.add(
          new SearchFilter(field, "is", expected == null ? null : String.valueOf(expected), null)));
    }
    return filters;
  }

  private static SearchFilter filter(Map<String, Object> json, String where) {
    if (json == null || !(json.get("field") instanceof String) || !(json.get("operator") instanceof String)) {
      throw new IllegalArgumentException(where + ": must be an object with a string field and operator");
    }
    return SearchFilter.from(json);
  }

  private static Instant instant(Object value, String name) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return Instant.ofEpochMilli(number.longValue());
    }
    try {
      return Instant.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + ": must be ISO-8601 or epoch milliseconds, was '" + value + "'");
    }
  }
}
