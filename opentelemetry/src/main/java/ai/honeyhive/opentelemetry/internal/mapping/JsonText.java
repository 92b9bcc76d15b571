package ai.honeyhive.opentelemetry.internal.mapping;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;

/**
 * Reads attribute values that conventions define as JSON text ({@code gen_ai.input.messages},
 * {@code llm.invocation_parameters}, Python's {@code honeyhive_*} values). Text that is not JSON stays text.
 */
final class JsonText {
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

  private JsonText() {}

  /** Returns the JSON object or array {@code value} holds, or {@code value} itself when it holds none. */
  static Object parseStructured(Object value) {
    if (value instanceof String text) {
      String trimmed = text.strip();
      if ((trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"))) {
        try {
          Object parsed = ANY.fromJson(trimmed);
          return parsed == null ? value : parsed;
        } catch (IOException | RuntimeException e) {
          return value;
        }
      }
    }
    return value;
  }
}
