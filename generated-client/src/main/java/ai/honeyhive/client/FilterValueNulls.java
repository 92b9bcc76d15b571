package ai.honeyhive.client;

import ai.honeyhive.client.model.EventFilter;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;

/**
 * Writes a filter's {@code value} even when it is null. HoneyHive requires {@code value} in every search and export
 * filter, and {@code exists} / {@code not exists} send it as {@code "value": null}; Moshi leaves null fields out, which
 * HoneyHive refuses. The filter's other null fields are still left out ({@code "type": null} would be refused too).
 */
final class FilterValueNulls extends JsonAdapter<EventFilter> {
  static final Factory FACTORY = new Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (type != EventFilter.class || !annotations.isEmpty()) {
        return null;
      }
      return new FilterValueNulls(moshi.nextAdapter(this, type, annotations), moshi.adapter(Object.class));
    }
  };

  private final JsonAdapter<EventFilter> fields;
  private final JsonAdapter<Object> values;

  private FilterValueNulls(JsonAdapter<EventFilter> fields, JsonAdapter<Object> values) {
    this.fields = fields;
    this.values = values;
  }

  @Override
  public EventFilter fromJson(JsonReader reader) throws IOException {
    return fields.fromJson(reader);
  }

  @Override
  public void toJson(JsonWriter writer, EventFilter filter) throws IOException {
    if (filter == null) {
      writer.nullValue();
      return;
    }
    @SuppressWarnings("unchecked") // A model's JSON value is always an object.
    Map<String, Object> object = (Map<String, Object>) fields.toJsonValue(filter);
    object.putIfAbsent("value", null);
    boolean serializeNulls = writer.getSerializeNulls();
    writer.beginObject();
    for (Map.Entry<String, Object> field : object.entrySet()) {
      writer.name(field.getKey());
      writer.setSerializeNulls(field.getValue() == null); // Only the kept null value reaches here as null.
      values.toJson(writer, field.getValue());
      writer.setSerializeNulls(serializeNulls);
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "JsonAdapter(EventFilter, null value written)";
  }
}
