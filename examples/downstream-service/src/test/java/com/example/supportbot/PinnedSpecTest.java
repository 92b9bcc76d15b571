package com.example.supportbot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.ApiSpec;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.HoneyHiveTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The pin holds: the HoneyHive client on this service's classpath speaks the spec version the pom pins, and so does
 * the test server the other tests run against. After an upgrade of {@code honeyhive.version} these fail until
 * {@code honeyhive.spec.version} is updated too, which makes a spec change a deliberate step.
 */
class PinnedSpecTest {
  @Test
  void theClientSpeaksThePinnedSpecVersion() {
    assertThat(ApiSpec.version()).isEqualTo(PinnedSpec.SPEC_VERSION);
  }

  @Test
  void thePinnedSpecComesFromTheHoneyHiveOpenApiArtifactOfThePinnedVersion() {
    assertThat(PinnedSpec.location().toString())
        .endsWith("honeyhive-openapi-" + PinnedSpec.HONEYHIVE_VERSION + ".jar!" + PinnedSpec.RESOURCE);
  }

  @Test
  void theTestServerValidatesAgainstExactlyTheDocumentTheClientWasBuiltFrom() throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PinnedSpec.bytes()));

    assertThat(ApiSpec.sha256()).isEqualTo(sha256);
  }

  @Test
  void theClientJarsRecordThePinnedSpecVersionInTheirManifests() throws IOException {
    Map<String, String> specVersionByJar = new TreeMap<>();
    for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
      String jar = url.toString().replaceFirst("!/META-INF/MANIFEST.MF$", "");
      jar = jar.substring(jar.lastIndexOf('/') + 1);
      if (jar.startsWith("honeyhive-java-") || jar.startsWith("honeyhive-generated-client-")) {
        try (InputStream in = url.openStream()) {
          specVersionByJar.put(jar, new Manifest(in).getMainAttributes().getValue("HoneyHive-Spec-Version"));
        }
      }
    }

    String v = PinnedSpec.HONEYHIVE_VERSION;
    assertThat(specVersionByJar).containsExactlyInAnyOrderEntriesOf(Map.of(
        "honeyhive-java-" + v + ".jar", PinnedSpec.SPEC_VERSION,
        "honeyhive-generated-client-" + v + ".jar", PinnedSpec.SPEC_VERSION));
  }

  @Test
  void requestsAnnounceThePinnedSpecVersionInTheirUserAgent() {
    List<String> userAgents = Collections.synchronizedList(new ArrayList<>());
    OkHttpClient recording = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          userAgents.add(chain.request().header("User-Agent"));
          return chain.proceed(chain.request());
        })
        .build();
    try (HoneyHiveTestServer server = HoneyHiveTestServer.builder().spec(PinnedSpec.open()).start();
        HoneyHive hh = server.clientBuilder().okHttpClient(recording).build()) {
      hh.session("user-agent-check").start();
    } finally {
      recording.dispatcher().executorService().shutdown();
      recording.connectionPool().evictAll();
    }

    assertThat(userAgents).singleElement().asString()
        .startsWith("honeyhive-java/" + PinnedSpec.HONEYHIVE_VERSION + " (spec " + PinnedSpec.SPEC_VERSION + "; Java ");
  }
}
