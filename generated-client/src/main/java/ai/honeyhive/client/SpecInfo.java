package ai.honeyhive.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The OpenAPI document on the classpath: the {@code /honeyhive-openapi.yaml} resource of the
 * {@code honeyhive-openapi} artifact, which this client was generated from. The resource is read once, on first use.
 *
 * <p>The version is read from the YAML text without a YAML library (none may be on the client's runtime classpath):
 * it is the first {@code version:} key directly under the top-level {@code info:} mapping, with surrounding quotes
 * removed. The build enforces the same reading of the same file ({@code openapi/src/build/CheckSpecVersion.java}),
 * and {@code info.version} always equals the artifact version without {@code -SNAPSHOT}.
 */
public final class SpecInfo {
  /** Where the {@code honeyhive-openapi} artifact puts the spec on the classpath. */
  private static final String RESOURCE = "/honeyhive-openapi.yaml";

  private static final Object LOCK = new Object();
  private static volatile Loaded loaded;

  private SpecInfo() {}

  /**
   * Returns the spec's {@code info.version}, such as {@code 0.1.0}.
   *
   * @return the version of the packaged spec
   * @throws IllegalStateException if the spec is not on the classpath or has no {@code info.version}
   */
  public static String version() {
    return loaded().version;
  }

  /**
   * Returns the SHA-256 digest of the packaged spec's bytes, as 64 lowercase hexadecimal digits. Two builds with
   * the same digest were generated from the same document, whatever their version numbers say.
   *
   * @return the hex-encoded SHA-256 of the spec resource
   * @throws IllegalStateException if the spec is not on the classpath or has no {@code info.version}
   */
  public static String sha256() {
    return loaded().sha256;
  }

  private static Loaded loaded() {
    Loaded result = loaded;
    if (result == null) {
      synchronized (LOCK) {
        result = loaded;
        if (result == null) {
          result = load();
          loaded = result;
        }
      }
    }
    return result;
  }

  private static Loaded load() {
    byte[] bytes;
    try (InputStream in = SpecInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: add ai.honeyhive:honeyhive-openapi");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    String version = infoVersion(new String(bytes, StandardCharsets.UTF_8));
    if (version == null) {
      throw new IllegalStateException(RESOURCE + " has no info.version");
    }
    return new Loaded(version, sha256Hex(bytes));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e); // every Java SE platform must provide it
    }
  }

  /** Returns the value of {@code info.version} in a YAML document, or null when there is none. */
  static String infoVersion(String yaml) {
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

  /** Drops a trailing {@code # comment}: a {@code #} at the start or after whitespace, outside quotes. */
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

  private static final class Loaded {
    final String version;
    final String sha256;

    Loaded(String version, String sha256) {
      this.version = version;
      this.sha256 = sha256;
    }
  }
}
