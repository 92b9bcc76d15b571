package ai.honeyhive.testing;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of the tests that talk to a test server in raw HTTP, for requests no client would build: a
 * {@link HoneyHiveTestServer} and an {@link Http} to it, started when the fixture is made and closed together (HTTP
 * first). Register it in an instance field, and take the two from it:
 *
 * <pre>{@code
 * @RegisterExtension
 * final RawServer raw = RawServer.start();
 * private final HoneyHiveTestServer server = raw.server();
 * private final Http http = raw.http();
 * }</pre>
 *
 * <p>Both are closed after each test, or, in a class with {@link TestInstance.Lifecycle#PER_CLASS}, after the last.
 * Like {@link HoneyHiveTestServerExtension}, the fixture then fails the test if the server recorded a validation error
 * (a request the real API would reject, or an answer of its own that breaks the spec), unless made with
 * {@link #acceptingInvalidRequests()} for tests that send such requests on purpose.
 */
final class RawServer implements AfterEachCallback, AfterAllCallback {
  private final HoneyHiveTestServer server;
  private final Http http;
  private boolean failOnValidationErrors = true;
  private boolean closed;

  private RawServer(HoneyHiveTestServer server) {
    this.server = server;
    this.http = new Http(server);
  }

  /** Starts a server with every option at its default. */
  static RawServer start() {
    return start(options -> options);
  }

  /** Starts a server with {@code options}, such as a fixed clock. */
  static RawServer start(UnaryOperator<HoneyHiveTestServer.Builder> options) {
    return new RawServer(options.apply(HoneyHiveTestServer.builder()).start());
  }

  /** Lets the test end with validation errors recorded, for tests that send invalid requests on purpose. */
  RawServer acceptingInvalidRequests() {
    this.failOnValidationErrors = false;
    return this;
  }

  HoneyHiveTestServer server() {
    return server;
  }

  Http http() {
    return http;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
        == TestInstance.Lifecycle.PER_METHOD) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      http.close();
    } finally {
      server.close();
    }
    List<String> errors = server.validationErrors();
    if (failOnValidationErrors && !errors.isEmpty()) {
      throw new AssertionError("the test server recorded " + errors.size() + " validation error(s):\n  "
          + String.join("\n  ", errors));
    }
  }
}
