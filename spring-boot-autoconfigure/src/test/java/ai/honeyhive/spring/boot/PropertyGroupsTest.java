package ai.honeyhive.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.QueueFullPolicy;
import ai.honeyhive.RouteFamily;
import ai.honeyhive.testing.RecordedExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grouped properties ({@code honeyhive.http|retry|queue|spool.*}): bound, and reaching the client. */
class PropertyGroupsTest extends AutoConfigurationTestBase {
  @Test
  void everyGroupIsBound(@TempDir Path spool) {
    runner.withPropertyValues("honeyhive.http.connect-timeout=3s", "honeyhive.http.read-timeout=7s",
            "honeyhive.http.verify-tls=true", "honeyhive.http.route-family=current",
            "honeyhive.http.headers.X-Team=search", "honeyhive.retry.initial-backoff=100ms",
            "honeyhive.retry.max-backoff=2s", "honeyhive.retry.max-retry-after=10s",
            "honeyhive.queue.max-bytes=1048576", "honeyhive.queue.max-event-bytes=65536",
            "honeyhive.queue.full-policy=drop-oldest", "honeyhive.queue.block-timeout=50ms",
            "honeyhive.queue.max-batch-bytes=262144", "honeyhive.queue.max-concurrent-exports=2",
            "honeyhive.queue.close-timeout=4s", "honeyhive.spool.directory=" + spool,
            "honeyhive.spool.max-bytes=10485760", "honeyhive.spool.sync-interval=250ms")
        .run(context -> {
          assertThat(context).hasNotFailed();
          HoneyHiveProperties p = context.getBean(HoneyHiveProperties.class);
          assertThat(p.getHttp().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(p.getHttp().getReadTimeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(p.getHttp().getRouteFamily()).isEqualTo(RouteFamily.CURRENT);
          assertThat(p.getHttp().getHeaders()).containsEntry("X-Team", "search");
          assertThat(p.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(100));
          assertThat(p.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
          assertThat(p.getQueue().getFullPolicy()).isEqualTo(QueueFullPolicy.DROP_OLDEST);
          assertThat(p.getQueue().getMaxBytes()).isEqualTo(1_048_576L);
          assertThat(p.getQueue().getMaxConcurrentExports()).isEqualTo(2);
          assertThat(p.getSpool().getDirectory()).isEqualTo(spool);
          assertThat(p.getSpool().getSyncInterval()).isEqualTo(Duration.ofMillis(250));

          HoneyHive hh = context.getBean(HoneyHive.class);
          hh.session("groups").start().model("gpt-4o").log();
          hh.flush(java.time.Duration.ofSeconds(10));
        });
    // the header reached the server on every request, and the spool directory was used
    assertThat(server.exchanges()).isNotEmpty()
        .allSatisfy(exchange -> assertThat(exchange.requestHeader("X-Team")).isEqualTo("search"));
    assertThat(server.events()).hasSize(2);
    assertThat(spool.toFile().list()).isNotEmpty();
  }

  @Test
  void aMalformedProxyFailsStartupNamingThePropertyAndNeverEchoingCredentials() {
    runner.withPropertyValues("honeyhive.http.proxy=http://me:hunter2@proxy.internal:8080")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("honeyhive.http.proxy").hasMessageNotContaining("hunter2"));
    runner.withPropertyValues("honeyhive.http.proxy=proxy.internal")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("honeyhive.http.proxy: expected host:port"));
    runner.withPropertyValues("honeyhive.http.proxy=proxy.internal:99999")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("port must be 1 to 65535"));
  }

  @Test
  void aProxyIsUsedForEveryRequest() {
    // The test server itself stands in for the proxy: an HTTP proxy receives absolute-form requests.
    runner.withPropertyValues("honeyhive.http.proxy=127.0.0.1:" + server.port(),
            "honeyhive.base-url=http://honeyhive.invalid/", "honeyhive.delivery-mode=synchronous",
            "honeyhive.max-retries=0")
        .run(context -> {
          assertThat(context).hasNotFailed();
          context.getBean(HoneyHive.class).session("via-proxy").start();
        });
    assertThat(server.exchanges()).extracting(RecordedExchange::path).contains("/v1/sessions"); // base URL unreachable but through the proxy
  }

  @Test
  void thePropertiesToStringHidesTheProxyPasswordAndHeaderValues() {
    runner.withPropertyValues("honeyhive.http.proxy-username=me", "honeyhive.http.proxy-password=hunter2",
            "honeyhive.http.headers.X-Secret=s3cr3t")
        .run(context -> assertThat(context.getBean(HoneyHiveProperties.class).toString())
            .contains("proxyPassword=[set]").contains("X-Secret").doesNotContain("hunter2").doesNotContain("s3cr3t"));
  }

  @Test
  void theConfigurationMetadataListsTheGroupedProperties() throws Exception {
    String metadata = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"));
    assertThat(metadata).contains("\"honeyhive.http.proxy\"", "\"honeyhive.retry.max-backoff\"",
        "\"honeyhive.queue.full-policy\"", "\"honeyhive.spool.directory\"", "\"honeyhive.langchain4j.capture-content\"");
  }
}
