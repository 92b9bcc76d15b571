package ai.honeyhive.client;

import ai.honeyhive.client.model.Datapoint;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a datapoint's {@code ground_truth}, {@code metadata} and {@code linked_event} even when they are null. The
 * spec (as HoneyHive's) requires the three in every datapoint and allows null; Moshi leaves null fields out, so a
 * datapoint read from the API and written again (cached, logged, sent to a test double) would no longer conform.
 * The datapoint's other null fields are still left out.
 */
final class DatapointNulls extends JsonAdapter<Datapoint> {
  private static final List<String> REQUIRED_NULLABLE = List.of("ground_truth", "metadata", "linked_event");

  static final Factory FACTORY = new Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (type != Datapoint.class || !annotations.isEmpty()) {
        return null;
      }
      return new DatapointNulls(moshi.nextAdapter(this, type, annotations), moshi.adapter(Object.class));
    }
  };

  private final JsonAdapter<Datapoint> fields;
  private final JsonAdapter<Object> values;

  private DatapointNulls(JsonAdapter<Datapoint> fields, JsonAdapter<Object> values) {
    this.fields = fields;
    this.values = values;
  }

  @Override
  public Datapoint fromJson(JsonReader reader) throws IOException {
    return fields.fromJson(reader);
  }

  @Override
  public void toJson(JsonWriter writer, Datapoint datapoint) throws IOException {
    if (datapoint == null) {
      writer.nullValue();
      return;
    }
    @SuppressWarnings("unchecked") // A model's JSON value is always an object.
    Map<String, Object> object = (Map<String, Object>) fields.toJsonValue(datapoint);
    REQUIRED_NULLABLE.forEach(name -> object.putIfAbsent(name, null));
    boolean serializeNulls = writer.getSerializeNulls();
    writer.beginObject();
    for (Map.Entry<String, Object> field : object.entrySet()) {
      writer.name(field.getKey());
      writer.setSerializeNulls(field.getValue() == null); // Only the kept nulls reach here as null.
      values.toJson(writer, field.getValue());
      writer.setSerializeNulls(serializeNulls);
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "JsonAdapter(Datapoint, required nulls written)";
  }
}
