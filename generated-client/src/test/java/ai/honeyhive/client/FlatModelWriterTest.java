package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.SessionEventsBatchRequest;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatModelWriter} must write exactly what Moshi's reflective adapter writes: every test compares the two
 * outputs byte for byte, on random models of every class it takes, including the strings and numbers JSON writers get
 * wrong (escapes, control characters, line separators, surrogates, negative zero, huge and tiny doubles).
 */
class FlatModelWriterTest {
  private static final Moshi FLAT = HoneyHiveJson.moshi();
  private static final Moshi REFERENCE = HoneyHiveJson.configure(new Moshi.Builder(), false).build();
  /** Strings that need escapes or more than one UTF-8 byte per character, mixed into random text. */
  private static final String[] AWKWARD = {
    "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f", "\u2028", "\u2029", "\u2027", "\u202a",
    "é", "ł", "€", "日本", "\uD83D\uDE00", "\uD800", "\uDC00x", "</script>", "'", "/", "\u00e2\u0080\u00a8"
  };

  @Test
  void modelsOfPlainValuesAndBatchesOfThemAreWrittenFlatAndOthersByMoshi() {
    assertThat(FLAT.adapter(Event.class).toString()).contains("written flat");
    assertThat(FLAT.adapter(ai.honeyhive.client.model.SessionStartRequest.class).toString()).contains("written flat");
    assertThat(FLAT.adapter(ai.honeyhive.client.model.EventUpdate.class).toString()).contains("written flat");
    assertThat(FLAT.adapter(SessionEventsBatchRequest.class).toString()).contains("written flat");
    assertThat(FLAT.adapter(ai.honeyhive.client.model.GetEventResponse.class).toString())
        .doesNotContain("written flat"); // one nested model, not a list
    assertThat(FLAT.adapter(ai.honeyhive.client.model.DateRange.class).toString())
        .doesNotContain("written flat"); // dates
    assertThat(REFERENCE.adapter(Event.class).toString()).doesNotContain("written flat");
  }

  @Test
  void randomModelsOfEveryFlatClassAreWrittenAsMoshiWritesThem() throws Exception {
    Random random = new Random(20261121);
    List<Class<?>> flat = flatModelClasses();
    assertThat(flat).hasSizeGreaterThanOrEqualTo(10);
    for (Class<?> type : flat) {
      for (int i = 0; i < 300; i++) {
        Object model = randomModel(type, random, i % 3 == 0);
        assertSameJson(type, model);
      }
    }
  }

  @Test
  void integersOfEveryLengthAndUuidsOfEveryDigitAreWrittenAsMoshiWritesThem() {
    // Random longs are nearly all 18 or 19 digits long: here every length, and each side of every power of ten.
    Random random = new Random(11);
    List<Object> numbers = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L, -0L));
    long power = 1;
    for (int digits = 1; digits <= 19; digits++) {
      for (long number : new long[] {power - 1, power, power + 1, power + random.nextInt(1000)}) {
        numbers.add(number);
        numbers.add(-number);
      }
      numbers.add((int) Math.min(Integer.MAX_VALUE, power));
      power = digits < 19 ? power * 10 : power;
    }
    List<Object> ids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1),
        new UUID(0x0123456789abcdefL, 0xfedcba9876543210L), new UUID(0x00ff00ff00ff00ffL, 0x0f0f0f0f0f0f0f0fL)));
    for (int i = 0; i < 200; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()));
    }
    Event event = new Event().eventId(new UUID(0xa0b0c0d0e0f00102L, 0x030405060708090aL).toString()).startTime(1795260878843L)
        .endTime(-7L).putMetadataItem("numbers", numbers).putMetadataItem("ids", ids);

    assertSameJson(Event.class, event);
    assertThat(FLAT.adapter(Event.class).toJson(event))
        .contains("\"event_id\":\"a0b0c0d0-e0f0-0102-0304-05060708090a\"", "\"start_time\":1795260878843",
            "\"end_time\":-7", "-9223372036854775808,9223372036854775807,-9223372036854775807,0,0,0,0,1,-1,2,-2,");
  }

  @Test
  void aNumberFieldHoldingAKindOfNumberItDoesNotKnowIsWrittenAsMoshiWritesIt() {
    Event event = new Event().startTime(new AtomicLong(1732176000000L)).endTime(new AtomicInteger(7))
        .duration(new BigDecimal("412.50"));

    assertSameJson(Event.class, event);
    assertThat(FLAT.adapter(Event.class).toJson(event))
        .isEqualTo("{\"duration\":412.50,\"end_time\":7,\"start_time\":1732176000000}");
  }

  @Test
  void anEmptyModelIsAnEmptyObject() {
    assertThat(FLAT.adapter(Event.class).toJson(new Event())).isEqualTo("{}");
  }

  @Test
  void eventsInsideABatchEnvelopeAreWrittenAsMoshiWritesThem() throws Exception {
    Random random = new Random(7);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      events.add((Event) randomModel(Event.class, random, false));
    }
    SessionEventsBatchRequest batch = new SessionEventsBatchRequest().events(events);

    assertSameJson(SessionEventsBatchRequest.class, batch);
  }

  @Test
  void nullsInsideFreeFormValuesFollowTheWritersSerializeNullsSetting() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("content", null);
    inputs.put("list", Arrays.asList("a", null));
    inputs.put("n", 1);
    Event event = new Event().eventType(EventType.MODEL).inputs(inputs);

    assertThat(FLAT.adapter(Event.class).toJson(event))
        .isEqualTo("{\"event_type\":\"model\",\"inputs\":{\"list\":[\"a\",null],\"n\":1}}")
        .isEqualTo(REFERENCE.adapter(Event.class).toJson(event));
    assertThat(FLAT.adapter(Event.class).serializeNulls().toJson(event))
        .startsWith("{\"children_ids\":null,")
        .contains("\"inputs\":{\"content\":null,")
        .isEqualTo(REFERENCE.adapter(Event.class).serializeNulls().toJson(event));
  }

  @Test
  void valuesItDoesNotKnowAreWrittenByMoshi() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("ints", new int[] {1, 2});
    inputs.put("objects", new Object[] {"a", 2L});
    inputs.put("day", DayOfWeek.MONDAY);
    inputs.put("char", 'x');
    inputs.put("set", new TreeSet<>(List.of("b", "a")));
    Map<Object, Object> numberKeys = new LinkedHashMap<>();
    numberKeys.put(1, "one");
    numberKeys.put(2.5, "two and a half");
    inputs.put("numberKeys", numberKeys);
    Event event = new Event().inputs(inputs);

    String written = FLAT.adapter(Event.class).toJson(event);

    assertThat(written).isEqualTo(REFERENCE.adapter(Event.class).toJson(event))
        .contains("\"ints\":[1,2]", "\"day\":\"MONDAY\"", "\"numberKeys\":{\"1\":\"one\",\"2.5\":\"two and a half\"}");
  }

  @Test
  void aModelInsideAFreeFormValueOfAnotherIsWrittenWithoutDisturbingIt() throws Exception {
    Random random = new Random(5);
    Event inner = (Event) randomModel(Event.class, random, false);
    Event outer = (Event) randomModel(Event.class, random, false);
    outer.getInputs().put("nested", inner);
    outer.getMetadata().put("after", "the nested event");

    assertSameJson(Event.class, outer);
    assertThat(FLAT.adapter(Event.class).toJson(outer)).contains("\"nested\":{").contains("\"after\":");
  }

  @Test
  void aNonFiniteNumberFailsAsInMoshiUnlessLenient() {
    Event event = new Event().metrics(new HashMap<>(Map.of("score", Double.NaN)));

    assertThatThrownBy(() -> FLAT.adapter(Event.class).toJson(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Numeric values must be finite, but was NaN");
    assertThat(FLAT.adapter(Event.class).lenient().toJson(event))
        .isEqualTo(REFERENCE.adapter(Event.class).lenient().toJson(event))
        .isEqualTo("{\"metrics\":{\"score\":NaN}}");
  }

  @Test
  void aMapThatContainsItselfFailsInsteadOfOverflowingTheStack() {
    Map<String, Object> loop = new HashMap<>();
    loop.put("self", loop);

    assertThatThrownBy(() -> FLAT.adapter(Event.class).toJson(new Event().inputs(loop)))
        .isInstanceOf(com.squareup.moshi.JsonDataException.class)
        .hasMessageContaining("Nesting too deep");
  }

  @Test
  void prettyPrintingAndObjectTreesAreLeftToMoshi() throws Exception {
    Event event = (Event) randomModel(Event.class, new Random(3), false);

    assertThat(FLAT.adapter(Event.class).indent("  ").toJson(event))
        .isEqualTo(REFERENCE.adapter(Event.class).indent("  ").toJson(event));
    assertThat(FLAT.adapter(Event.class).toJsonValue(event))
        .isEqualTo(REFERENCE.adapter(Event.class).toJsonValue(event));
  }

  @Test
  void whatItWritesReadsBackToAnEqualModel() throws Exception {
    Event event = (Event) randomModel(Event.class, new Random(11), false);
    JsonAdapter<Event> adapter = FLAT.adapter(Event.class);

    Event read = adapter.fromJson(adapter.toJson(event));

    assertThat(adapter.toJson(read)).isEqualTo(adapter.toJson(event));
  }

  // ---------------------------------------------------------------------------------------------------------------

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void assertSameJson(Class<?> type, Object model) {
    JsonAdapter flat = FLAT.adapter(type);
    JsonAdapter reference = REFERENCE.adapter(type);
    assertThat(flat.toJson(model)).as("%s", type.getSimpleName()).isEqualTo(reference.toJson(model));
    assertThat(flat.serializeNulls().toJson(model)).as("%s with nulls", type.getSimpleName())
        .isEqualTo(reference.serializeNulls().toJson(model));
  }

  private static List<Class<?>> flatModelClasses() throws Exception {
    Set<Class<?>> flat = new LinkedHashSet<>(); // Schemas mapped onto another model share its class.
    for (String schema : Spec.componentSchemaNames()) {
      Class<?> type = ModelRoundTrip.modelClass(schema);
      if (!type.isEnum() && FLAT.adapter(type).toString().contains("written flat")) {
        flat.add(type);
      }
    }
    return new ArrayList<>(flat);
  }

  /** A model with each field set to a random value of its type, or left null with {@code sparse}. */
  private static Object randomModel(Class<?> type, Random random, boolean sparse)
      throws ReflectiveOperationException {
    Object model = type.getDeclaredConstructor().newInstance();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || (sparse && random.nextBoolean())) {
        continue;
      }
      field.setAccessible(true);
      field.set(model, randomValue(field.getGenericType(), random, 0));
    }
    return model;
  }

  private static Object randomValue(Type type, Random random, int depth) {
    if (type instanceof ParameterizedType) {
      Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
      if (((ParameterizedType) type).getRawType() == List.class) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(random.nextInt(8) == 0 ? null : randomValue(arguments[0], random, depth + 1));
        }
        return list;
      }
      if (arguments.length == 2 && arguments[1] != Object.class) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          typed.put(randomString(random), randomValue(arguments[1], random, depth + 1));
        }
        return typed;
      }
      return randomMap(random, depth);
    }
    Class<?> raw = (Class<?>) type;
    if (raw.getPackageName().equals(ModelRoundTrip.MODEL_PACKAGE) && !raw.isEnum()) {
      try {
        return randomModel(raw, random, random.nextBoolean());
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    if (raw == String.class) {
      return randomString(random);
    } else if (raw == UUID.class) {
      return UUID.randomUUID();
    } else if (raw == Long.class) {
      return random.nextLong();
    } else if (raw == Integer.class) {
      return random.nextInt();
    } else if (raw == Double.class) {
      return randomDouble(random);
    } else if (raw == Boolean.class) {
      return random.nextBoolean();
    } else if (raw == Number.class) {
      return randomNumber(random);
    } else if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    }
    return randomFreeForm(random, depth);
  }

  private static Map<String, Object> randomMap(Random random, int depth) {
    Map<String, Object> map = random.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
    for (int i = random.nextInt(depth < 3 ? 6 : 2); i > 0; i--) {
      map.put(randomString(random), random.nextInt(10) == 0 ? null : randomFreeForm(random, depth + 1));
    }
    return map;
  }

  private static Object randomFreeForm(Random random, int depth) {
    switch (random.nextInt(depth < 3 ? 13 : 10)) {
      case 0: return randomString(random);
      case 1: return random.nextInt();
      case 2: return random.nextLong();
      case 3: return randomDouble(random);
      case 4: return random.nextBoolean();
      case 5: return random.nextFloat() * 1e6f;
      case 6: return new BigDecimal(BigInteger.valueOf(random.nextLong()).pow(2), random.nextInt(30) - 10);
      // Not a multiple of 2^64: Moshi 1.15.2's reader takes an integer whose leading digits are one for a number with
      // a leading zero and refuses it, which whatItWritesReadsBackToAnEqualModel would trip on.
      case 7: return BigInteger.valueOf(random.nextLong()).multiply(BigInteger.valueOf(Long.MAX_VALUE));
      case 8: return (short) random.nextInt();
      case 9: return UUID.randomUUID();
      case 10: return randomMap(random, depth + 1);
      case 11: return List.of(randomString(random), random.nextInt(), randomMap(random, depth + 1));
      default: return Arrays.asList(null, randomDouble(random), randomFreeForm(random, depth + 1));
    }
  }

  /**
   * A value for a {@code Number} field (times, durations, counts): what a caller sets ({@code Long} epoch
   * milliseconds, {@code Integer} counts) and what the client decodes ({@code Double} for a fractional time).
   */
  private static Number randomNumber(Random random) {
    switch (random.nextInt(5)) {
      case 0: return 1_700_000_000_000L + random.nextInt(Integer.MAX_VALUE); // epoch milliseconds
      case 1: return random.nextLong();
      case 2: return random.nextInt();
      case 3: return 1796522827968.0 + random.nextInt(1000) / 8.0; // a fractional time, as the Python SDK sends
      default: return randomDouble(random);
    }
  }

  private static double randomDouble(Random random) {
    double[] special = {-0.0, 0.0, 1e21, 1e-7, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, 0.1, 1.0};
    return random.nextBoolean() ? special[random.nextInt(special.length)] : random.nextGaussian() * 1e3;
  }

  private static String randomString(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(6); i >= 0; i--) {
      if (random.nextInt(3) == 0) {
        text.append(AWKWARD[random.nextInt(AWKWARD.length)]);
      } else {
        text.append("word").append(random.nextInt(1000)).append(' ');
      }
    }
    if (random.nextInt(20) == 0) {
      text.append((char) random.nextInt(0x10000)); // Any UTF-16 unit, unpaired surrogates included.
    }
    return text.toString();
  }
}
