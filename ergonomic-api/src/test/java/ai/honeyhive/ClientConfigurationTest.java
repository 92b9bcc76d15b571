package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.InternalServerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a client is configured (builder, environment, system properties) and what every request it sends carries.
 * Environment variables are injected through {@code Builder.fromEnv(Function)}, so no test depends on the machine's
 * environment.
 */
class ClientConfigurationTest {
  private static final String SESSION_ID = "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80";

  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // fromEnv: every variable of the table in HoneyHive's Javadoc

  @Test
  void hhApiKeyIsSentAsTheBearerToken() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "hh-env-key-1234", "HH_API_URL", mockUrl()));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer hh-env-key-1234");
    hh.close();
  }

  @Test
  void hhApiUrlIsWhereRequestsGo() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", mockUrl()));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(hh.baseUrl()).isEqualTo(mock.server.url("/").toString());
    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/sessions");
    hh.close();
  }

  @Test
  void hhSourceIsTheDefaultSourceOfSessionsAndEvents() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", mockUrl(), "HH_SOURCE", "staging"));
    mock.enqueueOk(2);

    hh.session("chat").start().tool("search").log();

    assertThat(MockHoneyHive.body(mock.takeRequest())).containsEntry("source", "staging");
    assertThat(MockHoneyHive.body(mock.takeRequest())).containsEntry("source", "staging");
    hh.close();
  }

  @Test
  void hhConnectTimeoutSetsTheConnectTimeoutInSeconds() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_CONNECT_TIMEOUT", "2.5"));

    assertThat(httpClientOf(hh).connectTimeoutMillis()).isEqualTo(2500);
    hh.close();
  }

  @Test
  void hhApiTimeoutSetsTheReadAndWriteTimeoutsInSeconds() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_TIMEOUT", "45"));

    assertThat(httpClientOf(hh).readTimeoutMillis()).isEqualTo(45_000);
    assertThat(httpClientOf(hh).writeTimeoutMillis()).isEqualTo(45_000);
    hh.close();
  }

  @Test
  void hhCallTimeoutSetsTheWholeCallTimeoutInSeconds() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_CALL_TIMEOUT", "120"));

    assertThat(httpClientOf(hh).callTimeoutMillis()).isEqualTo(120_000);
    hh.close();
  }

  @Test
  void withoutTimeoutVariablesTheDocumentedDefaultsApply() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k"));

    assertThat(httpClientOf(hh).connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(httpClientOf(hh).readTimeoutMillis()).isEqualTo(30_000);
    assertThat(httpClientOf(hh).callTimeoutMillis()).isZero();
    hh.close();
  }

  @Test
  void hhMaxRetriesLimitsTheAttemptsOfAFailingCall() {
    HoneyHive hh = HoneyHive.builder()
        .fromEnv(env("HH_API_KEY", "k", "HH_API_URL", mockUrl(), "HH_MAX_RETRIES", "1"))
        .sleeper(mock.sleeps::add)
        .deliveryMode(DeliveryMode.SYNCHRONOUS)
        .build();
    mock.enqueueJson(503, "{\"message\":\"busy\"}").enqueueJson(503, "{\"message\":\"busy\"}").enqueueOk();

    assertThatThrownBy(() -> hh.attachSession(SESSION_ID).tool("t").log())
        .isInstanceOf(InternalServerException.class);
    assertThat(mock.requestCount()).isEqualTo(2);
    hh.close();
  }

  @Test
  void hhVerifyTlsFalseTrustsAnyCertificate() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_VERIFY_TLS", "false"));
    X509TrustManager trust = httpClientOf(hh).x509TrustManager();

    assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA")).doesNotThrowAnyException();
    assertThat(httpClientOf(hh).hostnameVerifier().verify("not-the-host.example", null)).isTrue();
    hh.close();
  }

  @Test
  void tlsIsVerifiedByDefault() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k"));
    X509TrustManager trust = httpClientOf(hh).x509TrustManager();

    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA"))
        .isInstanceOfAny(IllegalArgumentException.class, CertificateException.class);
    hh.close();
  }

  @Test
  void hhDisabledTrueNeedsNoKeyAndSendsNothing() {
    HoneyHive hh = fromEnv(env("HH_DISABLED", "true", "HH_API_URL", mockUrl()));

    hh.session("chat").start().end();

    assertThat(mock.requestCount()).isZero();
    hh.close();
  }

  @Test
  void hhDisabledFalseStillRequiresAKey() {
    assertThatThrownBy(() -> fromEnv(env("HH_DISABLED", "false")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HH_API_KEY");
  }

  @Test
  void hhRoutesLegacySendsToTheLegacyRoutes() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", mockUrl(), "HH_ROUTES", "legacy"));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(hh.routeFamily()).isEqualTo(RouteFamily.LEGACY);
    assertThat(mock.takeRequest().getRequestLine()).startsWith("POST /session/start ");
    hh.close();
  }

  @Test
  void hhRoutesIsCaseInsensitive() {
    assertThat(fromEnv(env("HH_API_KEY", "k", "HH_ROUTES", "LEGACY")).routeFamily()).isEqualTo(RouteFamily.LEGACY);
    assertThat(fromEnv(env("HH_API_KEY", "k", "HH_ROUTES", "Current")).routeFamily())
        .isEqualTo(RouteFamily.CURRENT);
  }

  @Test
  void hhProxySendsRequestsThroughThatProxy() {
    // The mock server plays the proxy: it receives the absolute URL of a host that does not exist.
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", "http://honeyhive.invalid",
        "HH_PROXY", mock.server.getHostName() + ":" + mock.server.getPort()));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.takeRequest().getRequestLine()).startsWith("POST http://honeyhive.invalid/v1/sessions ");
    hh.close();
  }

  @Test
  void hhProxyMayBeWrittenAsAUrl() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", "http://honeyhive.invalid",
        "HH_PROXY", "http://" + mock.server.getHostName() + ":" + mock.server.getPort() + "/"));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.takeRequest().getRequestLine()).startsWith("POST http://honeyhive.invalid/v1/sessions ");
    hh.close();
  }

  @Test
  void blankVariablesAreTreatedAsUnset() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", mockUrl(), "HH_SOURCE", "  ",
        "HH_MAX_RETRIES", "", "HH_ROUTES", " "));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(hh.routeFamily()).isEqualTo(RouteFamily.CURRENT);
    assertThat(MockHoneyHive.body(mock.takeRequest())).doesNotContainKey("source");
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // fromEnv: bad values and missing keys

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "HH_API_URL         | not a url",
      "HH_API_URL         | ftp://files.example",
      "HH_CONNECT_TIMEOUT | soon",
      "HH_CONNECT_TIMEOUT | -1",
      "HH_API_TIMEOUT     | 30s",
      "HH_API_TIMEOUT     | 0",
      "HH_CALL_TIMEOUT    | forever",
      "HH_MAX_RETRIES     | abc",
      "HH_MAX_RETRIES     | 2.5",
      "HH_MAX_RETRIES     | -1",
      "HH_VERIFY_TLS      | maybe",
      "HH_DISABLED        | perhaps",
      "HH_ROUTES          | v2",
      "HH_PROXY           | proxy.example",
      "HH_PROXY           | proxy.example:port",
      "HH_PROXY           | proxy.example:99999",
  })
  void aBadValueFailsNamingTheVariable(String variable, String value) {
    Map<String, String> env = new HashMap<>();
    env.put("HH_API_KEY", "k");
    env.put(variable, value);

    assertThatThrownBy(() -> HoneyHive.builder().fromEnv(env::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable);
  }

  @Test
  void aBadValueIsShownInTheMessage() {
    assertThatThrownBy(() -> HoneyHive.builder().fromEnv(env("HH_MAX_RETRIES", "abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HH_MAX_RETRIES")
        .hasMessageContaining("abc")
        .hasMessageContaining("whole number");
  }

  @Test
  void anApiKeyThatCannotBeSentIsRejectedByFromEnvWithoutShowingIt() {
    String badKey = "hh-secret-k\u00e9y-4821";

    assertThatThrownBy(() -> HoneyHive.builder().fromEnv(env("HH_API_KEY", badKey)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HH_API_KEY")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(badKey).doesNotContain("k\u00e9y-4821"));
  }

  @Test
  void aMissingKeyFailsNamingHhApiKey() {
    assertThatThrownBy(() -> fromEnv(env()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HH_API_KEY");
  }

  @Test
  void aBlankKeyCountsAsMissing() {
    assertThatThrownBy(() -> fromEnv(env("HH_API_KEY", "   ")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HH_API_KEY");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Precedence: system property over environment, builder over both

  @Test
  void thePublicFromEnvReadsSystemProperties() {
    String key = "hh-sysprop-key-" + UUID.randomUUID();
    String source = "sysprop-source-" + UUID.randomUUID();
    Map<String, String> properties = Map.of(
        "HH_API_KEY", key,
        "HH_API_URL", mockUrl(),
        "HH_SOURCE", source,
        "HH_DISABLED", "false",
        "HH_ROUTES", "current",
        "HH_MAX_RETRIES", "0",
        "HH_DELIVERY", "sync");
    mock.enqueueOk();
    Map<String, String> previous = new HashMap<>();
    properties.keySet().forEach(name -> previous.put(name, System.getProperty(name)));
    try {
      properties.forEach(System::setProperty);

      HoneyHive hh = HoneyHive.fromEnv();
      hh.session("chat").start();
      hh.close();
    } finally {
      previous.forEach((name, value) -> {
        if (value == null) {
          System.clearProperty(name);
        } else {
          System.setProperty(name, value);
        }
      });
    }

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + key);
    assertThat(MockHoneyHive.body(request)).containsEntry("source", source);
  }

  @Test
  void aBuilderCallAfterFromEnvOverridesTheVariable() {
    HoneyHive hh = HoneyHive.builder()
        .fromEnv(env("HH_API_KEY", "env-key", "HH_API_URL", "http://honeyhive.invalid", "HH_SOURCE", "env-source",
            "HH_MAX_RETRIES", "5"))
        .apiKey("builder-key")
        .baseUrl(mockUrl())
        .source("builder-source")
        .maxRetries(0)
        .sleeper(mock.sleeps::add)
        .deliveryMode(DeliveryMode.SYNCHRONOUS)
        .build();
    mock.enqueueJson(503, "{\"message\":\"busy\"}");

    assertThatThrownBy(() -> hh.session("chat").start()).isInstanceOf(InternalServerException.class);

    RecordedRequest request = mock.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer builder-key");
    assertThat(MockHoneyHive.body(request)).containsEntry("source", "builder-source");
    assertThat(mock.requestCount()).isEqualTo(1);
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Headers on every request

  @Test
  void everyRequestIdentifiesTheSdk() {
    HoneyHive hh = mock.client();
    mock.enqueueOk(2);

    hh.session("chat").start().tool("t").log();

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = mock.takeRequest();
      assertThat(request.getHeaders().get("hh-client-language")).isEqualTo("java");
      assertThat(request.getHeaders().get("hh-client-package")).isEqualTo("honeyhive-java");
      assertThat(request.getHeaders().get("hh-client-version")).isNotBlank().doesNotContain("${");
      assertThat(request.getHeaders().get("User-Agent")).startsWith("honeyhive-java/");
    }
    hh.close();
  }

  @Test
  void everyRequestCarriesTheApiKeyAsABearerToken() {
    HoneyHive hh = mock.client();
    mock.enqueueOk(2);

    hh.session("chat").start().tool("t").log();

    assertThat(mock.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHoneyHive.API_KEY);
    assertThat(mock.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHoneyHive.API_KEY);
    hh.close();
  }

  @Test
  void aFirstAttemptCarriesRetryCountZero() {
    HoneyHive hh = mock.client();

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.takeRequest().getHeaders().get("hh-retry-count")).isEqualTo("0");
    hh.close();
  }

  @Test
  void customHeadersAreSentOnEveryRequest() {
    HoneyHive hh = mock.clientBuilder().header("x-team", "search").header("x-deployment", "blue").build();
    mock.enqueueOk(2);

    hh.session("chat").start().tool("t").log();

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = mock.takeRequest();
      assertThat(request.getHeaders().get("x-team")).isEqualTo("search");
      assertThat(request.getHeaders().get("x-deployment")).isEqualTo("blue");
    }
    hh.close();
  }

  @Test
  void aCustomHeaderSetTwiceKeepsTheLastValue() {
    HoneyHive hh = mock.clientBuilder().header("x-team", "search").header("x-team", "ranking").build();

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.takeRequest().getHeaders().values("x-team")).containsExactly("ranking");
    hh.close();
  }

  @Test
  void theAuthorizationHeaderCannotBeSetAsACustomHeader() {
    HoneyHive.Builder builder = HoneyHive.builder();

    assertThatThrownBy(() -> builder.header("Authorization", "Bearer other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> builder.header("authorization", "Bearer other"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // A caller-supplied OkHttpClient

  @Test
  void aCallersOkHttpClientStillGetsAuthIdentityHeadersAndRetries() {
    OkHttpClient caller = callerClientWithMarker();
    HoneyHive hh = mock.clientBuilder().okHttpClient(caller).build();
    mock.enqueueJson(503, "{\"message\":\"busy\"}").enqueueOk();

    hh.attachSession(SESSION_ID).tool("t").log();

    assertThat(mock.requestCount()).isEqualTo(2);
    for (int attempt = 0; attempt < 2; attempt++) {
      RecordedRequest request = mock.takeRequest();
      assertThat(request.getHeaders().get("x-caller-marker")).isEqualTo("present");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHoneyHive.API_KEY);
      assertThat(request.getHeaders().get("hh-client-language")).isEqualTo("java");
      assertThat(request.getHeaders().get("hh-retry-count")).isEqualTo(Integer.toString(attempt));
    }
    hh.close();
    shutDown(caller);
  }

  @Test
  void closingTheClientLeavesACallersOkHttpClientRunning() throws IOException {
    OkHttpClient caller = callerClientWithMarker();
    HoneyHive hh = mock.clientBuilder().okHttpClient(caller).build();
    mock.enqueueOk(2);
    hh.session("chat").start();
    mock.takeRequest();

    hh.close();

    assertThat(caller.dispatcher().executorService().isShutdown()).isFalse();
    try (Response response = caller.newCall(new Request.Builder().url(mock.server.url("/ping")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    shutDown(caller);
  }

  @Test
  void closingTheClientShutsDownTheHttpClientItCreated() {
    HoneyHive hh = mock.client();
    OkHttpClient own = httpClientOf(hh);

    hh.close();

    assertThat(own.dispatcher().executorService().isShutdown()).isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // A disabled client

  @Test
  void aDisabledClientSendsNothingAndStillHandsOutIds() {
    HoneyHive hh = HoneyHive.builder().enabled(false).baseUrl(mockUrl()).build();

    Session session = hh.session("chat").start();
    String eventId = session.model("gpt-4o").message("user", "hi").completion("hello").log();
    session.end();

    assertThat(mock.requestCount()).isZero();
    assertThat(UUID.fromString(session.sessionId()).toString()).isEqualTo(session.sessionId());
    assertThat(UUID.fromString(eventId).toString()).isEqualTo(eventId);
    assertThat(eventId).isNotEqualTo(session.sessionId());
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Base URLs

  @Test
  void aBaseUrlWithoutTrailingSlashStillRoutesToV1() {
    HoneyHive hh = mock.clientBuilder().baseUrl("http://" + mock.server.getHostName() + ":" + mock.server.getPort())
        .build();

    mock.enqueueOk();
    hh.attachSession(SESSION_ID).tool("t").log();

    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/events");
    hh.close();
  }

  @Test
  void aBaseUrlWithAPathPrefixKeepsThePrefix() {
    HoneyHive hh = mock.clientBuilder()
        .baseUrl("http://" + mock.server.getHostName() + ":" + mock.server.getPort() + "/api")
        .build();
    mock.enqueueOk(2);

    hh.session("chat").start().tool("t").log();

    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/sessions");
    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/events");
    hh.close();
  }

  @Test
  void theDefaultBaseUrlIsTheManagedDataPlane() {
    HoneyHive hh = HoneyHive.builder().enabled(false).build();

    assertThat(hh.baseUrl()).isEqualTo("https://api.dp1.us.honeyhive.ai/");
    hh.close();
  }

  @Test
  void aBaseUrlThatIsNotHttpIsRejectedNamingIt() {
    assertThatThrownBy(() -> HoneyHive.builder().baseUrl("api.honeyhive.ai"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The key never shows

  @Test
  void theClientsToStringNeverContainsTheKey() {
    HoneyHive hh = mock.client();

    assertThat(hh.toString()).doesNotContain(MockHoneyHive.API_KEY).contains("baseUrl");
    hh.close();
  }

  @Test
  void theBuildersToStringNeverContainsTheKey() {
    HoneyHive.Builder builder = mock.clientBuilder();
    HoneyHive.Builder fromEnv = HoneyHive.builder().fromEnv(env("HH_API_KEY", MockHoneyHive.API_KEY));

    assertThat(builder.toString()).doesNotContain(MockHoneyHive.API_KEY);
    assertThat(fromEnv.toString()).doesNotContain(MockHoneyHive.API_KEY);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String mockUrl() {
    return mock.server.url("/").toString();
  }

  /** A client from {@code env}, in the synchronous mode unless {@code env} sets {@code HH_DELIVERY}. */
  private HoneyHive fromEnv(Function<String, String> env) {
    HoneyHive.Builder builder = HoneyHive.builder().sleeper(mock.sleeps::add).shutdownHook(false);
    if (env.apply("HH_DELIVERY") == null) {
      builder.deliveryMode(DeliveryMode.SYNCHRONOUS);
    }
    return builder.fromEnv(env).build();
  }

  private static Function<String, String> env(String... namesAndValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      env.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return env::get;
  }

  /** The OkHttpClient behind the client, as the public escape hatch exposes it. */
  private static OkHttpClient httpClientOf(HoneyHive hh) {
    return (OkHttpClient) hh.raw().retrofit().callFactory();
  }

  private static OkHttpClient callerClientWithMarker() {
    return new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(
            chain.request().newBuilder().header("x-caller-marker", "present").build()))
        .build();
  }

  private static void shutDown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static String fullText(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    StringBuilder text = new StringBuilder(trace.toString());
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append('\n').append(t).append('\n').append(t.getMessage());
    }
    return text.toString();
  }
}
