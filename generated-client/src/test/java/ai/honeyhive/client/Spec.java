package ai.honeyhive.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAPI document this client was generated from, read from the classpath (the {@code honeyhive-openapi}
 * artifact) exactly as downstream users read it, and the lookups the tests need: operations, component schemas and
 * the examples of request and response bodies.
 */
final class Spec {
  static final String RESOURCE = "/honeyhive-openapi.yaml";
  private static final String COMPONENT_SCHEMA_PREFIX = "#/components/schemas/";
  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private static final String TEXT = readFromClasspath();
  private static final JsonNode TREE = TestJson.parseYaml(TEXT);

  private Spec() {}

  /** The spec as text, for {@code OpenApiInteractionValidator}. */
  static String text() {
    return TEXT;
  }

  /** The spec as a JSON tree. */
  static JsonNode tree() {
    return TREE;
  }

  /** Follows {@code $ref}s (local ones only, as in this spec) until it reaches a node that is not a reference. */
  static JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local references are supported: " + ref);
      }
      current = TREE.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new NoSuchElementException("dangling reference " + ref);
      }
    }
    return current;
  }

  /** The name of the component schema that {@code schema} refers to, if it is exactly a {@code $ref} to one. */
  static Optional<String> componentSchemaName(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.startsWith(COMPONENT_SCHEMA_PREFIX)
        ? Optional.of(ref.substring(COMPONENT_SCHEMA_PREFIX.length()))
        : Optional.empty();
  }

  /** Every name under {@code components/schemas}, in document order. */
  static List<String> componentSchemaNames() {
    List<String> names = new ArrayList<>();
    TREE.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode componentSchema(String name) {
    JsonNode schema = TREE.path("components").path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new NoSuchElementException("no component schema " + name);
    }
    return schema;
  }

  /**
   * The properties an object component declares, including those it inherits through {@code allOf}. Properties of
   * {@code anyOf}/{@code oneOf} alternatives are not included: which alternative applies depends on the value.
   */
  static Map<String, JsonNode> properties(String schemaName) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    collectProperties(componentSchema(schemaName), properties);
    return properties;
  }

  private static void collectProperties(JsonNode schema, Map<String, JsonNode> out) {
    JsonNode resolved = resolve(schema);
    resolved.path("properties").properties().forEach(property -> out.put(property.getKey(), property.getValue()));
    resolved.path("allOf").forEach(part -> collectProperties(part, out));
  }

  /** Every operation of the spec, in document order. */
  static List<SpecOperation> operations() {
    List<SpecOperation> operations = new ArrayList<>();
    TREE.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      if (HTTP_METHODS.contains(method.getKey())) {
        operations.add(new SpecOperation(method.getValue().path("operationId").asText(),
            method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), path.getValue(), method.getValue()));
      }
    }));
    return operations;
  }

  static SpecOperation operation(String operationId) {
    return operations().stream()
        .filter(operation -> operation.id().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no operation " + operationId + " in the spec"));
  }

  /**
   * Every example of a request or response body: in operations (inline responses) and in {@code components/responses}.
   * Responses that are {@code $ref}s are skipped here because their target is listed once, under components.
   */
  static List<BodyExample> bodyExamples() {
    List<BodyExample> examples = new ArrayList<>();
    TREE.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      String pointer = "#/paths/" + escape(path.getKey()) + "/" + method.getKey();
      addBodyExamples(method.getValue().path("requestBody"), pointer + "/requestBody", examples);
      method.getValue().path("responses").properties().forEach(response ->
          addBodyExamples(response.getValue(), pointer + "/responses/" + response.getKey(), examples));
    }));
    TREE.path("components").path("responses").properties().forEach(response ->
        addBodyExamples(response.getValue(), "#/components/responses/" + escape(response.getKey()), examples));
    return examples;
  }

  private static void addBodyExamples(JsonNode bodyOrResponse, String pointer, List<BodyExample> out) {
    bodyOrResponse.path("content").properties().forEach(mediaType -> {
      JsonNode example = mediaType.getValue().get("example");
      if (example != null) {
        out.add(new BodyExample(pointer + "/content/" + escape(mediaType.getKey()) + "/example",
            mediaType.getValue().path("schema"), example));
      }
    });
  }

  /**
   * The component schemas a request or response body can contain: those of every body (in operations and in
   * {@code components/responses}) and, transitively, every schema they refer to.
   */
  static Set<String> bodySchemaNames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    TREE.path("paths").forEach(pathItem -> pathItem.properties().forEach(method -> {
      if (HTTP_METHODS.contains(method.getKey())) {
        collectReferences(method.getValue().path("requestBody").path("content"), names);
        method.getValue().path("responses").forEach(response -> collectReferences(response.path("content"), names));
      }
    }));
    TREE.path("components").path("responses").forEach(response -> collectReferences(response.path("content"), names));
    return names;
  }

  /** The component schemas the parameters of the operations refer to, transitively. */
  static Set<String> parameterSchemaNames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    TREE.path("paths").forEach(pathItem -> {
      pathItem.path("parameters").forEach(parameter -> collectReferences(resolve(parameter).path("schema"), names));
      pathItem.forEach(operation ->
          operation.path("parameters").forEach(parameter -> collectReferences(resolve(parameter).path("schema"), names)));
    });
    TREE.path("components").path("parameters")
        .forEach(parameter -> collectReferences(parameter.path("schema"), names));
    return names;
  }

  /** Adds the name of every component schema referred to anywhere in {@code node}, following those schemas too. */
  private static void collectReferences(JsonNode node, Set<String> names) {
    Optional<String> component = componentSchemaName(node);
    if (component.isPresent()) {
      if (names.add(component.get())) {
        collectReferences(componentSchema(component.get()), names);
      }
      return;
    }
    node.forEach(child -> collectReferences(child, names));
  }

  /** Escapes one JSON pointer token ({@code /v1/events} becomes {@code ~1v1~1events}). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String readFromClasspath() {
    try (InputStream in = Spec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath; is honeyhive-openapi a dependency?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example of a request or response body, with the JSON pointer it sits at and the schema it illustrates. */
  record BodyExample(String pointer, JsonNode schema, JsonNode example) {
    @Override
    public String toString() {
      return pointer;
    }
  }
}
