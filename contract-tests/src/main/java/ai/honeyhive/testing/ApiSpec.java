package ai.honeyhive.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One version of the OpenAPI document, parsed once and shared: its operations, the fields of its {@code Event} schema
 * and a validator for requests and responses. Building the validator takes about a second, so instances are cached
 * by the document's text.
 *
 * <p>The validator follows OpenAPI's meaning of {@code additionalProperties}: an object schema that does not declare
 * it is open (the validator's default would close it, rejecting the lenient legacy bodies and every {@code allOf});
 * an explicit {@code additionalProperties: false}, as on the strict {@code /v1} bodies, is enforced.
 */
final class ApiSpec {
  /** Where the {@code honeyhive-openapi} artifact puts the spec on the classpath. */
  static final String CLASSPATH_RESOURCE = "/honeyhive-openapi.yaml";

  /** The fields of an event when the spec has no {@code Event} schema to read them from. */
  private static final Set<String> DEFAULT_EVENT_FIELDS = Set.of("event_id", "session_id", "parent_id", "event_type",
      "event_name", "source", "project_id", "children_ids", "config", "inputs", "outputs", "error", "metadata",
      "metrics", "feedback", "user_properties", "start_time", "end_time", "duration");

  private static final ConcurrentMap<String, ApiSpec> CACHE = new ConcurrentHashMap<>();

  private final OpenApiInteractionValidator validator;
  private final List<SpecOperation> operations;
  private final Set<String> eventFields;
  /** The query parameters each operation declares, by operationId. */
  private final Map<String, Set<String>> queryParameters;

  private ApiSpec(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      throw new IllegalArgumentException("not an OpenAPI 3 document: " + result.getMessages());
    }
    this.operations = List.copyOf(operationsOf(api));
    this.queryParameters = queryParametersOf(api);
    this.eventFields = eventFieldsOf(api);
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
            // HoneyHive's spec documents no body for the update answers, yet its service answers JSON (its Python
            // SDK parses it), and so does this server: a body where none is documented is not an error.
            .withLevel("validation.response.body.unexpected", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /**
   * Returns the parsed form of {@code text}, from the cache when that text was parsed before.
   *
   * @throws IllegalArgumentException if {@code text} is not an OpenAPI 3 document
   */
  static ApiSpec of(String text) {
    return CACHE.computeIfAbsent(text, ApiSpec::new);
  }

  /**
   * Reads the spec of the {@code honeyhive-openapi} artifact from the classpath.
   *
   * @throws IllegalStateException if the artifact is not on the classpath
   */
  static String defaultText() {
    try (InputStream in = ApiSpec.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CLASSPATH_RESOURCE
            + " is not on the classpath: add ai.honeyhive:honeyhive-openapi, or pass a spec to the builder");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Every operation, in document order. */
  List<SpecOperation> operations() {
    return operations;
  }

  /** The properties of the spec's {@code Event} schema: the fields the server stores and returns for an event. */
  Set<String> eventFields() {
    return eventFields;
  }

  /**
   * Finds the operation for {@code method} and {@code path}. A literal path segment wins over a template.
   *
   * @return the match; {@link Match#operation()} is null when nothing matches
   */
  Match match(String method, String path) {
    List<SpecOperation> candidates = new ArrayList<>();
    boolean pathKnown = false;
    for (SpecOperation operation : operations) {
      if (operation.match(path) != null) {
        pathKnown = true;
        if (operation.method().equals(method)) {
          candidates.add(operation);
        }
      }
    }
    candidates.sort(Comparator.comparingInt(SpecOperation::templateSegments));
    if (candidates.isEmpty()) {
      return new Match(null, Map.of(), pathKnown);
    }
    SpecOperation best = candidates.get(0);
    return new Match(best, best.match(path), true);
  }

  /** Validates a request. Synchronized: the validator is not documented as thread-safe. */
  synchronized ValidationReport validateRequest(Request request) {
    return validator.validateRequest(request);
  }

  /** Validates a response to {@code method path}. Synchronized like {@link #validateRequest}. */
  synchronized ValidationReport validateResponse(String path, Request.Method method, Response response) {
    return validator.validateResponse(path, method, response);
  }

  private static List<SpecOperation> operationsOf(OpenAPI api) {
    List<SpecOperation> operations = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      path.getValue().readOperationsMap().forEach((method, operation) -> operations.add(new SpecOperation(
          operation.getOperationId() != null ? operation.getOperationId()
              : method + " " + path.getKey(),
          method.name().toUpperCase(Locale.ROOT), path.getKey())));
    }
    return operations;
  }

  /** The names of the query parameters operation {@code operationId} declares; empty when it declares none. */
  Set<String> queryParameters(String operationId) {
    return queryParameters.getOrDefault(operationId, Set.of());
  }

  private static Map<String, Set<String>> queryParametersOf(OpenAPI api) {
    Map<String, Set<String>> byOperation = new java.util.HashMap<>();
    api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
      Set<String> names = new LinkedHashSet<>();
      if (operation.getParameters() != null) {
        operation.getParameters().stream()
            .filter(parameter -> "query".equals(parameter.getIn()))
            .forEach(parameter -> names.add(parameter.getName()));
      }
      if (operation.getOperationId() != null) {
        byOperation.put(operation.getOperationId(), Set.copyOf(names));
      }
    }));
    return Map.copyOf(byOperation);
  }

  private static Set<String> eventFieldsOf(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return DEFAULT_EVENT_FIELDS;
    }
    Schema<?> event = api.getComponents().getSchemas().get("Event");
    if (event == null || event.getProperties() == null) {
      return DEFAULT_EVENT_FIELDS;
    }
    return Set.copyOf(new LinkedHashSet<>(event.getProperties().keySet()));
  }

  /**
   * The outcome of {@link #match}.
   *
   * @param operation the matched operation, or null
   * @param pathParameters the values of the path's {@code {name}} segments
   * @param pathKnown whether some operation has this path (with another method, when {@code operation} is null)
   */
  record Match(SpecOperation operation, Map<String, String> pathParameters, boolean pathKnown) {}
}
