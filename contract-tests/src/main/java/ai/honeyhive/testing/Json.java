package ai.honeyhive.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the server's JSON: objects decode to {@code LinkedHashMap}s, arrays to lists, integral numbers to
 * {@code Integer}, {@code Long} or {@code BigInteger} and other numbers to {@code Double}.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException if {@code text} is not JSON
   */
  static Object parse(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code value} (maps, lists, strings, numbers, booleans, null) as compact JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write as JSON: " + value, e);
    }
  }

  /** Returns {@code value} as a JSON object, or null when it is anything else. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  /** Returns {@code value} as a JSON array, or null when it is anything else. */
  @SuppressWarnings("unchecked")
  static List<Object> array(Object value) {
    return value instanceof List ? (List<Object>) value : null;
  }

  /** Returns a deep, mutable copy of a JSON value. */
  static Object mutableCopy(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), mutableCopy(v)));
      return copy;
    }
    if (value instanceof Collection) {
      List<Object> copy = new ArrayList<>();
      ((Collection<?>) value).forEach(v -> copy.add(mutableCopy(v)));
      return copy;
    }
    return value;
  }

  /** Returns a deep, unmodifiable copy of a JSON value. */
  static Object frozenCopy(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(String.valueOf(k), frozenCopy(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Collection) {
      List<Object> copy = new ArrayList<>();
      ((Collection<?>) value).forEach(v -> copy.add(frozenCopy(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
