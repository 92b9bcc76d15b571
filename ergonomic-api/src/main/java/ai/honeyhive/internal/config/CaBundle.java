package ai.honeyhive.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Certificate authorities from a PEM file, trusted in addition to the JVM's own: a private CA of a self-hosted data
 * plane, or the root of a TLS-inspecting corporate proxy.
 */
public final class CaBundle {
  private CaBundle() {}

  /**
   * Reads every certificate of {@code pemFile}, a file of one or more {@code -----BEGIN CERTIFICATE-----} blocks
   * (text between them is ignored).
   *
   * @throws IllegalArgumentException if the file is missing, unreadable, malformed or holds no certificate; the
   *     message names the file
   */
  public static List<X509Certificate> read(Path pemFile) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pemFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no CA bundle file at " + pemFile);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the CA bundle " + pemFile + ": " + e, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("the CA bundle " + pemFile + " is not a PEM file of certificates: "
          + e.getMessage(), e);
    }
    List<X509Certificate> result = new ArrayList<>();
    for (Certificate certificate : certificates) {
      result.add((X509Certificate) certificate);
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("the CA bundle " + pemFile + " holds no certificate");
    }
    return List.copyOf(result);
  }

  /** Makes {@code http} trust the JVM's default authorities and {@code extra}; host names are still verified. */
  public static void trust(OkHttpClient.Builder http, List<X509Certificate> extra) {
    try {
      X509TrustManager trust = trustManager(extra);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, null);
      http.sslSocketFactory(tls.getSocketFactory(), trust);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS with the CA bundle on this JVM", e);
    }
  }

  /** One standard PKIX trust manager whose anchors are the JVM's defaults plus {@code extra}. */
  public static X509TrustManager trustManager(List<X509Certificate> extra) throws GeneralSecurityException, IOException {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    int i = 0;
    for (X509Certificate jvmDefault : x509(defaultTrustManagerFactory()).getAcceptedIssuers()) {
      anchors.setCertificateEntry("jvm-" + i++, jvmDefault);
    }
    i = 0;
    for (X509Certificate certificate : extra) {
      anchors.setCertificateEntry("bundle-" + i++, certificate);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    return x509(factory);
  }

  private static TrustManagerFactory defaultTrustManagerFactory() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return factory;
  }

  private static X509TrustManager x509(TrustManagerFactory factory) {
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager) {
        return (X509TrustManager) manager;
      }
    }
    throw new IllegalStateException("no X509TrustManager in " + factory.getAlgorithm());
  }
}
