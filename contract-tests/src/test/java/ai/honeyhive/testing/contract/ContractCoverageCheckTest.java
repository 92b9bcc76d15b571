package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (see {@code junit-platform.properties}) and checks that the contract suite
 * exercised every operation of the spec without a single validation error; prints the coverage. Run on its own
 * (or with part of the suite) it fails, naming the operations nothing exercised.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageCheckTest {
  @Test
  void everyOperationOfTheSpecWasExercisedWithoutValidationErrors() throws IOException {
    Set<String> specOperations = operationIdsOfTheSpec();
    ContractCoverage.Report report = ContractCoverage.report(specOperations);

    System.out.println(report.line());
    report.verify();
  }

  /** Reads the operationIds straight from the spec on the classpath, independently of the server. */
  static Set<String> operationIdsOfTheSpec() throws IOException {
    String text;
    try (InputStream in = ContractCoverageCheckTest.class.getResourceAsStream("/honeyhive-openapi.yaml")) {
      assertThat(in).as("the honeyhive-openapi artifact on the test classpath").isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    OpenAPI api = new OpenAPIV3Parser().readContents(text).getOpenAPI();
    Set<String> ids = new LinkedHashSet<>();
    api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> ids.add(op.getOperationId())));
    return ids;
  }
}
