package ai.honeyhive.testing;

import ai.honeyhive.HoneyHive;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test its own {@link HoneyHiveTestServer} on a free loopback port and a
 * {@link HoneyHive} client pointed at it, as parameters of the test method (and of its {@code @BeforeEach} and
 * {@code @AfterEach} methods, which get the same instances):
 *
 * <pre>{@code
 * @ExtendWith(HoneyHiveTestServerExtension.class)
 * class CheckoutTracingTest {
 *   @Test
 *   void checkoutIsTraced(HoneyHive hh, HoneyHiveTestServer server) {
 *     new CheckoutService(hh).checkout("cart-1");
 *     assertThat(server.eventsOfType("tool")).extracting(StoredEvent::eventName).contains("charge-card");
 *   }
 * }
 * }</pre>
 *
 * <p>The client is {@link HoneyHiveTestServer#clientBuilder()}: the server's API key and URL, a sleeper that does
 * not wait, so retries are instant, and the batched delivery that production uses. Every query of the server first
 * flushes that client ({@link HoneyHiveTestServer#flushBeforeQueries}), so a test reads what the code under test
 * wrote without calling {@code flush} itself; add {@code .client(c -> c.deliveryMode(DeliveryMode.SYNCHRONOUS))} to
 * send each write on the calling thread instead. The server and client start when a test first asks for either and
 * are closed after the test, client first. By default
 * a test fails when the server recorded a validation error, so a request that the real API would reject cannot pass
 * unnoticed. To change any of this, register the extension in a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HoneyHiveTestServerExtension HH = HoneyHiveTestServerExtension.builder()
 *     .server(server -> server.spec(pinnedSpec()))
 *     .client(client -> client.routeFamily(RouteFamily.LEGACY))
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and may be shared by every test of a class. Parameters are resolved for test methods
 * and their {@code @BeforeEach}/{@code @AfterEach} methods only, not for constructors or {@code @BeforeAll}.
 */
public final class HoneyHiveTestServerExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HoneyHiveTestServerExtension.class);

  private final Consumer<HoneyHiveTestServer.Builder> serverOptions;
  private final Consumer<HoneyHive.Builder> clientOptions;
  private final boolean failOnValidationErrors;

  /** Creates the extension with every option at its default, for {@code @ExtendWith}. */
  public HoneyHiveTestServerExtension() {
    this(builder());
  }

  private HoneyHiveTestServerExtension(Builder builder) {
    this.serverOptions = builder.serverOptions;
    this.clientOptions = builder.clientOptions;
    this.failOnValidationErrors = builder.failOnValidationErrors;
  }

  /** Returns a builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Supports parameters of type {@link HoneyHiveTestServer} and {@link HoneyHive}. */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == HoneyHiveTestServer.class || type == HoneyHive.class;
  }

  /**
   * Returns the test's server or client, starting both on first use in the test.
   *
   * @throws ParameterResolutionException if asked for outside a test method and its {@code @BeforeEach} and
   *     {@code @AfterEach} methods (a constructor, {@code @BeforeAll})
   * @throws IllegalStateException if the server cannot be started, such as without a spec on the classpath
   */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (extensionContext.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(HoneyHiveTestServerExtension.class.getSimpleName()
          + " starts one server per test: ask for it in a test, @BeforeEach or @AfterEach method, not in "
          + parameterContext.getDeclaringExecutable());
    }
    Resources resources = extensionContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Resources.class, key -> start(), Resources.class);
    return parameterContext.getParameter().getType() == HoneyHive.class ? resources.client : resources.server;
  }

  /**
   * Closes the test's client and server, then, when {@linkplain Builder#failOnValidationErrors enabled}, fails the
   * test if the server recorded validation errors.
   */
  @Override
  public void afterEach(ExtensionContext context) {
    Resources resources = context.getStore(NAMESPACE).remove(Resources.class, Resources.class);
    if (resources == null) {
      return;
    }
    try {
      resources.client.close();
    } finally {
      resources.server.close();
    }
    List<String> errors = resources.server.validationErrors();
    if (failOnValidationErrors && !errors.isEmpty()) {
      throw new AssertionError("the HoneyHive test server recorded " + errors.size()
          + " validation error(s):\n  " + String.join("\n  ", errors));
    }
  }

  private Resources start() {
    HoneyHiveTestServer.Builder serverBuilder = HoneyHiveTestServer.builder();
    serverOptions.accept(serverBuilder);
    HoneyHiveTestServer server = serverBuilder.start();
    try {
      HoneyHive.Builder clientBuilder = server.clientBuilder();
      clientOptions.accept(clientBuilder);
      HoneyHive client = clientBuilder.build();
      server.flushBeforeQueries(client);
      return new Resources(server, client);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Returns the extension's settings, for test output; the format may change. */
  @Override
  public String toString() {
    return "HoneyHiveTestServerExtension{failOnValidationErrors=" + failOnValidationErrors + "}";
  }

  /** One test's server and client. */
  private static final class Resources {
    final HoneyHiveTestServer server;
    final HoneyHive client;

    Resources(HoneyHiveTestServer server, HoneyHive client) {
      this.server = server;
      this.client = client;
    }
  }

  /** Configures a {@link HoneyHiveTestServerExtension}. Not thread-safe; the built extension is immutable. */
  public static final class Builder {
    private Consumer<HoneyHiveTestServer.Builder> serverOptions = options -> { };
    private Consumer<HoneyHive.Builder> clientOptions = options -> { };
    private boolean failOnValidationErrors = true;

    Builder() {}

    /**
     * Sets options of each test's server, such as a pinned spec or a required API key; called on a fresh builder
     * for every test. Default: none, see {@link HoneyHiveTestServer#builder()}.
     *
     * @throws NullPointerException if {@code options} is null
     */
    public Builder server(Consumer<HoneyHiveTestServer.Builder> options) {
      if (options == null) {
        throw new NullPointerException("options == null");
      }
      this.serverOptions = options;
      return this;
    }

    /**
     * Sets options of each test's client, applied after the server's key, URL, non-waiting sleeper and batched
     * delivery (flushed before every query of the server), so it may override them; such as {@code routeFamily(RouteFamily.LEGACY)}. Default: none.
     *
     * @throws NullPointerException if {@code options} is null
     */
    public Builder client(Consumer<HoneyHive.Builder> options) {
      if (options == null) {
        throw new NullPointerException("options == null");
      }
      this.clientOptions = options;
      return this;
    }

    /**
     * Whether a test fails when its server recorded a validation error (of a request, or of the server's own
     * response). Default true; turn it off for tests that send invalid requests on purpose.
     */
    public Builder failOnValidationErrors(boolean failOnValidationErrors) {
      this.failOnValidationErrors = failOnValidationErrors;
      return this;
    }

    /** Builds the extension. */
    public HoneyHiveTestServerExtension build() {
      return new HoneyHiveTestServerExtension(this);
    }
  }
}
