package ai.honeyhive.internal.http;

import ai.honeyhive.client.SpecInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This library's own version, written into a resource by the build, and the User-Agent naming it and its spec. */
public final class ClientVersion {
  public static final String PACKAGE = "honeyhive-java";
  public static final String VERSION = load();

  private ClientVersion() {}

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = ClientVersion.class.getResourceAsStream("/ai/honeyhive/honeyhive-java.properties")) {
      if (in == null) {
        throw new IllegalStateException("honeyhive-java.properties is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  /**
   * Returns the User-Agent this client sends, naming the spec version it speaks, such as
   * {@code honeyhive-java/0.1.0 (spec 0.1.0; Java 17.0.15; Linux)}.
   */
  public static String userAgent() {
    return PACKAGE + "/" + VERSION + " (spec " + SpecInfo.version()
        + "; Java " + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")";
  }
}
