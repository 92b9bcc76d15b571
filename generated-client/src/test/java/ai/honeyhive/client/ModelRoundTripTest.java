package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in the spec survives a trip through the generated models: decoding and re-encoding gives the same
 * JSON. This proves each field's wire name ({@code @Json(name = "event_type")}), type and enum constants.
 */
class ModelRoundTripTest {
  /**
   * The inline {@code anyOf} schema of the legacy batch 500 response, which the generator turns into one class with
   * the fields of both alternatives. It is not round-tripped: which alternative a value is cannot be told from the
   * class, and it is no component schema.
   */
  private static final String ANY_OF_RESPONSE_CLASS = "LegacyBatchFailureResponse";

  /** A spec example whose schema is a component schema. */
  record ModelExample(String pointer, String schemaName, JsonNode json) {}

  /**
   * Every request and response body example whose schema is a {@code $ref} to a component schema, plus the examples
   * declared on component schemas themselves. Body schemas that are not a {@code $ref} (the {@code anyOf} legacy batch
   * failure) are skipped, see {@link #ANY_OF_RESPONSE_CLASS}.
   */
  static List<ModelExample> modelExamples() {
    Stream<ModelExample> bodies = Spec.bodyExamples().stream()
        .flatMap(example -> Spec.componentSchemaName(example.schema())
            .map(name -> new ModelExample(example.pointer(), name, example.example()))
            .stream());
    Stream<ModelExample> components = Spec.componentSchemaNames().stream()
        .filter(name -> Spec.componentSchema(name).has("example"))
        .map(name -> new ModelExample("#/components/schemas/" + name + "/example", name,
            Spec.componentSchema(name).get("example")));
    return Stream.concat(bodies, components).toList();
  }

  static Stream<Named<ModelExample>> namedModelExamples() {
    return modelExamples().stream().map(example -> Named.of(example.pointer(), example));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedModelExamples")
  void exampleRoundTripsThroughItsGeneratedModelAndNestedModels(ModelExample example) {
    Set<String> visited = ModelRoundTrip.roundTrip(example.schemaName(), example.json(), example.pointer());

    assertThat(visited).startsWith(example.schemaName());
  }

  @Test
  void everyComponentSchemaIsRoundTrippedByAtLeastOneExample() {
    Set<String> roundTripped = new HashSet<>();
    modelExamples().forEach(example ->
        roundTripped.addAll(ModelRoundTrip.roundTrip(example.schemaName(), example.json(), example.pointer())));

    assertThat(roundTripped)
        .as("component schemas round-tripped through their generated class (enums through the fields that use them)")
        .containsAll(Spec.componentSchemaNames());
  }

  @Test
  void everyGeneratedModelClassIsAComponentSchemaOrTheAnyOfResponse() {
    Set<String> expected = new HashSet<>(Spec.componentSchemaNames());
    expected.add(ANY_OF_RESPONSE_CLASS);

    assertThat(generatedModelClassNames()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Top-level classes of the model package, listed from the compiled classes directory. */
  private static Set<String> generatedModelClassNames() {
    try {
      Path classes = Path.of(ModelRoundTrip.modelClass("Event").getProtectionDomain().getCodeSource().getLocation().toURI());
      Path modelDirectory = classes.resolve(ModelRoundTrip.MODEL_PACKAGE.replace('.', '/'));
      try (Stream<Path> files = Files.list(modelDirectory)) {
        return files.map(file -> file.getFileName().toString())
            .filter(name -> name.endsWith(".class") && !name.contains("$"))
            .map(name -> name.substring(0, name.length() - ".class".length()))
            .collect(Collectors.toSet());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
