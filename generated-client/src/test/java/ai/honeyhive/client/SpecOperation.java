package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * One operation of the spec and the examples that drive its contract test.
 *
 * @param id the operationId
 * @param method the HTTP method, upper case
 * @param pathTemplate the path as written in the spec, such as {@code /v1/events/{event_id}}
 * @param pathItem the path item node (for path-level parameters)
 * @param node the operation node
 */
record SpecOperation(String id, String method, String pathTemplate, JsonNode pathItem, JsonNode node) {

  boolean deprecated() {
    return node.path("deprecated").asBoolean(false);
  }

  /** The example of the JSON request body, if the operation takes one. */
  Optional<JsonNode> requestExample() {
    return Optional.ofNullable(jsonMediaType(node.path("requestBody")).get("example"));
  }

  /** The component schema name of the JSON request body, if the operation takes one. */
  Optional<String> requestSchemaName() {
    return Spec.componentSchemaName(jsonMediaType(node.path("requestBody")).path("schema"));
  }

  /** The status of the operation's success answer: 200, or 201 for an operation that documents only 201. */
  int okStatus() {
    return node.path("responses").has("200") || !node.path("responses").has("201") ? 200 : 201;
  }

  /** The example of the JSON body of the success answer; empty when it has no body. */
  Optional<JsonNode> okResponseExample() {
    return Optional.ofNullable(
        jsonMediaType(Spec.resolve(node.path("responses").path(String.valueOf(okStatus())))).get("example"));
  }

  /** Decodes the request example into the generated request class, checking it is the class the spec names. */
  <T> T requestBody(Class<T> type) {
    assertThat(type.getSimpleName()).as("request class of %s", id).isEqualTo(requestSchemaName().orElseThrow());
    return TestJson.decode(requestExample().orElseThrow(), type);
  }

  /** The value of path parameter {@code name}, taken from the parameter's example in the spec. */
  UUID pathId(String name) {
    return UUID.fromString(pathParameterExample(name));
  }

  /** The value of a path parameter that the spec types as a plain string. */
  String pathText(String name) {
    return pathParameterExample(name);
  }

  /** The names of the query parameters the operation declares, in document order. */
  List<String> queryParameterNames() {
    return parameters().stream()
        .filter(parameter -> parameter.path("in").asText().equals("query"))
        .map(parameter -> parameter.path("name").asText())
        .toList();
  }

  /** The request path, with every path parameter replaced by its example. */
  String examplePath() {
    String path = pathTemplate;
    for (JsonNode parameter : parameters()) {
      if (parameter.path("in").asText().equals("path")) {
        String name = parameter.path("name").asText();
        path = path.replace("{" + name + "}", pathParameterExample(name));
      }
    }
    return path;
  }

  private String pathParameterExample(String name) {
    return parameters().stream()
        .filter(parameter -> parameter.path("in").asText().equals("path"))
        .filter(parameter -> parameter.path("name").asText().equals(name))
        .map(parameter -> parameter.path("example").asText(null))
        .filter(example -> example != null)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(id + " has no path parameter " + name + " with an example"));
  }

  /** Path-level and operation-level parameters, resolved. */
  private List<JsonNode> parameters() {
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(parameter -> parameters.add(Spec.resolve(parameter)));
    node.path("parameters").forEach(parameter -> parameters.add(Spec.resolve(parameter)));
    return parameters;
  }

  private static JsonNode jsonMediaType(JsonNode bodyOrResponse) {
    return Spec.resolve(bodyOrResponse).path("content").path("application/json");
  }

  @Override
  public String toString() {
    return id;
  }
}
