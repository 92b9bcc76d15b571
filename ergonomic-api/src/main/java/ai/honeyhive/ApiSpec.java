package ai.honeyhive;

import ai.honeyhive.client.SpecInfo;

/**
 * The version of HoneyHive's OpenAPI document this client speaks: the spec packaged in the {@code honeyhive-openapi}
 * artifact on the classpath, from which the client was generated. Requests announce it in their User-Agent, such as
 * {@code honeyhive-java/0.1.0 (spec 0.1.0; Java 17.0.15; Linux)}, and the client's jar records it in its manifest as
 * {@code HoneyHive-Spec-Version}.
 *
 * <p>A service that pins a spec version through {@code honeyhive-bom} can check at start-up or in a test that it got
 * the one it expects:
 *
 * <pre>{@code
 * if (!ApiSpec.version().equals("0.1.0")) {
 *   throw new IllegalStateException("built against HoneyHive spec 0.1.0, found " + ApiSpec.version());
 * }
 * }</pre>
 *
 * <p>The spec is read once, on first use.
 */
public final class ApiSpec {
  private ApiSpec() {}

  /**
   * Returns the spec's {@code info.version}, such as {@code 0.1.0}. It equals the version of the
   * {@code honeyhive-openapi} artifact without {@code -SNAPSHOT}.
   *
   * @return the version of the spec on the classpath
   * @throws IllegalStateException if the spec is missing from the classpath or has no {@code info.version}
   */
  public static String version() {
    return SpecInfo.version();
  }

  /**
   * Returns the SHA-256 digest of the spec's bytes as 64 lowercase hexadecimal digits: it tells two documents apart
   * even when their version numbers are the same.
   *
   * @return the hex-encoded SHA-256 of the spec resource
   * @throws IllegalStateException if the spec is missing from the classpath or has no {@code info.version}
   */
  public static String sha256() {
    return SpecInfo.sha256();
  }
}
