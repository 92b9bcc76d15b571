package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a JSON value of a component schema through the generated model of that schema and back, and does the same
 * for every nested value whose schema is itself a component (an object property, the items of an array, an enum).
 */
final class ModelRoundTrip {
  static final String MODEL_PACKAGE = "ai.honeyhive.client.model";
  static final String UNKNOWN_ENUM_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";

  private ModelRoundTrip() {}

  /**
   * Decodes {@code json} into the model named {@code schemaName}, encodes it again and asserts the JSON is unchanged,
   * then recurses into nested component values.
   *
   * @param where where {@code json} comes from, for failure messages
   * @return the names of every component schema round-tripped, {@code schemaName} first
   */
  static Set<String> roundTrip(String schemaName, JsonNode json, String where) {
    Set<String> visited = new LinkedHashSet<>();
    visit(schemaName, json, where, visited);
    return visited;
  }

  /**
   * The Java class that holds values of component schema {@code schemaName}: its generated class, or the class the
   * generator's {@code schemaMappings} map it to ({@link SchemaMappings}).
   */
  static Class<?> modelClass(String schemaName) {
    String className = SchemaMappings.javaClassName(schemaName).orElse(MODEL_PACKAGE + "." + schemaName);
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("component schema " + schemaName + " has no class " + e.getMessage(), e);
    }
  }

  private static void visit(String schemaName, JsonNode json, String where, Set<String> visited) {
    Class<?> type = modelClass(schemaName);
    Object decoded = TestJson.decode(json, type);
    if (type.isEnum()) {
      assertThat(((Enum<?>) decoded).name()).as("%s is a known %s", where, schemaName).isNotEqualTo(UNKNOWN_ENUM_CONSTANT);
    }

    JsonNode encoded = TestJson.parse(TestJson.encode(decoded));

    assertThat(TestJson.comparable(encoded))
        .as("%s re-encoded through %s", where, type.getName())
        .isEqualTo(TestJson.comparable(json));
    visited.add(schemaName);

    if (!json.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> property : Spec.properties(schemaName).entrySet()) {
      JsonNode value = json.path(property.getKey());
      visitNested(property.getValue(), value, where + "/" + Spec.escape(property.getKey()), visited);
    }
  }

  /**
   * Round-trips the component values inside {@code value}, whose schema is {@code schema}: the value itself when the
   * schema is a component, the elements of an array, the values of a map ({@code additionalProperties}).
   */
  private static void visitNested(JsonNode schema, JsonNode value, String where, Set<String> visited) {
    if (value.isMissingNode() || value.isNull()) {
      return;
    }
    Optional<String> component = Spec.componentSchemaName(schema);
    if (component.isPresent()) {
      visit(component.get(), value, where, visited);
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        visitNested(schema.get("items"), value.get(i), where + "/" + i, visited);
      }
    } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
      value.properties().forEach(member -> visitNested(schema.get("additionalProperties"), member.getValue(),
          where + "/" + Spec.escape(member.getKey()), visited));
    }
  }
}
