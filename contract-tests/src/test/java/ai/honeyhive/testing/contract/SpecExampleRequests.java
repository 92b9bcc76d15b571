package ai.honeyhive.testing.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One request per operation of the spec, made from the spec's own examples: path parameters, required query
 * parameters and the JSON body. For the routes no client code drives against Prism (the evaluation routes: datasets,
 * runs, metrics, charts, queues, configurations), so Prism checks every operation of the spec.
 */
final class SpecExampleRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where a path parameter has no example: a UUID where the spec says {@code format: uuid}, else an opaque id. */
  private static final String OPAQUE_ID = "663876ec4611c47f4970f0c3";
  private static final String UUID_ID = "3f0b8c1e-6a0d-4c55-9d47-1d6f2c8a9b10";

  private SpecExampleRequests() {}

  /** An operation and the request made from its examples. */
  record ExampleRequest(String operationId, Request request) {}

  /** Returns the requests of every operation of the classpath spec, but those in {@code skip}. */
  static List<ExampleRequest> all(String baseUrl, java.util.Set<String> skip) throws IOException {
    OpenAPI api = parse();
    List<ExampleRequest> requests = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        if (skip.contains(operation.getOperationId())) {
          continue;
        }
        List<Parameter> parameters = new ArrayList<>();
        if (path.getValue().getParameters() != null) {
          parameters.addAll(path.getValue().getParameters());
        }
        if (operation.getParameters() != null) {
          parameters.addAll(operation.getParameters());
        }
        String url = baseUrl + path(path.getKey(), parameters) + query(parameters);
        RequestBody body = body(operation);
        if (body == null && (entry.getKey() == PathItem.HttpMethod.POST || entry.getKey() == PathItem.HttpMethod.PUT)) {
          body = RequestBody.create(new byte[0]); // a POST without a body (deploying a metric version)
        }
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer hh-prism-key")
            .method(entry.getKey().name(), body).build();
        requests.add(new ExampleRequest(operation.getOperationId(), request));
      }
    }
    return requests;
  }

  private static String path(String template, List<Parameter> parameters) {
    String path = template;
    for (Parameter parameter : parameters) {
      if ("path".equals(parameter.getIn())) {
        path = path.replace("{" + parameter.getName() + "}", encode(String.valueOf(example(parameter))));
      }
    }
    return path;
  }

  private static String query(List<Parameter> parameters) {
    StringBuilder query = new StringBuilder();
    for (Parameter parameter : parameters) {
      if ("query".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
        query.append(query.length() == 0 ? "?" : "&").append(encode(parameter.getName())).append('=')
            .append(encode(String.valueOf(example(parameter))));
      }
    }
    return query.toString();
  }

  private static Object example(Parameter parameter) {
    if (parameter.getExample() != null) {
      return parameter.getExample();
    }
    Schema<?> schema = parameter.getSchema();
    if (schema != null && schema.getExample() != null) {
      return schema.getExample();
    }
    return schema != null && "uuid".equals(schema.getFormat()) ? UUID_ID : OPAQUE_ID;
  }

  private static RequestBody body(Operation operation) throws JsonProcessingException {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      return null;
    }
    MediaType json = operation.getRequestBody().getContent().get("application/json");
    if (json == null) {
      return null;
    }
    Object example = json.getExample();
    if (example == null && json.getExamples() != null && !json.getExamples().isEmpty()) {
      Example first = json.getExamples().values().iterator().next();
      example = first.getValue();
    }
    if (example == null && json.getSchema() != null) {
      example = json.getSchema().getExample();
    }
    if (example == null) {
      throw new IllegalStateException(operation.getOperationId() + " has a JSON body but no example in the spec");
    }
    return RequestBody.create(JSON.writeValueAsString(example), okhttp3.MediaType.get("application/json"));
  }

  private static OpenAPI parse() throws IOException {
    try (InputStream in = SpecExampleRequests.class.getResourceAsStream("/honeyhive-openapi.yaml")) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options)
          .getOpenAPI();
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
