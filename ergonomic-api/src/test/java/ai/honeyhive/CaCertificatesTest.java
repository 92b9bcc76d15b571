package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.internal.config.CaBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caCertificates} / {@code HH_SSL_CERT_PATH}: an HTTPS server whose self-signed certificate (made by the JDK's
 * {@code keytool}) is trusted only through the PEM bundle is reached with the bundle and refused without it.
 */
class CaCertificatesTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  static Path dir;
  static Path keyStore;
  static Path bundle;

  private final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void makeASelfSignedCertificate() throws Exception {
    keyStore = dir.resolve("server.p12");
    bundle = dir.resolve("ca-bundle.pem");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
    keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
        "-storepass", new String(PASSWORD), "-file", bundle.toString());
    // A bundle has text around its blocks; the reader must skip it.
    Files.writeString(bundle, "# HoneyHive test CA\n" + Files.readString(bundle) + "\n# end\n");
  }

  @BeforeEach
  void startHttpsServer() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), null, null);
    server.useHttps(tls.getSocketFactory());
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void hhSslCertPathTrustsTheServerOfTheBundle() {
    HoneyHive hh = fromEnv(Map.of("HH_API_KEY", "k", "HH_API_URL", serverUrl(), "HH_SSL_CERT_PATH",
        bundle.toString()));
    server.enqueue(ok());

    hh.session("chat").start();

    assertThat(server.getRequestCount()).isEqualTo(1);
    hh.close();
  }

  @Test
  void theBuilderOptionTrustsTheServerOfTheBundle() {
    HoneyHive hh = builder().apiKey("k").baseUrl(serverUrl()).caCertificates(bundle).build();
    server.enqueue(ok());

    hh.session("chat").start();

    assertThat(server.getRequestCount()).isEqualTo(1);
    hh.close();
  }

  @Test
  void withoutTheBundleTheServerIsRefused() {
    HoneyHive hh = fromEnv(Map.of("HH_API_KEY", "k", "HH_API_URL", serverUrl()));
    server.enqueue(ok());

    assertThatThrownBy(() -> hh.session("chat").start()).isInstanceOf(HoneyHiveConnectionException.class);
    assertThat(server.getRequestCount()).isZero();
    hh.close();
  }

  @Test
  void anUntrustedCertificateFailsAtOnceWithoutRetries() {
    List<java.time.Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
    HoneyHive hh = builder().sleeper(sleeps::add).maxRetries(3).apiKey("k").baseUrl(serverUrl()).build();

    assertThatThrownBy(() -> hh.session("chat").start())
        .isInstanceOfSatisfying(HoneyHiveConnectionException.class, e -> {
          assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
          assertThat(e).hasMessageNotContaining("retr");
        });
    assertThat(sleeps).as("a certificate that is not trusted will not be trusted on the next attempt").isEmpty();
    assertThat(hh.stats().retried()).isZero();
    hh.close();
  }

  @Test
  void theJvmsAuthoritiesAreStillTrusted() throws Exception {
    X509Certificate ours = CaBundle.read(bundle).get(0);
    HoneyHive hh = fromEnv(Map.of("HH_API_KEY", "k", "HH_SSL_CERT_PATH", bundle.toString()));

    List<X509Certificate> trusted = List.of(httpClientOf(hh).x509TrustManager().getAcceptedIssuers());
    List<X509Certificate> jvm = List.of(CaBundle.trustManager(List.of()).getAcceptedIssuers());

    assertThat(jvm).isNotEmpty();
    assertThat(trusted).contains(ours).containsAll(jvm).hasSize(jvm.size() + 1);
    hh.close();
  }

  @Test
  void aMissingFileFailsNamingTheVariableAndTheFile() {
    Path missing = dir.resolve("no-such-bundle.pem");

    assertThatThrownBy(() -> builder().fromEnv(Map.of("HH_SSL_CERT_PATH", missing.toString())::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HH_SSL_CERT_PATH")
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> builder().caCertificates(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caCertificates")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aFileWithoutACertificateFailsNamingTheVariable() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    Path text = Files.writeString(dir.resolve("text.pem"), "no certificate here\n", StandardCharsets.UTF_8);

    for (Path file : List.of(empty, text)) {
      assertThatThrownBy(() -> builder().fromEnv(Map.of("HH_SSL_CERT_PATH", file.toString())::get))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("HH_SSL_CERT_PATH")
          .hasMessageContaining(file.toString());
    }
    assertThatThrownBy(() -> builder().caCertificates(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caCertificates")
        .hasMessageContaining("holds no certificate");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String serverUrl() {
    return server.url("/").toString();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"success\":true}").build();
  }

  private static HoneyHive.Builder builder() {
    return HoneyHive.builder().sleeper(delay -> { }).shutdownHook(false).deliveryMode(DeliveryMode.SYNCHRONOUS)
        .maxRetries(0);
  }

  private static HoneyHive fromEnv(Map<String, String> env) {
    return builder().fromEnv(env::get).build();
  }

  private static OkHttpClient httpClientOf(HoneyHive hh) {
    return (OkHttpClient) hh.raw().retrofit().callFactory();
  }

  private static void keytool(String... arguments) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
  }
}
