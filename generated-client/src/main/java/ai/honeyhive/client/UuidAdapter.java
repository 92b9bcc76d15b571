package ai.honeyhive.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.UUID;

/** Reads and writes UUIDs as their canonical 36-character strings. */
final class UuidAdapter extends JsonAdapter<UUID> {
  @Override
  public UUID fromJson(JsonReader reader) throws IOException {
    String text = reader.nextString();
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new JsonDataException("Expected a UUID but was '" + text + "' at path " + reader.getPath(), e);
    }
  }

  @Override
  public void toJson(JsonWriter writer, UUID value) throws IOException {
    writer.value(value.toString());
  }

  @Override
  public String toString() {
    return "JsonAdapter(UUID)";
  }
}
