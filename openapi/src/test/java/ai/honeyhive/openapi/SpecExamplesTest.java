package ai.honeyhive.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples in the OpenAPI document are part of the contract: generated docs, mock servers and the client's own
 * contract tests replay them. Every one of them must therefore be valid against the schema it illustrates.
 *
 * <p>The spec is read the way downstream modules read it: as a stream from the classpath.
 */
class SpecExamplesTest {
  private static final String SPEC_RESOURCE = "/honeyhive-openapi.yaml";

  private static final String SPEC_TEXT = readSpecFromClasspath();
  private static final JsonNode SPEC_TREE = parseYaml(SPEC_TEXT);
  private static final OpenAPI API = parseOpenApi(SPEC_TEXT);
  /**
   * OpenAPI semantics: an object schema without {@code additionalProperties} is open. The validator's default treats
   * it as closed, which would reject the lenient legacy bodies and every {@code allOf} composition (each part would
   * forbid the other part's properties). Explicit {@code additionalProperties: false} is still enforced.
   */
  private static final MessageResolver MESSAGES = new MessageResolver(LevelResolver.create()
      .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
      .build());
  private static final SchemaValidator SCHEMA_VALIDATOR = new SchemaValidator(API, MESSAGES);

  private static final Set<String> CURRENT_OPERATIONS = Set.of(
      "createSession", "createSessionEventBatch",
      "createEvent", "getEvent", "updateEvent", "createEventBatch", "searchEvents",
      // Experiments (runs)
      "createRun", "getRuns", "getRunsSchema", "getRun", "updateRun", "deleteRun", "getRunSchema",
      "getExperimentRunMetrics", "getExperimentSummary", "getExperimentComparison", "getExperimentCompareEvents");
  private static final Set<String> LEGACY_OPERATIONS = Set.of(
      "exportEventsLegacy", "startSessionLegacy", "createEventLegacy", "updateEventLegacy",
      "createModelEventLegacy", "createEventBatchLegacy", "createModelEventBatchLegacy", "addSessionTracesLegacy",
      "getEventsSchemaLegacy",
      // Experiments (runs)
      "getExperimentResultLegacy", "getExperimentComparisonLegacy", "getExperimentCompareEventsLegacy");
  /** Tags Datasets and Datapoints; their deprecated routes are in {@link #LEGACY_OPERATIONS}. */
  private static final Set<String> DATASET_OPERATIONS = Set.of(
      "getDatasets", "createDataset", "updateDataset", "deleteDataset", "addDatapoints", "removeDatapoint",
      "getDatapoints", "createDatapoint", "batchCreateDatapoints", "getDatapoint", "updateDatapoint",
      "deleteDatapoint");
  private static final Set<String> DATASET_LEGACY_OPERATIONS = Set.of(
      "updateDatasetLegacy", "deleteDatasetLegacy", "removeDatapointLegacy");
  /** Metrics, metric versions, charts, queues (issue 16). */
  private static final Set<String> METRICS_AREA_OPERATIONS = Set.of(
      "getMetrics", "createMetric", "updateMetric", "deleteMetric", "runMetric", "getMetricVersions",
      "createMetricVersion", "deployMetricVersion", "getCharts", "createChart", "getChart", "updateChart",
      "deleteChart", "getQueues", "createQueue", "getQueue", "updateQueue", "deleteQueue");
  /** Deprecated in HoneyHive's spec and still called by its Python SDK 1.5.1; tagged by area, not `Legacy`. */
  private static final Set<String> METRICS_AREA_DEPRECATED_OPERATIONS = Set.of(
      "updateMetricLegacy", "deleteMetricLegacy", "runMetricLegacy", "getConfigurations", "createConfiguration",
      "updateConfiguration", "deleteConfiguration");

  // ---------------------------------------------------------------------------------------------------------------
  // Every example is valid

  static Stream<Named<SpecExample>> everyExampleInTheSpec() {
    return SpecExample.findAll(SPEC_TREE).stream().map(example -> Named.of(example.pointer(), example));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExampleInTheSpec")
  void exampleIsValidAgainstItsOwnSchema(SpecExample example) {
    ValidationReport report = validate(example.value(), example.schema());

    assertThat(report.hasErrors())
        .as("example %s against its schema:%n%s", example.pointer(), format(report))
        .isFalse();
  }

  @Test
  void everyRequestAndResponseMediaTypeHasAnExampleThatIsChecked() {
    Set<String> checked = SpecExample.findAll(SPEC_TREE).stream().map(SpecExample::pointer).collect(Collectors.toSet());
    List<String> mediaTypes = everyMediaTypePointer();

    assertThat(mediaTypes).as("media types found in the spec").isNotEmpty();
    assertThat(mediaTypes)
        .allSatisfy(mediaType -> assertThat(checked)
            .as("examples checked for media type %s", mediaType)
            .anyMatch(pointer -> pointer.startsWith(mediaType + "/example")));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The check can fail

  @Test
  void wrongEventExampleIsReportedInvalidNamingTheBadEnumValue() {
    ValidationReport report = validate(wrongEvent(), eventSchemaNode());

    assertThat(report.getMessages())
        .anySatisfy(message -> {
          assertThat(message.getKey()).isEqualTo("validation.example.schema.enum");
          assertThat(message.getMessage()).contains("/event_type").contains("banana");
        });
  }

  @Test
  void wrongEventExampleIsReportedInvalidNamingTheUnknownField() {
    ValidationReport report = validate(wrongEvent(), eventSchemaNode());

    assertThat(report.getMessages())
        .anySatisfy(message -> {
          assertThat(message.getKey()).isEqualTo("validation.example.schema.additionalProperties");
          assertThat(message.getMessage()).contains("\"project\"");
        });
  }

  @Test
  void exampleWithATimeWrittenAsAStringIsReportedInvalid() {
    ObjectNode event = (ObjectNode) SPEC_TREE.at("/components/schemas/Event/example").deepCopy();
    event.put("start_time", "1732176000150");

    ValidationReport report = validate(event, eventSchemaNode());

    assertThat(report.getMessages())
        .anySatisfy(message -> {
          assertThat(message.getKey()).isEqualTo("validation.example.schema.type");
          assertThat(message.getMessage()).contains("/start_time");
        });
  }

  @Test
  void exampleWithIdsThatAreNotUuidsAndFractionalTimesIsValid() {
    ObjectNode event = (ObjectNode) SPEC_TREE.at("/components/schemas/Event/example").deepCopy();
    event.put("event_id", "otel-4bf92f3577b34da6");
    event.put("parent_id", "00f067aa0ba902b7");
    event.put("start_time", 1796522827968.0);
    event.put("end_time", 1796522828001.5);

    assertThat(validate(event, eventSchemaNode()).getMessages()).isEmpty();
  }

  private static JsonNode wrongEvent() {
    ObjectNode event = (ObjectNode) SPEC_TREE.at("/components/schemas/Event/example").deepCopy();
    event.put("event_type", "banana");
    event.put("project", "acme-support-bot");
    return event;
  }

  private static JsonNode eventSchemaNode() {
    return SPEC_TREE.at("/components/schemas/Event");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The operations

  @Test
  void specParsesWithoutMessages() {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(SPEC_TEXT, null, new ParseOptions());

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void specHasExactlyTheExpectedOperations() {
    Set<String> expected = Stream.of(CURRENT_OPERATIONS, LEGACY_OPERATIONS, DATASET_OPERATIONS,
            DATASET_LEGACY_OPERATIONS, METRICS_AREA_OPERATIONS, METRICS_AREA_DEPRECATED_OPERATIONS)
        .flatMap(Set::stream)
        .collect(Collectors.toSet());

    assertThat(operationsById().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theMetricsAreasDeprecatedOperationsAreMarkedAndTheOthersAreNot() {
    Map<String, Operation> operations = operationsById();

    assertThat(METRICS_AREA_DEPRECATED_OPERATIONS)
        .allSatisfy(id -> assertThat(operations.get(id).getDeprecated()).as("%s deprecated", id).isTrue());
    assertThat(METRICS_AREA_OPERATIONS)
        .allSatisfy(id -> assertThat(operations.get(id).getDeprecated()).as("%s", id).isNotEqualTo(Boolean.TRUE));
  }

  @Test
  void everyLegacyOperationIsDeprecatedAndTaggedLegacy() {
    Map<String, Operation> operations = operationsById();

    assertThat(Stream.concat(LEGACY_OPERATIONS.stream(), DATASET_LEGACY_OPERATIONS.stream()))
        .allSatisfy(id -> {
          assertThat(operations.get(id).getDeprecated()).as("%s deprecated", id).isTrue();
          assertThat(operations.get(id).getTags()).as("%s tags", id).containsExactly("Legacy");
        });
  }

  @Test
  void noCurrentOperationIsDeprecated() {
    Map<String, Operation> operations = operationsById();

    assertThat(Stream.concat(CURRENT_OPERATIONS.stream(), DATASET_OPERATIONS.stream()))
        .allSatisfy(id -> {
          assertThat(operations.get(id).getDeprecated()).as("%s deprecated", id).isNotEqualTo(Boolean.TRUE);
          assertThat(operations.get(id).getTags()).as("%s tags", id).doesNotContain("Legacy");
        });
  }

  private static Map<String, Operation> operationsById() {
    Map<String, Operation> byId = new TreeMap<>();
    API.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      Operation previous = byId.put(operation.getOperationId(), operation);
      if (previous != null) {
        fail("operationId " + operation.getOperationId() + " is used twice");
      }
    }));
    return byId;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers

  private static ValidationReport validate(JsonNode value, JsonNode schemaNode) {
    Schema<?> schema = Json.mapper().convertValue(schemaNode, Schema.class);
    return SCHEMA_VALIDATOR.validate(() -> value, schema, "example");
  }

  private static String format(ValidationReport report) {
    return SimpleValidationReportFormat.getInstance().apply(report);
  }

  /** The JSON pointers of every request body and response media type, in operations and in components. */
  private static List<String> everyMediaTypePointer() {
    List<String> out = new ArrayList<>();
    SPEC_TREE.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      String operation = "#/paths/" + SpecExample.escape(path.getKey()) + "/" + method.getKey();
      addMediaTypes(method.getValue().path("requestBody"), operation + "/requestBody", out);
      method.getValue().path("responses").properties().forEach(response ->
          addMediaTypes(response.getValue(), operation + "/responses/" + response.getKey(), out));
    }));
    SPEC_TREE.path("components").path("requestBodies").properties().forEach(body ->
        addMediaTypes(body.getValue(), "#/components/requestBodies/" + SpecExample.escape(body.getKey()), out));
    SPEC_TREE.path("components").path("responses").properties().forEach(response ->
        addMediaTypes(response.getValue(), "#/components/responses/" + SpecExample.escape(response.getKey()), out));
    return out;
  }

  private static void addMediaTypes(JsonNode bodyOrResponse, String pointer, List<String> out) {
    bodyOrResponse.path("content").fieldNames().forEachRemaining(mediaType ->
        out.add(pointer + "/content/" + SpecExample.escape(mediaType)));
  }

  private static String readSpecFromClasspath() {
    try (InputStream in = SpecExamplesTest.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parseYaml(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OpenAPI parseOpenApi(String text) {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, new ParseOptions());
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException("spec does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /**
   * One example of the spec, found mechanically: the value, the JSON pointer it sits at, and the schema it illustrates
   * (the sibling {@code schema} of a media type, parameter or header; the enclosing schema for a schema example).
   */
  record SpecExample(String pointer, JsonNode value, JsonNode schema) {
    /** Keywords whose values are data, not spec structure: the walk never looks inside them. */
    static boolean isValueKeyword(String key) {
      return key.equals("example") || key.equals("examples") || key.equals("default") || key.equals("enum")
          || key.startsWith("x-");
    }

    static List<SpecExample> findAll(JsonNode root) {
      List<SpecExample> found = new ArrayList<>();
      walk(root, root, "#", false, found);
      return found;
    }

    private static void walk(JsonNode root, JsonNode node, String pointer, boolean isNameMap, List<SpecExample> out) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(root, node.get(i), pointer + "/" + i, false, out);
        }
        return;
      }
      if (!node.isObject()) {
        return;
      }
      if (!isNameMap) {
        collectExamples(root, node, pointer, out);
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (!isNameMap && isValueKeyword(key)) {
          continue;
        }
        if (pointer.equals("#/components") && key.equals("examples")) {
          continue; // reusable examples are checked where they are referenced, against that schema
        }
        // Under these keys the field names are user-chosen (a property may be called "example").
        boolean childIsNameMap = !isNameMap && (key.equals("properties") || key.equals("paths")
            || key.equals("schemas") || key.equals("responses") || key.equals("parameters") || key.equals("headers")
            || key.equals("content") || key.equals("securitySchemes") || key.equals("requestBodies"));
        walk(root, field.getValue(), pointer + "/" + escape(key), childIsNameMap, out);
      }
    }

    private static void collectExamples(JsonNode root, JsonNode node, String pointer, List<SpecExample> out) {
      // A media type, parameter or header describes its value with a sibling "schema"; otherwise the node is a schema.
      JsonNode schema = node.has("schema") ? node.get("schema") : node;
      if (node.has("example")) {
        out.add(new SpecExample(pointer + "/example", node.get("example"), schema));
      }
      JsonNode examples = node.path("examples");
      if (node.has("schema") && examples.isObject()) {
        examples.properties().forEach(entry -> {
          JsonNode example = entry.getValue();
          if (example.has("$ref")) {
            example = root.at(example.get("$ref").asText().substring(1));
          }
          out.add(new SpecExample(pointer + "/examples/" + escape(entry.getKey()) + "/value", example.get("value"), schema));
        });
      }
    }

    static String escape(String token) {
      return token.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
      return pointer;
    }
  }
}
