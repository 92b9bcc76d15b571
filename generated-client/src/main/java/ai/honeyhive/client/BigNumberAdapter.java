package ai.honeyhive.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes {@link BigDecimal} and {@link BigInteger} as exact JSON numbers and reads them back without going through
 * {@code double}. Moshi has no adapter for either; free-form maps decode integers past {@code Long} to BigInteger.
 */
final class BigNumberAdapter {
  private BigNumberAdapter() {}

  static final JsonAdapter<BigDecimal> DECIMAL = new JsonAdapter<BigDecimal>() {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      return new BigDecimal(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      writer.value(value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(BigDecimal)";
    }
  }.nullSafe();

  static final JsonAdapter<BigInteger> INTEGER = new JsonAdapter<BigInteger>() {
    @Override
    public BigInteger fromJson(JsonReader reader) throws IOException {
      return new BigInteger(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, BigInteger value) throws IOException {
      writer.value(value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(BigInteger)";
    }
  }.nullSafe();
}
