package ai.honeyhive.client;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a generated model whose fields hold only plain values (strings, numbers, booleans, UUIDs, enums, and
 * free-form maps and lists of them), such as {@code Event}, or lists of such models, such as a batch request, straight
 * to bytes with {@link JsonBytes}, then hands them
 * to the JSON writer in one piece. The output is byte for byte what Moshi's reflective adapter writes: the same field
 * order (by JSON name), names, escapes and number formats, and the writer's {@code serializeNulls} and
 * {@code lenient} settings are honoured. Reading is left to Moshi.
 *
 * <p>Why: a batch of events is the client's hot path, and Moshi's general-purpose writer, which looks up an adapter
 * for every free-form value and escapes strings a character at a time, cost about 4 µs per typical event; a batch is
 * written in one piece. Models with any other nested model field (dates, responses) keep Moshi's adapter.
 */
final class FlatModelWriter<T> extends JsonAdapter<T> {
  /** The package of the generated models; only their classes are written here. */
  private static final String MODEL_PACKAGE = "ai.honeyhive.client.model";
  /** A scratch buffer that grew past this is dropped after use, so one huge event does not pin memory. */
  private static final int KEEP_SCRATCH_BYTES = 1 << 20;
  /** Moshi's writer of JSON text; its other writer builds objects ({@code toJsonValue}), which is left to Moshi. */
  private static final Class<?> UTF8_WRITER = JsonWriter.of(new okio.Buffer()).getClass();

  static final Factory FACTORY = new Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (!annotations.isEmpty() || !(type instanceof Class)) {
        return null;
      }
      TreeMap<String, Field> fields = flatFields((Class<?>) type);
      if (fields == null) {
        return null;
      }
      JsonAdapter<Object> reader = moshi.nextAdapter(this, type, annotations);
      return new FlatModelWriter<>(reader, fields, moshi).nullSafe();
    }
  };

  /**
   * The fields of {@code raw} by JSON name (Moshi's ClassJsonAdapter orders them so too), or null when it is not a
   * generated model made of plain values and lists of such models.
   */
  private static TreeMap<String, Field> flatFields(Class<?> raw) {
    if (!MODEL_PACKAGE.equals(raw.getPackageName()) || raw.isEnum() || raw.isInterface()
        || raw.getSuperclass() != Object.class || raw == ai.honeyhive.client.model.Datapoint.class) {
      // A datapoint writes its required nulls (DatapointNulls), which this writer would leave out.
      return null;
    }
    TreeMap<String, Field> fields = new TreeMap<>();
    for (Field field : raw.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
        continue;
      }
      if (!isPlain(field.getGenericType(), true) && modelListElement(field, raw) == null) {
        return null;
      }
      Json json = field.getAnnotation(Json.class);
      if (json != null && json.ignore()) {
        continue;
      }
      field.setAccessible(true);
      fields.put(json == null || Json.UNSET_NAME.equals(json.name()) ? field.getName() : json.name(), field);
    }
    return fields;
  }

  /** The model class of a {@code List<Model>} field whose model is flat itself (a batch's events), else null. */
  private static Class<?> modelListElement(Field field, Class<?> owner) {
    Type type = field.getGenericType();
    if (!(type instanceof ParameterizedType) || Types.getRawType(type) != List.class) {
      return null;
    }
    Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
    if (!(element instanceof Class) || element == owner || flatFields((Class<?>) element) == null) {
      return null;
    }
    return (Class<?>) element;
  }

  private final JsonAdapter<T> reader;
  private final Field[] fields;
  /** For a field that is a list of flat models, their writer; null for a field of plain values. */
  private final FlatModelWriter<?>[] elementWriters;
  /** Whether each field is declared {@code Number}: Moshi writes any Number there, not only those JsonBytes knows. */
  private final boolean[] numberFields;
  private final JsonAdapter<Number> numbers;
  /** Each field's {@code "name":}, and the same with a leading comma. */
  private final byte[][] names;
  private final byte[][] namesAfterComma;
  private final ThreadLocal<JsonBytes> scratch;
  private final Moshi moshi;

  @SuppressWarnings("unchecked")
  private FlatModelWriter(JsonAdapter<?> reader, TreeMap<String, Field> fields, Moshi moshi) {
    this.reader = (JsonAdapter<T>) reader;
    this.fields = fields.values().toArray(new Field[0]);
    this.elementWriters = new FlatModelWriter<?>[this.fields.length];
    this.numberFields = new boolean[this.fields.length];
    this.numbers = moshi.adapter(Number.class);
    for (int j = 0; j < this.fields.length; j++) {
      numberFields[j] = this.fields[j].getType() == Number.class;
      Class<?> element = modelListElement(this.fields[j], this.fields[j].getDeclaringClass());
      if (element != null) {
        elementWriters[j] = new FlatModelWriter<>(null, flatFields(element), moshi);
      }
    }
    this.names = new byte[this.fields.length][];
    this.namesAfterComma = new byte[this.fields.length][];
    int i = 0;
    for (String name : fields.keySet()) {
      JsonBytes encoded = new JsonBytes(moshi);
      encoded.string(name);
      encoded.writeByte(':');
      names[i] = java.util.Arrays.copyOf(encoded.array(), encoded.size());
      namesAfterComma[i] = ("," + new String(names[i], StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      i++;
    }
    this.scratch = ThreadLocal.withInitial(() -> new JsonBytes(moshi));
    this.moshi = moshi;
  }

  /**
   * Whether a field of this type holds plain values only: what {@link JsonBytes} writes without Moshi, and free-form
   * {@code Object}s. A nested model (or a date) makes the model keep Moshi's adapter.
   */
  private static boolean isPlain(Type type, boolean top) {
    if (type == Object.class) {
      return !top; // A free-form value is fine inside a map or list; a bare Object field is left to Moshi.
    }
    if (type instanceof Class) {
      Class<?> raw = (Class<?>) type;
      return raw == String.class || raw == UUID.class || raw == Boolean.class || raw == Integer.class
          || raw == Long.class || raw == Double.class || raw == Number.class || raw.isEnum();
    }
    if (type instanceof ParameterizedType) {
      Class<?> raw = Types.getRawType(type);
      Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
      if (raw == List.class) {
        return isPlain(arguments[0], false);
      }
      if (raw == Map.class) {
        return arguments[0] == String.class && isPlain(arguments[1], false);
      }
    }
    return false;
  }

  @Override
  public T fromJson(JsonReader in) throws IOException {
    return reader.fromJson(in);
  }

  @Override
  public void toJson(JsonWriter out, T value) throws IOException {
    if (out.getClass() != UTF8_WRITER || !out.getIndent().isEmpty()) {
      reader.toJson(out, value); // Pretty printing, or writing to objects (toJsonValue): Moshi's own way.
      return;
    }
    JsonBytes json = scratch.get();
    if (json.inUse) {
      json = new JsonBytes(moshi); // A model nested in a free-form value of this one, written through Moshi.
    }
    json.reset(out.getSerializeNulls(), out.isLenient(), KEEP_SCRATCH_BYTES);
    json.inUse = true;
    try {
      writeFields(json, value);
    } finally {
      json.inUse = false;
    }
    try (okio.BufferedSink sink = out.valueSink()) {
      sink.write(json.array(), 0, json.size());
    }
  }

  @SuppressWarnings("unchecked")
  private void writeFields(JsonBytes json, Object value) {
    json.writeByte('{');
    boolean first = true;
    for (int i = 0; i < fields.length; i++) {
      Object fieldValue;
      try {
        fieldValue = fields[i].get(value);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e); // setAccessible(true) succeeded when this adapter was made.
      }
      if (fieldValue == null && !json.serializeNulls()) {
        continue;
      }
      json.write(first ? names[i] : namesAfterComma[i]);
      first = false;
      if (elementWriters[i] != null && fieldValue != null) {
        writeModels(json, (List<Object>) fieldValue, elementWriters[i]);
      } else if (numberFields[i] && fieldValue != null && !JsonBytes.writesNumber(fieldValue.getClass())) {
        json.adapterValue(numbers, (Number) fieldValue); // An AtomicLong, say: Moshi's Object adapter refuses it.
      } else {
        json.nullableValue(fieldValue, 0);
      }
    }
    json.writeByte('}');
  }

  /** Writes a list of flat models (a batch's events) as Moshi's collection adapter would: a null element as null. */
  private static void writeModels(JsonBytes json, List<Object> models, FlatModelWriter<?> writer) {
    json.writeByte('[');
    boolean first = true;
    for (Object model : models) {
      if (!first) {
        json.writeByte(',');
      }
      first = false;
      if (model == null) {
        json.nullableValue(null, 0);
      } else {
        writer.writeFields(json, model);
      }
    }
    json.writeByte(']');
  }

  @Override
  public String toString() {
    return "JsonAdapter(" + fields.length + " fields, written flat)";
  }
}
