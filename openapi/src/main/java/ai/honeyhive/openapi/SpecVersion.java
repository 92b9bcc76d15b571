package ai.honeyhive.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the spec's {@code info.version} without a YAML library (the client's runtime classpath has none): the first
 * {@code version:} key directly under the top-level {@code info:} mapping. The client reports it at run time
 * ({@code ai.honeyhive.client.SpecInfo}), and the build uses it to keep one version number.
 *
 * <p>As a program it is a build step of {@code honeyhive-openapi} (phase {@code validate}, before anything is
 * compiled or generated), launched as a single source file with no dependencies:
 * {@code java src/main/java/ai/honeyhive/openapi/SpecVersion.java <spec.yaml> <project version>}. It fails the build
 * when {@code info.version} is not the artifact's version without {@code -SNAPSHOT}: the two are one number kept in
 * two places, so that a build of artifact 0.2.0(-SNAPSHOT) always carries spec 0.2.0.
 *
 * <p>Exit status: 0 when the versions agree, 1 when they differ or the spec has no {@code info.version}, 2 on a usage
 * error.
 */
public final class SpecVersion {
  private SpecVersion() {}

  /**
   * Checks the spec's version against the project's, printing the verdict.
   *
   * @param args the spec file and the project version
   * @throws IOException if the spec cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java SpecVersion.java <spec.yaml> <project version>");
      System.exit(2);
    }
    Path spec = Path.of(args[0]);
    String expected = args[1].endsWith("-SNAPSHOT")
        ? args[1].substring(0, args[1].length() - "-SNAPSHOT".length())
        : args[1];
    String actual = infoVersion(Files.readString(spec, StandardCharsets.UTF_8));
    if (actual == null) {
      System.err.println("[spec-version] " + spec + " has no info.version");
      System.exit(1);
    }
    if (!actual.equals(expected)) {
      System.err.println("[spec-version] info.version of " + spec.getFileName() + " is " + actual
          + " but the artifact version is " + args[1] + ", which requires info.version " + expected + ".");
      System.err.println(
          "[spec-version] Change both together: see \"Spec versions and regeneration\" in openapi/README.md.");
      System.exit(1);
    }
    System.out.println("[spec-version] info.version " + actual + " matches artifact version " + args[1]);
  }

  /**
   * Returns the value of {@code info.version} in an OpenAPI document written as YAML.
   *
   * @param yaml the document
   * @return the version, unquoted, or null when the document has none
   */
  public static String infoVersion(String yaml) {
    String[] lines = yaml.replace("\uFEFF", "").split("\r?\n", -1);
    boolean inInfo = false;
    int childIndent = -1;
    for (String line : lines) {
      String content = stripComment(line);
      if (content.isBlank()) {
        continue;
      }
      int indent = content.length() - content.stripLeading().length();
      if (indent == 0) {
        if (inInfo) {
          return null;
        }
        inInfo = content.strip().equals("info:");
        continue;
      }
      if (!inInfo) {
        continue;
      }
      if (childIndent < 0) {
        childIndent = indent;
      }
      if (indent == childIndent && content.stripLeading().startsWith("version:")) {
        String value = content.strip().substring("version:".length()).strip();
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
            || value.startsWith("\"") && value.endsWith("\""))) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  /** Drops a trailing {@code # comment} (a {@code #} at the start or after a space, outside quotes). */
  private static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
