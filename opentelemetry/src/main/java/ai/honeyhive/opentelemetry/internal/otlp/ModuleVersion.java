package ai.honeyhive.opentelemetry.internal.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This module's version, written into a resource by the build, for the {@code hh-client-version} header. */
public final class ModuleVersion {
  /** The package name sent as {@code hh-client-package}. */
  public static final String PACKAGE = "honeyhive-opentelemetry";
  /** The version, or {@code unknown} when the resource is missing (a build that skipped resource filtering). */
  public static final String VERSION = load();

  private ModuleVersion() {}

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = ModuleVersion.class.getResourceAsStream(
        "/ai/honeyhive/opentelemetry/honeyhive-opentelemetry.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      return "unknown";
    }
    String version = properties.getProperty("version", "unknown");
    return version.startsWith("${") ? "unknown" : version;
  }
}
