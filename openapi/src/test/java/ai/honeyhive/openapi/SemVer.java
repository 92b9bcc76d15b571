package ai.honeyhive.openapi;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A spec version {@code MAJOR.MINOR.PATCH}; a pre-release or build suffix is kept in the text but not compared. */
record SemVer(int major, int minor, int patch, String text) implements Comparable<SemVer> {
  private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)([-+].*)?");
  private static final Comparator<SemVer> ORDER =
      Comparator.comparingInt(SemVer::major).thenComparingInt(SemVer::minor).thenComparingInt(SemVer::patch);

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException if it is not of the form {@code MAJOR.MINOR.PATCH}
   */
  static SemVer parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("info.version must be MAJOR.MINOR.PATCH, was " + text);
    }
    return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
        text.strip());
  }

  /**
   * Whether going from {@code this} to {@code next} may break clients. Semantic versioning: a new major version.
   * While the major version is 0 (initial development, where semver promises nothing) this project treats a new
   * minor version as the breaking bump, so 0.1.x to 0.2.0 may break and 0.1.0 to 0.1.1 may not.
   */
  boolean allowsBreakingChangeTo(SemVer next) {
    if (next.major != major) {
      return next.major > major;
    }
    return major == 0 && next.minor > minor;
  }

  /** The smallest version after this one that may break clients: 0.2.0 after 0.1.3, 2.0.0 after 1.4.0. */
  SemVer nextBreaking() {
    return major == 0 ? new SemVer(0, minor + 1, 0, "0." + (minor + 1) + ".0")
        : new SemVer(major + 1, 0, 0, (major + 1) + ".0.0");
  }

  @Override
  public int compareTo(SemVer other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return text;
  }
}
