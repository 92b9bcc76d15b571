package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coverage check fails when it must, and prints what it found. */
class ContractCoverageReportTest {
  @Test
  void fullCoverageWithoutErrorsPasses() {
    ContractCoverage.Report report =
        new ContractCoverage.Report(Set.of("createEvent", "getEvent"), Set.of("createEvent", "getEvent"), List.of(), 2);

    report.verify();
    assertThat(report.line())
        .isEqualTo("Contract coverage: 2/2 operations (100%), 0 validation errors, 2 deliberately broken requests caught");
  }

  @Test
  void anOperationNeverExercisedFailsTheCheckAndIsNamed() {
    ContractCoverage.Report report = new ContractCoverage.Report(
        Set.of("createEvent", "getEvent", "searchEvents"), Set.of("createEvent"), List.of(), 0);

    assertThat(report.missing()).containsExactly("getEvent", "searchEvents");
    assertThatThrownBy(report::verify)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Contract coverage: 1/3 operations (33%)")
        .hasMessageContaining("operations never exercised: [getEvent, searchEvents]");
  }

  @Test
  void aValidationErrorFailsTheCheckEvenWithFullCoverage() {
    ContractCoverage.Report report = new ContractCoverage.Report(Set.of("createEvent"), Set.of("createEvent"),
        List.of("POST /v1/events (createEvent) -> 400: request [validation.request.body.schema.enum] event_type"), 0);

    assertThatThrownBy(report::verify).hasMessageContaining("1 validation errors").hasMessageContaining("event_type");
  }

  @Test
  void aSpecWithoutOperationsFailsTheCheck() {
    assertThatThrownBy(new ContractCoverage.Report(Set.of(), Set.of(), List.of(), 0)::verify)
        .hasMessageContaining("the spec has no operations");
  }
}
