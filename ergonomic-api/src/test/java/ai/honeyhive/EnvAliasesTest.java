package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The names a team moving over from HoneyHive's Python SDK brings in its environment: each is read as this client's
 * own name of the same meaning, the own name wins when both are set, and a {@code HH_*} variable the client does not
 * read is named in one warning at build, so it is never silently ignored.
 */
class EnvAliasesTest {
  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Base URL

  @ParameterizedTest
  @ValueSource(strings = {"HH_BASE_URL", "HH_SERVER_URL"})
  void aBaseUrlAliasIsWhereRequestsGo(String alias) {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", alias, mockUrl()));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(hh.baseUrl()).isEqualTo(mockUrl());
    assertThat(mock.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/sessions");
    hh.close();
  }

  @Test
  void hhApiUrlWinsOverBothAliases() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", mockUrl(),
        "HH_BASE_URL", "http://base.invalid", "HH_SERVER_URL", "http://server.invalid"));

    assertThat(hh.baseUrl()).isEqualTo(mockUrl());
    hh.close();
  }

  @Test
  void hhBaseUrlWinsOverHhServerUrl() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_BASE_URL", mockUrl(), "HH_SERVER_URL", "http://server.invalid"));

    assertThat(hh.baseUrl()).isEqualTo(mockUrl());
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Timeout

  @Test
  void hhTimeoutIsTheReadAndWriteTimeoutInSeconds() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_TIMEOUT", "45"));

    assertThat(httpClientOf(hh).readTimeoutMillis()).isEqualTo(45_000);
    assertThat(httpClientOf(hh).writeTimeoutMillis()).isEqualTo(45_000);
    assertThat(httpClientOf(hh).connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(httpClientOf(hh).callTimeoutMillis()).isZero();
    hh.close();
  }

  @Test
  void hhApiTimeoutWinsOverHhTimeout() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_TIMEOUT", "12", "HH_TIMEOUT", "45"));

    assertThat(httpClientOf(hh).readTimeoutMillis()).isEqualTo(12_000);
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TLS verification

  @Test
  void hhVerifySslFalseTrustsAnyCertificate() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_VERIFY_SSL", "false"));
    X509TrustManager trust = httpClientOf(hh).x509TrustManager();

    assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA")).doesNotThrowAnyException();
    hh.close();
  }

  @Test
  void hhVerifyTlsWinsOverHhVerifySsl() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_VERIFY_TLS", "true", "HH_VERIFY_SSL", "false"));
    X509TrustManager trust = httpClientOf(hh).x509TrustManager();

    assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA"))
        .isInstanceOfAny(IllegalArgumentException.class, CertificateException.class);
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Disabling

  @ParameterizedTest
  @ValueSource(strings = {"HH_TEST_MODE", "HH_DISABLE_TRACING"})
  void aPythonSwitchSetToTrueDisablesTheClient(String alias) {
    HoneyHive hh = fromEnv(env(alias, "true", "HH_API_URL", mockUrl()));

    hh.session("chat").start().tool("search").log();

    assertThat(mock.requestCount()).isZero();
    hh.close();
  }

  @Test
  void hhTestModeFalseLeavesTheClientEnabled() {
    assertThatThrownBy(() -> fromEnv(env("HH_TEST_MODE", "false")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HH_API_KEY");
  }

  @Test
  void eitherPythonSwitchAloneDisablesEvenIfTheOtherIsFalse() {
    HoneyHive hh = fromEnv(env("HH_TEST_MODE", "false", "HH_DISABLE_TRACING", "true", "HH_API_URL", mockUrl()));

    hh.session("chat").start();

    assertThat(mock.requestCount()).isZero();
    hh.close();
  }

  @Test
  void hhDisabledWinsOverHhTestModeAndTheConflictIsReported() {
    Map<String, String> env = Map.of("HH_API_KEY", "k", "HH_API_URL", mockUrl(),
        "HH_DISABLED", "false", "HH_TEST_MODE", "true");
    HoneyHive.Builder builder = builder().fromEnv(env::get, env.keySet());
    HoneyHive hh = builder.build();

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(builder.envWarning).contains("HH_TEST_MODE (HH_DISABLED is set and wins)");
    hh.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Proxies

  @ParameterizedTest
  @ValueSource(strings = {"HH_HTTPS_PROXY", "HH_HTTP_PROXY", "HH_PROXY_URL"})
  void aProxyUrlAliasSendsRequestsThroughThatProxy(String alias) {
    // The mock server plays the proxy: it receives the absolute URL of a host that does not exist.
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", "http://honeyhive.invalid", alias, proxyUrl("")));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.takeRequest().getRequestLine()).startsWith("POST http://honeyhive.invalid/v1/sessions ");
    hh.close();
  }

  @Test
  void hhProxyWinsOverTheProxyAliases() {
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", "http://honeyhive.invalid",
        "HH_PROXY", mock.server.getHostName() + ":" + mock.server.getPort(),
        "HH_HTTPS_PROXY", "http://proxy.invalid:3128", "HH_HTTP_PROXY", "http://proxy.invalid:3128"));

    mock.enqueueOk();
    hh.session("chat").start();

    assertThat(mock.takeRequest().getRequestLine()).startsWith("POST http://honeyhive.invalid/v1/sessions ");
    hh.close();
  }

  @Test
  void aProxyUrlWithCredentialsAnswersTheProxysChallenge() {
    // The password is percent-encoded in the URL, as it must be when it holds '@'.
    HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_API_URL", "http://honeyhive.invalid",
        "HH_HTTPS_PROXY", proxyUrl("proxy-user:s3cr%40t@")));
    mock.server.enqueue(new MockResponse.Builder().code(407)
        .addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
    mock.enqueueOk();

    hh.session("chat").start();

    assertThat(mock.takeRequest().getHeaders().get("Proxy-Authorization")).isNull();
    RecordedRequest retried = mock.takeRequest();
    assertThat(retried.getHeaders().get("Proxy-Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("proxy-user:s3cr@t".getBytes(StandardCharsets.UTF_8)));
    assertThat(retried.getRequestLine()).startsWith("POST http://honeyhive.invalid/v1/sessions ");
    hh.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "socks5://proxy-user:hunter2-secret@proxy.example:1080",
      "http://proxy-user:hunter2-secret@proxy.example:3128/some/path",
      "http://proxy-user:hunter2 secret@proxy.example:3128",
      "http://proxy-user:hunter2-secret@proxy.example:99999",
  })
  void aBadProxyUrlFailsNamingTheVariableWithoutShowingThePassword(String value) {
    assertThatThrownBy(() -> builder().fromEnv(env("HH_API_KEY", "k", "HH_HTTPS_PROXY", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HH_HTTPS_PROXY")
        .satisfies(e -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
          }
        });
  }

  @Test
  void theBuilderNeverShowsTheProxyPassword() {
    HoneyHive.Builder builder = builder().fromEnv(env("HH_API_KEY", "k",
        "HH_HTTPS_PROXY", "http://proxy-user:hunter2-secret@proxy.example:3128"));

    assertThat(builder.options().http().proxyPassword()).isEqualTo("hunter2-secret");
    assertThat(builder.toString()).doesNotContain("hunter2");
    assertThat(builder.build().toString()).doesNotContain("hunter2");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Batching

  @Test
  void hhFlushIntervalIsTheBatchDelayInSeconds() {
    assertThat(builder().fromEnv(env("HH_FLUSH_INTERVAL", "2.5")).options().delivery().maxBatchDelay())
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(builder().fromEnv(env("HH_FLUSH_INTERVAL", "2.5", "HH_BATCH_DELAY", "0.2")).options().delivery()
        .maxBatchDelay()).isEqualTo(Duration.ofMillis(200));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Bad values name the alias that holds them

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "HH_BASE_URL        | not a url",
      "HH_SERVER_URL      | ftp://files.example",
      "HH_TIMEOUT         | soon",
      "HH_VERIFY_SSL      | maybe",
      "HH_TEST_MODE       | perhaps",
      "HH_DISABLE_TRACING | sometimes",
      "HH_FLUSH_INTERVAL  | 1s",
      "HH_PROXY_URL       | proxy.example",
  })
  void aBadAliasValueFailsNamingTheAlias(String variable, String value) {
    assertThatThrownBy(() -> builder().fromEnv(env("HH_API_KEY", "k", variable, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The warning for names the client does not read

  @Test
  void unknownNamesAreTheHhNamesNotUnderstood() {
    assertThat(EnvConfig.unknownNames(java.util.List.of(
        "HH_API_KYE", "HH_PROJECT", "HH_API_KEY", "HH_TEST_MODE", "PATH", "hh_api_key", "HHX")))
        .containsExactly("HH_API_KYE", "HH_PROJECT", "hh_api_key");
  }

  @Test
  void theUnderstoodNamesAreExactlyTheNamesFromEnvReads() {
    Set<String> read = new TreeSet<>();

    builder().fromEnv(name -> {
      read.add(name);
      return null;
    });

    assertThat(new TreeSet<>(EnvConfig.UNDERSTOOD)).isEqualTo(read);
  }

  @Test
  void noWarningIsLoggedWhenEveryNameIsUnderstood() {
    Map<String, String> env = new HashMap<>();
    EnvConfig.UNDERSTOOD.forEach(name -> env.put(name, ""));
    env.put("HH_DISABLED", "true");
    env.put("PATH", "/usr/bin");

    String log = stderrOf(() -> builder().fromEnv(env::get, env.keySet()).build().close());

    assertThat(log).doesNotContain("HoneyHive configuration");
  }

  @Test
  void buildLogsOneWarningNamingEveryUnknownVariableAndNoValue() {
    Map<String, String> env = Map.of("HH_API_KEY", "k", "HH_API_KYE", "value-of-the-typo", "HH_PROJECT", "my-project",
        "HH_DISABLED", "true");

    String log = stderrOf(() -> builder().fromEnv(env::get, env.keySet()).build().close());

    assertThat(log.lines().filter(line -> line.contains("HoneyHive configuration"))).singleElement()
        .satisfies(line -> assertThat(line).contains("WARN", "ai.honeyhive.config", "HH_API_KYE", "HH_PROJECT",
            "the server derives the project from the API key"));
    assertThat(log).doesNotContain("value-of-the-typo").doesNotContain("my-project");
  }

  @Test
  void aMisspeltKeyIsNamedBeforeTheMissingKeyFailsTheBuild() {
    Map<String, String> env = Map.of("HH_API_KYE", "hh-secret-typo-key");

    String log = stderrOf(() -> assertThatThrownBy(() -> builder().fromEnv(env::get, env.keySet()).build())
        .isInstanceOf(IllegalStateException.class));

    assertThat(log).contains("HH_API_KYE").doesNotContain("hh-secret-typo-key");
  }

  @Test
  void anAliasShadowedByTheSameValueIsNotReported() {
    Map<String, String> env = Map.of("HH_API_KEY", "k", "HH_VERIFY_TLS", "true", "HH_VERIFY_SSL", "TRUE",
        "HH_PROXY", "proxy.example:3128", "HH_HTTPS_PROXY", "proxy.example:3128");

    assertThat(builder().fromEnv(env::get, env.keySet()).envWarning).isNull();
  }

  @Test
  void anAliasShadowedByAnotherValueIsReportedWithoutValues() {
    Map<String, String> env = Map.of("HH_API_KEY", "k", "HH_VERIFY_TLS", "true", "HH_VERIFY_SSL", "false",
        "HH_PROXY", "proxy.example:3128", "HH_HTTPS_PROXY", "http://user:hunter2-secret@other.example:3128");

    String warning = builder().fromEnv(env::get, env.keySet()).envWarning;

    assertThat(warning).contains("HH_VERIFY_SSL (HH_VERIFY_TLS is set and wins)",
        "HH_HTTPS_PROXY (HH_PROXY is set and wins)");
    assertThat(warning).doesNotContain("hunter2").doesNotContain("false").doesNotContain("proxy.example");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String mockUrl() {
    return mock.server.url("/").toString();
  }

  private String proxyUrl(String userInfo) {
    return "http://" + userInfo + mock.server.getHostName() + ":" + mock.server.getPort();
  }

  private HoneyHive.Builder builder() {
    return HoneyHive.builder().sleeper(mock.sleeps::add).shutdownHook(false).deliveryMode(DeliveryMode.SYNCHRONOUS);
  }

  private HoneyHive fromEnv(Function<String, String> env) {
    return builder().fromEnv(env).build();
  }

  private static Function<String, String> env(String... namesAndValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      env.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return env::get;
  }

  private static OkHttpClient httpClientOf(HoneyHive hh) {
    return (OkHttpClient) hh.raw().retrofit().callFactory();
  }

  /** What {@code action} writes to {@code System.err}, where slf4j-simple logs in tests. */
  static String stderrOf(Runnable action) {
    try {
      return CapturedLog.during(action::run);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e); // A Runnable throws no checked exception.
    }
  }
}
