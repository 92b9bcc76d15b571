package ai.honeyhive.testing.contract;

import ai.honeyhive.testing.HoneyHiveTestServer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the whole contract suite exercised, gathered from every test's server: the operations called successfully,
 * the validation errors seen, and the deliberately broken requests the server caught. Read by
 * {@link ContractCoverageCheckTest}, which runs last.
 */
final class ContractCoverage {
  private static final Set<String> exercised = new LinkedHashSet<>();
  private static final List<String> validationErrors = new ArrayList<>();
  private static int brokenRequestsCaught;

  private ContractCoverage() {}

  /** Adds what {@code server} saw. */
  static synchronized void record(HoneyHiveTestServer server) {
    exercised.addAll(server.exercisedOperationIds());
    validationErrors.addAll(server.validationErrors());
  }

  /**
   * Adds the operations {@code server} saw exercised, leaving out its validation errors: for a test whose broken
   * requests are deliberate and counted with {@link #recordBrokenRequestCaught()}.
   */
  static synchronized void recordExercised(HoneyHiveTestServer server) {
    exercised.addAll(server.exercisedOperationIds());
  }

  /** Counts one deliberately broken request that the server rejected as the spec requires. */
  static synchronized void recordBrokenRequestCaught() {
    brokenRequestsCaught++;
  }

  /** The suite's coverage of {@code specOperationIds} so far. */
  static synchronized Report report(Collection<String> specOperationIds) {
    return new Report(Set.copyOf(specOperationIds), Set.copyOf(exercised), List.copyOf(validationErrors),
        brokenRequestsCaught);
  }

  /**
   * The coverage of a spec by a suite.
   *
   * @param specOperations every operationId of the spec
   * @param exercised the operationIds the suite called with a valid request and a 2xx answer
   * @param validationErrors the validation errors the suite's servers recorded
   * @param brokenRequestsCaught how many deliberately broken requests were rejected
   */
  record Report(Set<String> specOperations, Set<String> exercised, List<String> validationErrors,
      int brokenRequestsCaught) {
    /** The operations of the spec the suite never exercised, sorted. */
    List<String> missing() {
      return specOperations.stream().filter(id -> !exercised.contains(id)).sorted().toList();
    }

    /** {@code Contract coverage: 14/14 operations (100%), 0 validation errors, 2 broken requests caught}. */
    String line() {
      int covered = specOperations.size() - missing().size();
      int percent = specOperations.isEmpty() ? 0 : (int) Math.floor(100.0 * covered / specOperations.size());
      return String.format(Locale.ROOT,
          "Contract coverage: %d/%d operations (%d%%), %d validation errors, %d deliberately broken requests caught",
          covered, specOperations.size(), percent, validationErrors.size(), brokenRequestsCaught);
    }

    /** Throws when an operation was never exercised, a validation error was seen, or the spec has no operations. */
    void verify() {
      List<String> problems = new ArrayList<>();
      if (specOperations.isEmpty()) {
        problems.add("the spec has no operations");
      }
      if (!missing().isEmpty()) {
        problems.add("operations never exercised: " + missing());
      }
      if (!validationErrors.isEmpty()) {
        problems.add("validation errors:\n  " + String.join("\n  ", validationErrors));
      }
      if (!problems.isEmpty()) {
        throw new AssertionError(line() + "\n" + String.join("\n", problems));
      }
    }
  }
}
