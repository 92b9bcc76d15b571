package ai.honeyhive.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON plumbing for the tests: Jackson trees for what is on the wire and in the spec, {@link HoneyHiveJson#moshi()}
 * for the generated models, and a comparable form of a tree.
 */
final class TestJson {
  /** Numbers keep every digit: floats as BigDecimal, so comparisons never go through double. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private TestJson() {}

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  static JsonNode parseYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes {@code json} into {@code type} with the client's Moshi. */
  static <T> T decode(JsonNode json, Class<T> type) {
    try {
      return HoneyHiveJson.moshi().adapter(type).fromJson(json.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes {@code value} with the client's Moshi, using the adapter of its runtime class. */
  @SuppressWarnings("unchecked")
  static String encode(Object value) {
    // A schema mapped to Object (a union such as ChartDateRange) decodes to a Map or a List, which Moshi writes
    // through its Object adapter, as it does for such a field of a model.
    Class<Object> type = value instanceof java.util.Map || value instanceof java.util.List
        ? Object.class : (Class<Object>) value.getClass();
    JsonAdapter<Object> adapter = HoneyHiveJson.moshi().adapter(type);
    return adapter.toJson(value);
  }

  /**
   * A form of {@code node} that {@code equals} compares the way JSON means it: objects ignore member order, numbers
   * compare by value ({@code 1980.0} equals {@code 1980}, but not {@code "1980"}), and a member whose value is
   * {@code null} counts as absent.
   *
   * <p>The last rule is needed because the generated models cannot tell an explicit {@code null} from a missing
   * field: Moshi omits null fields when it writes.
   */
  static Object comparable(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(member -> {
        if (!member.getValue().isNull()) {
          map.put(member.getKey(), comparable(member.getValue()));
        }
      });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(comparable(element)));
      return list;
    }
    if (node.isNumber()) {
      return new JsonNumber(node.decimalValue().stripTrailingZeros().toPlainString());
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return null;
    }
    throw new IllegalArgumentException("unexpected JSON node " + node.getNodeType());
  }

  /** A JSON number in plain decimal notation without trailing zeros, so that equal values are equal objects. */
  record JsonNumber(String digits) {
    @Override
    public String toString() {
      return digits;
    }
  }
}
