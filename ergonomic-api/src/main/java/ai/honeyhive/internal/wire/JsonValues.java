package ai.honeyhive.internal.wire;

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
public final class JsonValues {
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
      } catch (RuntimeException | AssertionError | LinkageError e) {
        // Moshi reads a record through its accessors and fails (with an AssertionError) when it cannot reach them:
        // a record that is not public, or is nested in a class that is not.
        if (type.isRecord()) {
          return "Moshi cannot call the accessors of a record that is not public (or nested in a class that is not):"
              + " make " + type.getName() + " and its enclosing classes public, or pass a Map; " + e.getMessage();
        }
        return String.valueOf(e.getMessage());
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
  public static Map<String, Object> copyOf(String field, Map<String, ?> map) {
    if (map == null) {
      throw new NullPointerException(field + " == null");
    }
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      String key = entry.getKey();
      if (key == null) {
        throw new NullPointerException(field + " has a null key");
      }
      check(field, key, entry.getValue());
      copy.put(key, entry.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks that {@code value} can be written as JSON.
   *
   * @param path where the value is, an entry of a field's map, for messages, such as {@code "inputs.messages"}
   * @throws IllegalArgumentException naming {@code path} (or a path below it) when it cannot
   */
  public static void check(String path, Object value) {
    if (sizeIfWritable(value, 1, true) < 0) {
      checkWithPath(path, value, 1); // A value under a field's map: that map is the first level.
    }
  }

  /**
   * Checks that {@code value}, the entry {@code key} of the map {@code field}, can be written as JSON, and returns the
   * entry's estimated JSON size ({@link #estimate} of the value, plus the key): one walk does both. The path for the
   * message ({@code field.key...}) is only built when the value is bad, so checking a good value allocates nothing.
   */
  public static long check(String field, String key, Object value) {
    checkString(field, true, key);
    long size = sizeIfWritable(value, 1, true);
    if (size < 0) {
      checkWithPath(field + "." + key, value, 1); // The field's map is the first level, its values the second.
    }
    return entrySize(key, size);
  }

  /** The estimated JSON size of a map entry whose value's estimate is {@code valueSize}: key, quotes, colon, comma. */
  public static long entrySize(String key, long valueSize) {
    return key.length() + 4 + valueSize;
  }

  /**
   * How deep maps and lists may nest, the value handed over counting as the first level: the writer's limit
   * ({@link HoneyHiveJson#MAX_NESTING_DEPTH}), so that what passes here is also written. A value that contains itself
   * would otherwise recurse until the stack overflows.
   */
  public static final int MAX_DEPTH = HoneyHiveJson.MAX_NESTING_DEPTH;

  /**
   * The fast check: walks {@code value} without tracking where it is, and returns its {@link #estimate}, or -1 when
   * it cannot be written as JSON. Exact class checks come first: a failed {@code instanceof} against an interface
   * scans the class's interfaces. Strings and keys are scanned for lone surrogates only if {@code scanStrings}: the
   * estimate of a value checked before need not read its text again.
   */
  private static long sizeIfWritable(Object value, int depth, boolean scanStrings) {
    if (value == null) {
      return 4;
    }
    Class<?> type = value.getClass();
    if (type == String.class) {
      return !scanStrings || loneSurrogateAt((String) value) < 0 ? ((String) value).length() + 2 : -1;
    }
    if (type == Integer.class || type == Long.class) {
      return 8;
    }
    if (type == Boolean.class) {
      return 5;
    }
    if (value instanceof Number) {
      return isFinite((Number) value) ? 8 : -1;
    }
    if (value instanceof Map) {
      if (depth >= MAX_DEPTH) { // A map or list at depth d is at level d + 1.
        return -1;
      }
      long size = 2;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        Object key = entry.getKey();
        long valueSize = key instanceof String && (!scanStrings || loneSurrogateAt((String) key) < 0)
            ? sizeIfWritable(entry.getValue(), depth + 1, scanStrings) : -1;
        if (valueSize < 0) {
          return -1;
        }
        size += entrySize((String) key, valueSize);
      }
      return size;
    }
    if (value instanceof Collection) {
      if (depth >= MAX_DEPTH) {
        return -1;
      }
      long size = 2;
      for (Object element : (Collection<?>) value) {
        long elementSize = sizeIfWritable(element, depth + 1, scanStrings);
        if (elementSize < 0) {
          return -1;
        }
        size += elementSize + 1;
      }
      return size;
    }
    if (type.isArray()) {
      if (!type.getComponentType().isPrimitive()) {
        if (depth >= MAX_DEPTH) {
          return -1;
        }
        long size = 2;
        for (Object element : (Object[]) value) {
          long elementSize = sizeIfWritable(element, depth + 1, scanStrings);
          if (elementSize < 0) {
            return -1;
          }
          size += elementSize + 1;
        }
        return size;
      } else if (value instanceof double[]) {
        for (double d : (double[]) value) {
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            return -1;
          }
        }
      } else if (value instanceof float[]) {
        for (float f : (float[]) value) {
          if (Float.isNaN(f) || Float.isInfinite(f)) {
            return -1;
          }
        }
      }
      return 2 + 9L * Array.getLength(value);
    }
    if (type == Character.class) {
      return 3;
    }
    return value instanceof Enum || UNSERIALIZABLE_REASON.get(type) == null ? 16 : -1;
  }

  /**
   * Returns the index of the first lone UTF-16 surrogate in {@code text} (half of a pair without the other, as when a
   * string is cut inside an emoji), or -1 when there is none. UTF-8 cannot encode one; the JDK would write {@code ?}.
   *
   * <p>Text without surrogates (most text) goes through one tight loop that compares each code point with the
   * surrogate range; pairs are matched only from the first surrogate on ({@link #loneSurrogateFrom}). Two details make
   * that loop cost next to nothing on Latin-1 strings (text without characters above U+00FF, which the JVM stores one
   * byte a char), as {@code JsonValuesCheckBenchmark} measures:
   * <ul>
   *   <li>The range is tested with comparisons, not as {@code (c & 0xF800) == 0xD800}: the JIT knows that a char read
   *       from a Latin-1 string is at most 0xFF, so {@code c >= 0xD800} is false there and the loop drops out of the
   *       compiled code. The mask hides that range from it.
   *   <li>It reads with {@code codePointAt}, not {@code charAt}. The JIT keeps one profile per method, shared by all
   *       the code that calls it. When {@code charAt} has read UTF-16 strings somewhere in the JVM, but only a little
   *       (as something outside this check had in the benchmarks), the JIT compiles its UTF-16 branch as an
   *       out-of-line call in every loop that inlines it, and such a loop reloads the string's fields and checks the
   *       bounds for every char: about half a nanosecond a char. Little code calls {@code codePointAt}, so its profile
   *       is mostly this check's own: Latin-1 only, or, where UTF-16 text is logged, UTF-16 often enough for the JIT to
   *       inline that branch too. Where it has read UTF-16 only a little, this loop costs that half nanosecond a char.
   * </ul>
   */
  private static int loneSurrogateAt(String text) {
    for (int i = 0, length = text.length(); i < length; i++) {
      int c = text.codePointAt(i);
      if (c >= Character.MIN_SURROGATE && (c <= Character.MAX_SURROGATE || c > Character.MAX_VALUE)) {
        return loneSurrogateFrom(text, i); // A surrogate, lone or the first half of a pair.
      }
    }
    return -1;
  }

  /**
   * {@link #loneSurrogateAt}, from index {@code i} on: {@code codePointAt} reads a whole pair as one supplementary
   * code point, which is stepped over, and a lone surrogate as itself.
   */
  private static int loneSurrogateFrom(String text, int i) {
    for (int length = text.length(); i < length; i++) {
      int c = text.codePointAt(i);
      if (c > Character.MAX_VALUE) {
        i++;
      } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Refuses {@code text}, a plain string field such as an event's name or source, if it holds a lone UTF-16
   * surrogate: the check the strings of free-form values get, for the strings sent beside them.
   *
   * @param field the field's name, for the message, such as {@code "model"}
   * @throws IllegalArgumentException naming {@code field}
   */
  public static void checkText(String field, String text) {
    checkString(field, false, text);
  }

  /**
   * Refuses {@code text}, the value at {@code path} or (if {@code isKey}) one of its keys, if it holds a lone
   * surrogate. Refused rather than replaced: silently altered text is worse than a clear error where it is handed over.
   */
  private static void checkString(String path, boolean isKey, String text) {
    int at = loneSurrogateAt(text);
    if (at >= 0) {
      String surrogate = String.format("U+%04X at index %d", (int) text.charAt(at), at);
      throw new IllegalArgumentException(path + (isKey ? " has a key that holds" : " holds")
          + " a lone UTF-16 surrogate (" + surrogate + "), which has no UTF-8 form; was the string cut inside a"
          + " surrogate pair, such as an emoji? Cut strings at code point boundaries (String.offsetByCodePoints)");
    }
  }

  private static boolean isFinite(Number number) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      return !Double.isNaN(d) && !Double.isInfinite(d);
    }
    return true;
  }

  /** The slow check, run once the fast one found a bad value: finds it again, naming its path. */
  private static void checkWithPath(String path, Object value, int depth) {
    if (depth >= MAX_DEPTH && (value instanceof Map || value instanceof Collection
        || value instanceof Object[])) {
      throw new IllegalArgumentException(path + " nests maps or lists more than " + MAX_DEPTH
          + " levels deep; does a map or list contain itself?");
    }
    if (value instanceof String) {
      checkString(path, false, (String) value);
      return;
    }
    if (value == null || value instanceof Boolean || value instanceof Character) {
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
        checkString(path, true, (String) entry.getKey());
        checkWithPath(path + "." + entry.getKey(), entry.getValue(), depth + 1);
      }
    } else if (value instanceof Collection) {
      int index = 0;
      for (Object element : (Collection<?>) value) {
        checkWithPath(path + "[" + index++ + "]", element, depth + 1);
      }
    } else if (value.getClass().isArray()) {
      if (!value.getClass().getComponentType().isPrimitive()) {
        for (int i = 0, size = Array.getLength(value); i < size; i++) {
          checkWithPath(path + "[" + i + "]", Array.get(value, i), depth + 1);
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

  /**
   * Estimates the size of {@code value} written as JSON, for the delivery queue's byte bound, in one walk that
   * allocates nothing: a string counts its characters plus quotes (so escapes and multi-byte UTF-8 are undercounted:
   * text outside ASCII takes up to 3 bytes a character), a number 8, a boolean 5, null 4, and maps and lists their
   * entries plus punctuation. Other values (enums, types Moshi has adapters for) count 16, as does a value that can no
   * longer be written (changed since it was checked). Strings are not scanned for lone surrogates again: the values
   * estimated were checked where they were handed over.
   */
  public static long estimate(Object value) {
    long size = sizeIfWritable(value, 0, false);
    return size < 0 ? 16 : size;
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
