package ai.honeyhive.client;

import ai.honeyhive.openapi.SpecVersion;
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
    String version = SpecVersion.infoVersion(new String(bytes, StandardCharsets.UTF_8));
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

  private static final class Loaded {
    final String version;
    final String sha256;

    Loaded(String version, String sha256) {
      this.version = version;
      this.sha256 = sha256;
    }
  }
}
