package ai.honeyhive.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes free-form JSON ({@code Object}-typed fields such as {@code inputs} or {@code metadata}) to maps, lists,
 * strings, booleans and numbers, keeping integral numbers integral: {@code Integer} when they fit, then {@code Long},
 * then {@code BigInteger}; numbers with a fraction or an exponent decode to {@code Double}. Moshi's own adapter
 * decodes every number as {@code Double}, which turns token counts into {@code 35.0} and loses digits past 2^53.
 *
 * <p>Encoding is left to Moshi, which writes each value with the adapter for its runtime type.
 */
final class IntegralNumberObjectAdapter extends JsonAdapter<Object> {
  static final Factory FACTORY = new Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (type != Object.class || !annotations.isEmpty()) {
        return null;
      }
      return new IntegralNumberObjectAdapter(moshi.nextAdapter(this, Object.class, annotations));
    }
  };

  private final JsonAdapter<Object> writer;

  private IntegralNumberObjectAdapter(JsonAdapter<Object> writer) {
    this.writer = writer;
  }

  @Override
  public Object fromJson(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), fromJson(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(fromJson(reader));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return parseNumber(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalStateException("Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  static Number parseNumber(String text) {
    boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    if (!integral) {
      return Double.parseDouble(text);
    }
    BigInteger value = new BigInteger(text);
    if (value.bitLength() < Integer.SIZE) {
      return value.intValue();
    }
    if (value.bitLength() < Long.SIZE) {
      return value.longValue();
    }
    return value;
  }

  @Override
  public void toJson(JsonWriter out, Object value) throws IOException {
    writer.toJson(out, value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(Object, integral numbers kept)";
  }
}
