package ai.honeyhive.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.request.CustomRequestValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.ByteString;

/**
 * Checks requests and responses against the spec with swagger-request-validator, configured for what the spec means:
 *
 * <ul>
 *   <li>An object schema without {@code additionalProperties} is open, as OpenAPI defines it. The validator's default
 *       treats it as closed, which would reject the lenient legacy bodies, the extra fields a session response may
 *       carry, and every {@code allOf} composition. Explicit {@code additionalProperties: false} (the strict
 *       {@code /v1} bodies) is still enforced and reported as {@code validation.request.body.schema.additionalProperties}.
 *   <li>The spec's top-level {@code security} (bearer auth) applies to every operation. The validator only checks
 *       operation-level {@code security}, so {@link BearerAuthRequirement} checks the effective requirement.
 * </ul>
 */
final class ContractValidator {
  static final String SECURITY_MISSING = "validation.request.security.missing";

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(Spec.text())
          .withLevelResolver(LevelResolver.create()
              .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
              .build())
          .withCustomRequestValidation(new BearerAuthRequirement())
          .build();

  private ContractValidator() {}

  /** Validates a request exactly as MockWebServer received it: method, path, query, headers and body bytes. */
  static ValidationReport validateRequest(RecordedRequest recorded) {
    return VALIDATOR.validateRequest(toSimpleRequest(recorded));
  }

  /** Validates a response of {@code operation} with the given status and JSON body (none when {@code body} is empty). */
  static ValidationReport validateResponse(SpecOperation operation, int status, String body) {
    SimpleResponse.Builder response = new SimpleResponse.Builder(status);
    if (!body.isEmpty()) {
      response.withContentType("application/json").withBody(body);
    }
    return VALIDATOR.validateResponse(
        operation.examplePath(), Request.Method.valueOf(operation.method()), response.build());
  }

  static SimpleRequest toSimpleRequest(RecordedRequest recorded) {
    HttpUrl url = recorded.getUrl();
    SimpleRequest.Builder request = new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      request.withQueryParam(name, url.queryParameterValues(name));
    }
    for (String name : recorded.getHeaders().names()) {
      request.withHeader(name, recorded.getHeaders().values(name));
    }
    ByteString body = recorded.getBody();
    if (body != null && body.size() > 0) {
      request.withBody(body.toByteArray());
    }
    return request.build();
  }

  static String format(ValidationReport report) {
    return SimpleValidationReportFormat.getInstance().apply(report);
  }

  /** Asserts {@code report} has no errors, printing the whole report when it has. */
  static void assertConforms(ValidationReport report, String what) {
    assertThat(report.hasErrors()).as("%s conforms to the spec; validation report:%n%s", what, format(report)).isFalse();
  }

  /**
   * Applies the effective security requirement of each operation (its own {@code security}, else the spec's
   * top-level one): for an {@code http}/{@code bearer} scheme the request needs {@code Authorization: Bearer <token>}.
   * Any other kind of scheme fails loudly, so that a spec change cannot silently turn the check off.
   */
  static final class BearerAuthRequirement implements CustomRequestValidator {
    private static final Pattern BEARER = Pattern.compile("Bearer \\S+");

    @Override
    public ValidationReport validate(Request request, ApiOperation apiOperation) {
      JsonNode security = Spec.operation(apiOperation.getOperation().getOperationId()).node().get("security");
      if (security == null) {
        security = Spec.tree().path("security");
      }
      if (security.isEmpty()) {
        return ValidationReport.empty(); // no requirement, or `security: []` (explicitly anonymous)
      }
      boolean anyAlternativeMet = false;
      for (JsonNode alternative : security) {
        boolean allSchemesMet = true;
        for (String scheme : (Iterable<String>) alternative::fieldNames) {
          allSchemesMet &= bearerPresent(request, scheme);
        }
        anyAlternativeMet |= allSchemesMet;
      }
      if (anyAlternativeMet) {
        return ValidationReport.empty();
      }
      return ValidationReport.singleton(ValidationReport.Message.create(SECURITY_MISSING, String.format(
          "%s on path '%s' requires 'Authorization: Bearer <api key>'. None found.",
          request.getMethod(), request.getPath())).build());
    }

    private static boolean bearerPresent(Request request, String schemeName) {
      JsonNode scheme = Spec.tree().path("components").path("securitySchemes").path(schemeName);
      if (!scheme.path("type").asText().equals("http") || !scheme.path("scheme").asText().equalsIgnoreCase("bearer")) {
        throw new IllegalStateException("security scheme " + schemeName + " is not http/bearer; teach "
            + BearerAuthRequirement.class.getSimpleName() + " to check it");
      }
      return request.getHeaderValue("Authorization").filter(value -> BEARER.matcher(value).matches()).isPresent();
    }
  }
}
