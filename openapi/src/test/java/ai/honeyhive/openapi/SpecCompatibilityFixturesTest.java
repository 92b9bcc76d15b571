package ai.honeyhive.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.openapi.SpecCompatibility.Change;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate on known changes: each fixture applies one edit to a copy of the spec, and the gate must classify it the
 * way a client would experience it and pass or fail it according to the version bump. The copies and their reports
 * are written to {@code target/spec-diff/fixtures/}, with a summary table in {@code summary.md}.
 *
 * <p>Both versions are set on the copies, so these cases do not depend on the project's current version.
 */
class SpecCompatibilityFixturesTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String SPEC = readSpecFromClasspath();
  private static final Path FIXTURE_DIR =
      Path.of(System.getProperty("honeyhive.spec.report", "target/spec-diff")).resolve("fixtures");
  private static final List<String> SUMMARY = Collections.synchronizedList(new ArrayList<>());
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  /**
   * One edit to the spec, named after what a reviewer would call it. Each edit picks its target in the current spec
   * (the last enum value, the first optional field, the first operation), so the fixtures keep working as the spec
   * evolves, and returns what exactly it changed.
   */
  enum Fixture {
    UNCHANGED_COPY("a copy of the spec, re-serialized", spec -> "no edit"),
    ADD_OPTIONAL_FIELD("a request schema gets a new optional property", spec -> {
      properties(spec, "SessionStartRequest").putObject("x_fixture_optional").put("type", "string");
      return "SessionStartRequest.x_fixture_optional (string)";
    }),
    REMOVE_ENUM_VALUE("an enum used in requests loses a value", spec -> {
      ArrayNode values = (ArrayNode) schema(spec, "FilterOperator").get("enum");
      String removed = values.remove(values.size() - 1).asText();
      return "FilterOperator (searchEvents filters) without `" + removed + "`";
    }),
    MAKE_FIELD_REQUIRED("an optional request field becomes required", spec -> {
      ObjectNode schema = schema(spec, "SessionStartRequest");
      List<String> required = new ArrayList<>();
      schema.withArrayProperty("required").forEach(name -> required.add(name.asText()));
      String field = stream(schema.get("properties").fieldNames())
          .filter(name -> !required.contains(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("SessionStartRequest has no optional field left"));
      schema.withArrayProperty("required").add(field);
      return "SessionStartRequest." + field + " required";
    }),
    REMOVE_OPERATION("an operation is removed", spec -> {
      ObjectNode paths = (ObjectNode) spec.get("paths");
      String path = paths.fieldNames().next();
      ObjectNode item = (ObjectNode) paths.get(path);
      String method = stream(item.fieldNames()).filter(HTTP_METHODS::contains).findFirst().orElseThrow();
      String operationId = item.path(method).path("operationId").asText();
      item.remove(method);
      if (stream(item.fieldNames()).noneMatch(HTTP_METHODS::contains)) {
        paths.remove(path);
      }
      return operationId + " (" + method.toUpperCase(Locale.ROOT) + " " + path + ")";
    });

    private final String description;
    private final Function<ObjectNode, String> edit;

    Fixture(String description, Function<ObjectNode, String> edit) {
      this.description = description;
      this.edit = edit;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // Each edit at an unchanged version: only the compatible one passes.
        Arguments.of(Fixture.UNCHANGED_COPY, "0.1.0", "0.1.0", Change.UNCHANGED, true),
        Arguments.of(Fixture.ADD_OPTIONAL_FIELD, "0.1.0", "0.1.0", Change.COMPATIBLE, true),
        Arguments.of(Fixture.REMOVE_ENUM_VALUE, "0.1.0", "0.1.0", Change.BREAKING, false),
        Arguments.of(Fixture.MAKE_FIELD_REQUIRED, "0.1.0", "0.1.0", Change.BREAKING, false),
        Arguments.of(Fixture.REMOVE_OPERATION, "0.1.0", "0.1.0", Change.BREAKING, false),
        // Version rules: before 1.0 a minor bump is the breaking bump; from 1.0 on only a major bump is.
        Arguments.of(Fixture.ADD_OPTIONAL_FIELD, "0.1.0", "0.1.1", Change.COMPATIBLE, true),
        Arguments.of(Fixture.REMOVE_ENUM_VALUE, "0.1.0", "0.1.1", Change.BREAKING, false),
        Arguments.of(Fixture.REMOVE_ENUM_VALUE, "0.1.0", "0.2.0", Change.BREAKING, true),
        Arguments.of(Fixture.MAKE_FIELD_REQUIRED, "0.1.0", "0.2.0", Change.BREAKING, true),
        Arguments.of(Fixture.REMOVE_OPERATION, "0.1.0", "1.0.0", Change.BREAKING, true),
        Arguments.of(Fixture.MAKE_FIELD_REQUIRED, "1.2.0", "1.3.0", Change.BREAKING, false),
        Arguments.of(Fixture.MAKE_FIELD_REQUIRED, "1.2.0", "2.0.0", Change.BREAKING, true),
        // The version never goes backwards, even for a compatible change.
        Arguments.of(Fixture.ADD_OPTIONAL_FIELD, "0.1.0", "0.0.9", Change.COMPATIBLE, false));
  }

  @ParameterizedTest(name = "{0}, {1} to {2}: {3}, passes={4}")
  @MethodSource("cases")
  void theGateClassifiesTheEditAndAppliesTheVersionRule(Fixture fixture, String from, String to, Change change,
      boolean passes) throws IOException {
    String baseline = copy(from, spec -> "no edit").text();
    Copy current = copy(to, fixture.edit);
    SpecCompatibility.Verdict verdict = SpecCompatibility.compare(baseline, current.text());
    writeFixture(fixture, current, from, to, verdict);

    assertThat(verdict.change()).as("classification of: %s", current.edit()).isEqualTo(change);
    assertThat(verdict.passed()).as("gate verdict, %s to %s: %s", from, to, verdict.reason()).isEqualTo(passes);
    if (change != Change.UNCHANGED) {
      assertThat(verdict.differences()).as("the report describes the difference").isNotBlank();
    }
  }

  @AfterAll
  static void writeSummary() throws IOException {
    List<String> rows = new ArrayList<>(SUMMARY);
    Files.createDirectories(FIXTURE_DIR);
    Files.writeString(FIXTURE_DIR.resolve("summary.md"),
        "| fixture | edit | baseline | current | change | gate | reason |\n|---|---|---|---|---|---|---|\n"
            + String.join("\n", rows) + "\n",
        StandardCharsets.UTF_8);
  }

  private static void writeFixture(Fixture fixture, Copy current, String from, String to,
      SpecCompatibility.Verdict verdict) throws IOException {
    String name = fixture.name().toLowerCase(Locale.ROOT).replace('_', '-') + "_" + from + "-to-" + to;
    Files.createDirectories(FIXTURE_DIR);
    Files.writeString(FIXTURE_DIR.resolve(name + ".yaml"), current.text(), StandardCharsets.UTF_8);
    Files.writeString(FIXTURE_DIR.resolve(name + ".md"),
        verdict.toMarkdown("honeyhive-openapi.yaml", name + ".yaml"), StandardCharsets.UTF_8);
    SUMMARY.add("| " + fixture.description + " | " + current.edit() + " | " + from + " | " + to + " | "
        + verdict.change() + " | " + (verdict.passed() ? "PASS" : "FAIL") + " | " + verdict.reason() + " |");
  }

  /** A copy of the spec with {@code info.version} set to {@code version} and {@code edit} applied. */
  private static Copy copy(String version, Function<ObjectNode, String> edit) throws IOException {
    ObjectNode spec = (ObjectNode) YAML.readTree(SPEC);
    ((ObjectNode) spec.get("info")).put("version", version);
    String what = edit.apply(spec);
    return new Copy(YAML.writeValueAsString(spec), what);
  }

  private record Copy(String text, String edit) {}

  private static <T> Stream<T> stream(Iterator<T> iterator) {
    Iterable<T> iterable = () -> iterator;
    return StreamSupport.stream(iterable.spliterator(), false);
  }

  private static ObjectNode schema(ObjectNode spec, String name) {
    JsonNode schema = spec.path("components").path("schemas").path(name);
    assertThat(schema.isObject()).as("schema %s exists in the spec", name).isTrue();
    return (ObjectNode) schema;
  }

  private static ObjectNode properties(ObjectNode spec, String schemaName) {
    return (ObjectNode) schema(spec, schemaName).get("properties");
  }

  private static String readSpecFromClasspath() {
    try (InputStream in = SpecCompatibilityFixturesTest.class.getResourceAsStream("/honeyhive-openapi.yaml")) {
      assertThat(in).as("/honeyhive-openapi.yaml on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
