package ai.honeyhive.internal.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a value exactly as Python's {@code json.dumps(value, sort_keys=True)} does with its defaults: keys sorted, the
 * separators {@code ", "} and {@code ": "}, every character outside ASCII escaped as {@code \\uXXXX} (surrogate pairs
 * for the rest), floats as Python's {@code repr} ({@code 1.0}, {@code 1e-07}, {@code 1e+22}). HoneyHive's SDK hashes
 * that text for the ids of in-memory datasets, so the same dataset gets the same ids from both clients.
 *
 * <p>Values: maps with string keys, collections, strings, booleans, null, integral numbers ({@link Integer},
 * {@link Long}, {@link Short}, {@link Byte}, {@link java.math.BigInteger}) and other numbers as doubles. Floats are as
 * Python's where Java's {@link Double#toString} gives the shortest digits, which it does from Java 19 and for almost
 * every value before.
 */
final class PythonJson {
  private PythonJson() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Boolean bool) {
      out.append(bool ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof java.math.BigInteger) {
      out.append(value);
    } else if (value instanceof Number number) {
      out.append(repr(number.doubleValue()));
    } else if (value instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>(map.size());
      for (Object key : map.keySet()) {
        keys.add(String.valueOf(key));
      }
      keys.sort(null); // Python sorts str keys by code point; String.compareTo by UTF-16 unit: equal below U+D800
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        string(keys.get(i), out);
        out.append(": ");
        write(map.get(keys.get(i)), out);
      }
      out.append('}');
    } else if (value instanceof Collection<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        write(item, out);
      }
      out.append(']');
    } else {
      string(value.toString(), out);
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Python's {@code repr(float)}: shortest digits, fixed notation for exponents -4 to 15, else {@code 1e+22}. */
  static String repr(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return (1 / value) < 0 ? "-0.0" : "0.0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int exponent = digits.length() - 1 - decimal.scale(); // value = d.ddd × 10^exponent
    StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
    if (exponent >= -4 && exponent < 16) {
      if (exponent >= digits.length() - 1) { // integral
        out.append(digits).append("0".repeat(exponent - digits.length() + 1)).append(".0");
      } else if (exponent >= 0) {
        out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
      } else {
        out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
      }
    } else {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append(exponent < 0 ? "e-" : "e+");
      int magnitude = Math.abs(exponent);
      out.append(magnitude < 10 ? "0" : "").append(magnitude);
    }
    return out.toString();
  }
}
