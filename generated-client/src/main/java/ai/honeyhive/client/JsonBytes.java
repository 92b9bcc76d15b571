package ai.honeyhive.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * A growable byte array that JSON values are encoded into, producing exactly the bytes Moshi's own writer would for
 * the same value (the same escapes, number formats and dropped null map entries), several times faster: strings are
 * encoded with {@link String#getBytes} and copied whole unless they need an escape, and no adapter is looked up per
 * value.
 *
 * <p>Strings, booleans, the JDK's numbers, {@link UUID}s, enums, maps with string keys and collections are encoded
 * here; any other value is written by Moshi's {@code Object} adapter and appended. One instance per thread; not
 * thread-safe.
 */
final class JsonBytes {
  /** How deep maps and lists may nest in one value: the limit the client checks values against when handed over. */
  private static final int MAX_DEPTH = HoneyHiveJson.MAX_NESTING_DEPTH;
  /** What each ASCII character is written as, or null when it is written as itself (Moshi's table). */
  private static final byte[][] ESCAPES = new byte[128][];
  /** Whether a byte of a UTF-8 string may start something to escape: an escaped ASCII character or U+2028/U+2029. */
  private static final boolean[] NEEDS_LOOK = new boolean[256];
  /** Reads eight bytes of an array as one {@code long}, to check them at once. */
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final byte[] HEX_DIGITS = asciiBytes("0123456789abcdef");
  /** The two hex digits of every byte, 00 to ff, one after the other. */
  private static final byte[] HEX_PAIRS = new byte[512];
  /** The two decimal digits of every number from 00 to 99, one after the other. */
  private static final byte[] DECIMAL_PAIRS = new byte[200];
  private static final byte[] NULL = asciiBytes("null");
  private static final byte[] TRUE = asciiBytes("true");
  private static final byte[] FALSE = asciiBytes("false");
  private static final byte[] LINE_SEPARATOR = asciiBytes("\\u2028");
  private static final byte[] PARAGRAPH_SEPARATOR = asciiBytes("\\u2029");

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = asciiBytes(String.format("\\u%04x", c));
    }
    ESCAPES['"'] = asciiBytes("\\\"");
    ESCAPES['\\'] = asciiBytes("\\\\");
    ESCAPES['\t'] = asciiBytes("\\t");
    ESCAPES['\b'] = asciiBytes("\\b");
    ESCAPES['\n'] = asciiBytes("\\n");
    ESCAPES['\r'] = asciiBytes("\\r");
    ESCAPES['\f'] = asciiBytes("\\f");
    for (int c = 0; c < 128; c++) {
      NEEDS_LOOK[c] = ESCAPES[c] != null;
    }
    for (int b = 0; b < 256; b++) {
      HEX_PAIRS[2 * b] = HEX_DIGITS[b >>> 4];
      HEX_PAIRS[2 * b + 1] = HEX_DIGITS[b & 0xF];
    }
    for (int n = 0; n < 100; n++) {
      DECIMAL_PAIRS[2 * n] = (byte) ('0' + n / 10);
      DECIMAL_PAIRS[2 * n + 1] = (byte) ('0' + n % 10);
    }
    NEEDS_LOOK[0xE2] = true; // The first byte of U+2028 and U+2029 (E2 80 A8, E2 80 A9), which Moshi escapes.
  }

  /** The JSON of each constant of an enum, as Moshi's adapter for it writes them (honouring {@code @Json} names). */
  private final ClassValue<byte[][]> enumConstants = new ClassValue<>() {
    @Override
    protected byte[][] computeValue(Class<?> type) {
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(type);
      Object[] constants = type.getEnumConstants();
      byte[][] json = new byte[constants.length][];
      for (int i = 0; i < constants.length; i++) {
        json[i] = adapter.toJson(constants[i]).getBytes(StandardCharsets.UTF_8);
      }
      return json;
    }
  };

  /** Strings up to this length have their JSON cached. */
  private static final int CACHED_STRING_LENGTH = 32;
  private static final int STRING_CACHE_SIZE = 512;
  private static final int DOUBLE_CACHE_SIZE = 256;

  private final Moshi moshi;
  private final String[] cachedStrings = new String[STRING_CACHE_SIZE];
  private final byte[][] cachedJson = new byte[STRING_CACHE_SIZE][];
  private final long[] cachedDoubleBits = new long[DOUBLE_CACHE_SIZE];
  private final byte[][] cachedDoubles = new byte[DOUBLE_CACHE_SIZE][];
  private final EntryWriter[] entryWriters = new EntryWriter[MAX_DEPTH + 1];
  private byte[] bytes = new byte[2048];
  private int size;
  private boolean serializeNulls;
  private boolean lenient;
  /** Whether a writer is filling this buffer now; one that finds it so (writing a nested model) takes another. */
  boolean inUse;

  JsonBytes(Moshi moshi) {
    this.moshi = moshi;
  }

  /** Empties this buffer and sets the writer options to mirror; keeps the array unless it grew past {@code limit}. */
  void reset(boolean serializeNulls, boolean lenient, int limit) {
    if (bytes.length > limit) {
      bytes = new byte[2048];
    }
    size = 0;
    this.serializeNulls = serializeNulls;
    this.lenient = lenient;
  }

  byte[] array() {
    return bytes;
  }

  int size() {
    return size;
  }

  boolean serializeNulls() {
    return serializeNulls;
  }

  void writeByte(int b) {
    if (size == bytes.length) {
      grow(1);
    }
    bytes[size++] = (byte) b;
  }

  void write(byte[] source) {
    write(source, 0, source.length);
  }

  private void write(byte[] source, int from, int to) {
    int length = to - from;
    if (size + length > bytes.length) {
      grow(length);
    }
    System.arraycopy(source, from, bytes, size, length);
    size += length;
  }

  private void grow(int needed) {
    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
  }

  /** Writes {@code value}, which is not null, as Moshi's {@code Object} adapter would. */
  void value(Object value, int depth) {
    // Exact class checks first: a failed instanceof against an interface (Map, Collection) scans the class's
    // interfaces, which for the common leaves (strings, numbers) cost more than writing them.
    Class<?> type = value.getClass();
    if (type == String.class) {
      string((String) value);
    } else if (type == Integer.class || type == Long.class) {
      integral(((Number) value).longValue());
    } else if (type == Double.class) {
      number((Double) value);
    } else if (type == Boolean.class) {
      write((Boolean) value ? TRUE : FALSE);
    } else if (type == UUID.class) {
      uuid((UUID) value);
    } else if (value instanceof Map) {
      map((Map<?, ?>) value, depth + 1);
    } else if (value instanceof Collection) {
      collection((Collection<?>) value, depth + 1);
    } else if (type == Short.class || type == Byte.class) {
      integral(((Number) value).longValue());
    } else if (type.isEnum() || value instanceof Enum) {
      write(enumConstants.get(((Enum<?>) value).getDeclaringClass())[((Enum<?>) value).ordinal()]);
    } else if (type == Float.class) {
      if (!Float.isFinite((Float) value)) {
        notFinite(value);
      } else {
        ascii(value.toString());
      }
    } else if (type == BigDecimal.class || type == BigInteger.class) {
      ascii(value.toString());
    } else {
      JsonAdapter<Object> adapter = moshi.adapter(Object.class);
      adapter = serializeNulls ? adapter.serializeNulls() : adapter;
      raw(lenient ? adapter.lenient().toJson(value) : adapter.toJson(value));
    }
  }

  /** Writes {@code id} as {@link UUID#toString()} does, quoted, without making a string. */
  private void uuid(UUID id) {
    if (size + 38 > bytes.length) {
      grow(38);
    }
    bytes[size] = '"';
    hex(id.getMostSignificantBits() >>> 32, size + 1, 8);
    bytes[size + 9] = '-';
    hex(id.getMostSignificantBits() >>> 16, size + 10, 4);
    bytes[size + 14] = '-';
    hex(id.getMostSignificantBits(), size + 15, 4);
    bytes[size + 19] = '-';
    hex(id.getLeastSignificantBits() >>> 48, size + 20, 4);
    bytes[size + 24] = '-';
    hex(id.getLeastSignificantBits(), size + 25, 12);
    bytes[size + 37] = '"';
    size += 38;
  }

  /** Writes the low {@code digits} hex digits of {@code value} (an even count), lower case, at {@code at}. */
  private void hex(long value, int at, int digits) {
    for (int i = at + digits - 2; i >= at; i -= 2) {
      int pair = 2 * (int) (value & 0xFF); // Two digits a step, from a table of all 256 bytes.
      bytes[i] = HEX_PAIRS[pair];
      bytes[i + 1] = HEX_PAIRS[pair + 1];
      value >>>= 8;
    }
  }

  /** Writes {@code number} as {@link Long#toString(long)} does, without making a string. */
  private void integral(long number) {
    if (number == Long.MIN_VALUE) {
      ascii(Long.toString(number));
      return;
    }
    if (number < 0) {
      writeByte('-');
      number = -number;
    }
    int digits = digitCount(number);
    if (size + digits > bytes.length) {
      grow(digits);
    }
    int at = size + digits;
    while (number >= 100) { // Two digits a division, from a table of 00 to 99.
      int pair = 2 * (int) (number % 100);
      number /= 100;
      bytes[--at] = DECIMAL_PAIRS[pair + 1];
      bytes[--at] = DECIMAL_PAIRS[pair];
    }
    if (number >= 10) {
      bytes[--at] = DECIMAL_PAIRS[2 * (int) number + 1];
      bytes[--at] = DECIMAL_PAIRS[2 * (int) number];
    } else {
      bytes[--at] = (byte) ('0' + number);
    }
    size += digits;
  }

  /** How many decimal digits {@code number}, not negative, has: compared with powers of ten, no division. */
  private static int digitCount(long number) {
    long power = 10;
    for (int digits = 1; digits < 19; digits++) {
      if (number < power) {
        return digits;
      }
      power *= 10;
    }
    return 19;
  }

  /** Writes {@code number} as {@link Double#toString(double)} does, which is what Moshi writes. */
  private void number(double number) {
    if (!Double.isFinite(number)) {
      notFinite(number);
      return;
    }
    if (number == (long) number && Math.abs(number) < 1e7 && (number != 0 || 1 / number > 0)) {
      integral((long) number); // Whole numbers below 10^7 print as "850.0": no need for the slow path.
      writeByte('.');
      writeByte('0');
      return;
    }
    long bits = Double.doubleToRawLongBits(number);
    int slot = (int) (bits ^ (bits >>> 32)) * 0x9E3779B9 >>> (Integer.SIZE - 8);
    byte[] cached = cachedDoubles[slot];
    if (cached == null || cachedDoubleBits[slot] != bits) {
      cached = asciiBytes(Double.toString(number)); // The JDK's is exact but slow (big integers for 0.00042).
      cachedDoubles[slot] = cached;
      cachedDoubleBits[slot] = bits;
    }
    write(cached);
  }

  /** Fails as Moshi does for NaN and infinities, or writes them as Moshi's lenient writer does. */
  private void notFinite(Object number) {
    if (!lenient) {
      throw new IllegalArgumentException("Numeric values must be finite, but was " + number);
    }
    ascii(number.toString());
  }

  private void map(Map<?, ?> map, int depth) {
    checkDepth(depth);
    writeByte('{');
    // forEach, not an iterator: one call per map on whatever Map class the caller used, instead of four calls per
    // entry (hasNext, next, getKey, getValue), each a lookup on the map's or entry's class.
    EntryWriter entries = entryWriters[depth];
    if (entries == null) {
      entries = entryWriters[depth] = new EntryWriter(depth);
    }
    entries.first = true;
    map.forEach(entries);
    writeByte('}');
  }

  /** Writes the entries of one map, for {@link Map#forEach}; one per nesting depth, reused. */
  private final class EntryWriter implements BiConsumer<Object, Object> {
    private final int depth;
    boolean first;

    EntryWriter(int depth) {
      this.depth = depth;
    }

    @Override
    public void accept(Object key, Object value) {
      if (value == null && !serializeNulls) {
        return;
      }
      String name = name(key);
      if (!first) {
        writeByte(',');
      }
      first = false;
      string(name);
      writeByte(':');
      nullableValue(value, depth);
    }
  }

  /** The JSON name of a map key: a string as is, a number as Moshi writes it; anything else fails, as in Moshi. */
  private static String name(Object key) {
    if (key instanceof String) {
      return (String) key;
    }
    if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte) {
      return Long.toString(((Number) key).longValue());
    }
    if (key instanceof Double) {
      return Double.toString((Double) key);
    }
    if (key instanceof Number) {
      return key.toString();
    }
    throw new IllegalArgumentException("a map key must be a string or a number to be written as JSON, but was "
        + (key == null ? "null" : key.getClass().getName()));
  }

  private void collection(Collection<?> collection, int depth) {
    checkDepth(depth);
    writeByte('[');
    boolean first = true;
    for (Object element : collection) {
      if (!first) {
        writeByte(',');
      }
      first = false;
      nullableValue(element, depth);
    }
    writeByte(']');
  }

  void nullableValue(Object value, int depth) {
    if (value == null) {
      write(NULL);
    } else {
      value(value, depth);
    }
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new JsonDataException("Nesting too deep: more than " + MAX_DEPTH + " levels of maps and lists");
    }
  }

  /** Writes {@code value} as a JSON string. */
  void string(String value) {
    if (value.length() > CACHED_STRING_LENGTH) {
      encode(value);
      return;
    }
    // Short strings repeat (map keys, roles, model names): their JSON is kept in a small direct-mapped cache.
    int slot = value.hashCode() & (STRING_CACHE_SIZE - 1);
    String cached = cachedStrings[slot];
    if (cached != null && cached.equals(value)) {
      write(cachedJson[slot]);
      return;
    }
    int start = size;
    encode(value);
    cachedStrings[slot] = value;
    cachedJson[slot] = Arrays.copyOfRange(bytes, start, size);
  }

  private void encode(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeByte('"');
    int from = 0;
    int i = 0;
    while (i < utf8.length) {
      if (i + Long.BYTES <= utf8.length && !mayNeedLook((long) WORDS.get(utf8, i))) {
        i += Long.BYTES; // Eight plain ASCII characters, checked at once.
        continue;
      }
      int b = utf8[i] & 0xFF;
      byte[] escape = null;
      int length = 1;
      if (NEEDS_LOOK[b]) {
        if (b < 128) {
          escape = ESCAPES[b];
        } else if (i + 2 < utf8.length && utf8[i + 1] == (byte) 0x80
            && (utf8[i + 2] == (byte) 0xA8 || utf8[i + 2] == (byte) 0xA9)) {
          escape = utf8[i + 2] == (byte) 0xA8 ? LINE_SEPARATOR : PARAGRAPH_SEPARATOR;
          length = 3;
        }
      }
      if (escape != null) {
        write(utf8, from, i);
        write(escape);
        from = i + length;
      }
      i += length;
    }
    write(utf8, from, utf8.length);
    writeByte('"');
  }

  /**
   * Whether any of the eight bytes in {@code word} is below 0x20, a quote, a backslash or not ASCII (bit tricks from
   * "Bit Twiddling Hacks": a byte is zero exactly where {@code (x - 0x01..) & ~x & 0x80..} has its high bit set).
   */
  private static boolean mayNeedLook(long word) {
    long control = (word - 0x2020202020202020L) & ~word;
    long quote = word ^ 0x2222222222222222L;
    long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
    long zeroQuote = (quote - 0x0101010101010101L) & ~quote;
    long zeroBackslash = (backslash - 0x0101010101010101L) & ~backslash;
    return ((control | zeroQuote | zeroBackslash | word) & 0x8080808080808080L) != 0;
  }

  /** Appends {@code text}, which is all ASCII (a number, a UUID), as is. */
  private void ascii(String text) {
    int length = text.length();
    if (size + length > bytes.length) {
      grow(length);
    }
    for (int i = 0; i < length; i++) {
      bytes[size + i] = (byte) text.charAt(i);
    }
    size += length;
  }

  /** Whether {@link #value} writes a number of class {@code type} itself, with the digits Moshi writes for it. */
  static boolean writesNumber(Class<?> type) {
    return type == Integer.class || type == Long.class || type == Double.class || type == Short.class
        || type == Byte.class || type == Float.class || type == BigDecimal.class || type == BigInteger.class;
  }

  /** Writes {@code value} with {@code adapter}, honouring this buffer's {@code serializeNulls} and {@code lenient}. */
  <T> void adapterValue(JsonAdapter<T> adapter, T value) {
    JsonAdapter<T> configured = serializeNulls ? adapter.serializeNulls() : adapter;
    raw(lenient ? configured.lenient().toJson(value) : configured.toJson(value));
  }

  /** Appends JSON produced elsewhere. */
  private void raw(String json) {
    write(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] asciiBytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
