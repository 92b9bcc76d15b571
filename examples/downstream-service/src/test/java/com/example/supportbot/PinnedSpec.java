package com.example.supportbot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * The spec this service pinned: {@code /honeyhive-openapi.yaml} from the {@code honeyhive-openapi} artifact that the
 * BOM put on the classpath, and the versions declared in the pom ({@code honeyhive.version},
 * {@code honeyhive.spec.version}), handed to the tests by Surefire.
 */
final class PinnedSpec {
  static final String RESOURCE = "/honeyhive-openapi.yaml";
  static final String HONEYHIVE_VERSION = required("honeyhive.version");
  static final String SPEC_VERSION = required("honeyhive.spec.version");

  private PinnedSpec() {}

  /** Returns the pinned spec as a stream that needs no closing, for {@code HoneyHiveTestServer.Builder#spec}. */
  static InputStream open() {
    return new ByteArrayInputStream(bytes());
  }

  /** Returns the pinned spec's bytes. */
  static byte[] bytes() {
    try (InputStream in = PinnedSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath: depend on honeyhive-openapi");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns where the pinned spec is read from: inside the honeyhive-openapi jar. */
  static URL location() {
    return PinnedSpec.class.getResource(RESOURCE);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set: run the tests with Maven");
    }
    return value;
  }
}
