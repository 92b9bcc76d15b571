package ai.honeyhive;

import ai.honeyhive.client.HoneyHiveJson;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks free-form values (inputs, outputs, metadata...) where the caller hands them over, so a value that cannot be
 * written as JSON fails at the call site with the path of the bad value, instead of failing later inside a request.
 */
final class JsonValues {
  private static final ClassValue<String> UNSERIALIZABLE_REASON = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      if (type == Object.class) {
        return "a bare java.lang.Object carries no data; Moshi would write it as {}";
      }
      try {
        HoneyHiveJson.moshi().adapter(type);
        return null;
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
  };

  private JsonValues() {}

  /**
   * Returns an unmodifiable copy of {@code map} after checking that every value in it can be written as JSON.
   *
   * @param field the field's name, used in error messages, such as {@code "inputs"}
   * @throws NullPointerException if {@code map} is null or has a null key
   * @throws IllegalArgumentException naming the path of the first value that cannot be written as JSON
   */
  static Map<String, Object> copyOf(String field, Map<String, ?> map) {
    if (map == null) {
      throw new NullPointerException(field + " == null");
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      String key = entry.getKey();
      if (key == null) {
        throw new NullPointerException(field + " has a null key");
      }
      check(field + "." + key, entry.getValue());
      copy.put(key, entry.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks that {@code value} can be written as JSON.
   *
   * @param path where the value is, for messages, such as {@code "inputs.messages[0]"}
   * @throws IllegalArgumentException naming {@code path} (or a path below it) when it cannot
   */
  static void check(String path, Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Character) {
      return;
    }
    if (value instanceof Number) {
      checkNumber(path, (Number) value);
    } else if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException(
              path + " has a key that is not a string: " + describe(entry.getKey()) + "; JSON object keys are strings");
        }
        check(path + "." + entry.getKey(), entry.getValue());
      }
    } else if (value instanceof Collection) {
      int index = 0;
      for (Object element : (Collection<?>) value) {
        check(path + "[" + index++ + "]", element);
      }
    } else if (value.getClass().isArray()) {
      if (!value.getClass().getComponentType().isPrimitive()) {
        for (int i = 0, size = Array.getLength(value); i < size; i++) {
          check(path + "[" + i + "]", Array.get(value, i));
        }
      } else if (value instanceof double[] || value instanceof float[]) {
        for (int i = 0, size = Array.getLength(value); i < size; i++) {
          checkNumber(path + "[" + i + "]", (Number) Array.get(value, i));
        }
      }
    } else if (!(value instanceof Enum)) {
      String reason = UNSERIALIZABLE_REASON.get(value.getClass());
      if (reason != null) {
        throw new IllegalArgumentException(
            path + " cannot be written as JSON: " + describe(value) + " has no JSON form (" + reason + ")");
      }
    }
  }

  private static void checkNumber(String path, Number number) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(path + " must be a finite number, but was " + number);
      }
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : "a value of type " + value.getClass().getName();
  }
}
