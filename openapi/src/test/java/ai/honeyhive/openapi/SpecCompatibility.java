package ai.honeyhive.openapi;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate of the spec: compares a baseline document (the last released spec) with a current one using
 * openapi-diff, classifies the change, and decides whether the current {@code info.version} allows it.
 *
 * <p>The rule: an incompatible change needs a breaking version bump relative to the baseline, which is a new major
 * version or, while the major version is 0, a new minor version (see {@link SemVer#allowsBreakingChangeTo}). A
 * compatible change passes at any version, and the version may never go backwards.
 *
 * <p>openapi-diff judges compatibility from a client's side: removing an operation, narrowing what a request may
 * carry (an enum value removed, a field made required) or widening what a response may return is incompatible.
 * Its UNKNOWN result counts as incompatible.
 */
final class SpecCompatibility {
  /** What kind of change the current document is, relative to the baseline. */
  enum Change {
    UNCHANGED("unchanged"),
    METADATA("metadata only"),
    COMPATIBLE("compatible"),
    BREAKING("breaking");

    private final String label;

    Change(String label) {
      this.label = label;
    }

    static Change of(DiffResult result) {
      return switch (result) {
        case NO_CHANGES -> UNCHANGED;
        case METADATA -> METADATA;
        case COMPATIBLE -> COMPATIBLE;
        case UNKNOWN, INCOMPATIBLE -> BREAKING;
      };
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The gate's decision, with openapi-diff's own markdown description of the differences. */
  record Verdict(SemVer baseline, SemVer current, Change change, boolean passed, String reason, String differences) {
    /** Renders the report written to {@code target/spec-diff/}, naming the two documents compared. */
    String toMarkdown(String baselineName, String currentName) {
      StringBuilder md = new StringBuilder()
          .append("# HoneyHive OpenAPI spec: difference report\n\n")
          .append("| | |\n|---|---|\n")
          .append("| Baseline (last release) | `").append(baselineName).append("`, info.version ")
          .append(baseline).append(" |\n")
          .append("| Current | `").append(currentName).append("`, info.version ").append(current).append(" |\n")
          .append("| Change | ").append(change).append(" |\n")
          .append("| Gate | **").append(passed ? "PASS" : "FAIL").append("**: ").append(reason).append(" |\n\n")
          .append("Rule: an incompatible change needs a breaking version bump over the baseline: a new major version,")
          .append(" or while the major version is 0 a new minor version (0.1.x to 0.2.0). Compatible changes pass at")
          .append(" any version that does not go backwards.\n\n")
          .append("## Differences found by openapi-diff\n\n");
      md.append(differences.isBlank() ? "No differences in paths, operations, parameters or schemas.\n" : differences);
      return md.toString();
    }
  }

  private SpecCompatibility() {}

  /**
   * Compares two OpenAPI documents given as text (YAML or JSON) and judges the change.
   *
   * @throws IllegalArgumentException if either {@code info.version} is not {@code MAJOR.MINOR.PATCH}
   */
  static Verdict compare(String baselineText, String currentText) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(baselineText, currentText);
    SemVer baseline = SemVer.parse(diff.getOldSpecOpenApi().getInfo().getVersion());
    SemVer current = SemVer.parse(diff.getNewSpecOpenApi().getInfo().getVersion());
    Change change = Change.of(diff.isChanged());
    String differences = change == Change.UNCHANGED ? "" : new MarkdownRender().render(diff);
    return judge(baseline, current, change, differences);
  }

  /** Applies the version rule to a classified change. */
  static Verdict judge(SemVer baseline, SemVer current, Change change, String differences) {
    if (current.compareTo(baseline) < 0) {
      return new Verdict(baseline, current, change, false,
          "info.version goes backwards, from " + baseline + " to " + current, differences);
    }
    if (change == Change.BREAKING && !baseline.allowsBreakingChangeTo(current)) {
      return new Verdict(baseline, current, change, false,
          "incompatible change without a breaking version bump: " + baseline + " to " + current
              + "; set info.version (and the project version) to " + baseline.nextBreaking()
              + " or later, or make the change compatible",
          differences);
    }
    String reason = switch (change) {
      case UNCHANGED -> "no change to the API";
      case METADATA -> "only descriptions or other metadata changed";
      case COMPATIBLE -> "compatible change";
      case BREAKING -> "incompatible change with a breaking version bump, " + baseline + " to " + current;
    };
    return new Verdict(baseline, current, change, true, reason, differences);
  }
}
