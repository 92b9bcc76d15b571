package ai.honeyhive.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * Writes {@link BigDecimal} and {@link BigInteger} as exact JSON numbers and reads them back without going through
 * {@code double}. Moshi has no adapter for either; free-form maps decode integers past {@code Long} to BigInteger.
 */
final class BigNumberAdapter<T extends Number> extends JsonAdapter<T> {
  static final JsonAdapter<BigDecimal> DECIMAL = new BigNumberAdapter<>("BigDecimal", BigDecimal::new).nullSafe();
  static final JsonAdapter<BigInteger> INTEGER = new BigNumberAdapter<>("BigInteger", BigInteger::new).nullSafe();

  private final String name;
  private final Function<String, T> parse;

  private BigNumberAdapter(String name, Function<String, T> parse) {
    this.name = name;
    this.parse = parse;
  }

  @Override
  public T fromJson(JsonReader reader) throws IOException {
    return parse.apply(reader.nextString());
  }

  @Override
  public void toJson(JsonWriter writer, T value) throws IOException {
    writer.value(value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(" + name + ")";
  }
}
