package ai.honeyhive.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * Reads and writes the models' {@link Number} fields: HoneyHive types every time, duration and count as a plain JSON
 * number, which a conforming server may send with a fraction ({@code 1796522827968.0}, {@code 15055534.97}).
 *
 * <p>Reading keeps integral numbers integral ({@code Integer}, {@code Long}, then {@code BigInteger}) and decodes the
 * others to {@code Double}, exactly as free-form values are decoded; anything but a number fails with the path of
 * the field. Writing writes the value's own text: a {@code Long} time stays {@code 1732176000000}.
 */
final class NumberAdapter extends JsonAdapter<Number> {
  static final JsonAdapter<Number> INSTANCE = new NumberAdapter().nullSafe();

  private NumberAdapter() {}

  @Override
  public Number fromJson(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.NUMBER) {
      throw new JsonDataException("Expected a number but was " + reader.peek() + " at path " + reader.getPath());
    }
    return IntegralNumberObjectAdapter.parseNumber(reader.nextString());
  }

  @Override
  public void toJson(JsonWriter writer, Number value) throws IOException {
    writer.value(value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(Number)";
  }
}
