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

  /** The generated class of component schema {@code schemaName}. */
  static Class<?> modelClass(String schemaName) {
    try {
      return Class.forName(MODEL_PACKAGE + "." + schemaName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("component schema " + schemaName + " has no generated class " + e.getMessage(), e);
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
      if (value.isMissingNode() || value.isNull()) {
        continue;
      }
      String propertyWhere = where + "/" + Spec.escape(property.getKey());
      JsonNode propertySchema = property.getValue();
      Optional<String> component = Spec.componentSchemaName(propertySchema);
      if (component.isPresent()) {
        visit(component.get(), value, propertyWhere, visited);
        continue;
      }
      Optional<String> itemComponent = Spec.componentSchemaName(propertySchema.path("items"));
      if (itemComponent.isPresent() && value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          visit(itemComponent.get(), value.get(i), propertyWhere + "/" + i, visited);
        }
      }
    }
  }
}
