package ai.honeyhive.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.DropReason;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.spring.boot.DropCounts;
import ai.honeyhive.spring.boot.HoneyHiveAutoConfiguration;
import ai.honeyhive.spring.boot.HoneyHiveBoot3HealthIndicator;
import ai.honeyhive.spring.boot.HoneyHiveMetrics;
import ai.honeyhive.spring.boot.HoneyHiveProperties;
import ai.honeyhive.springai.HoneyHiveObservationHandler;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.FaultSchedule;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.ServerFault;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration (built against Spring Boot 4) in a Spring Boot 3.5 application context, with Boot 3's own
 * metrics and health auto-configurations, against the HoneyHive test server.
 */
class Boot3AutoConfigurationTest {
  private HoneyHiveTestServer server;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    server = HoneyHiveTestServer.start();
    runner = runner(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ApplicationContextRunner runner(HoneyHiveTestServer server) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .withPropertyValues("honeyhive.api-key=" + server.apiKey(), "honeyhive.base-url=" + server.baseUrl());
  }

  private static void logOneEvent(HoneyHive hh) {
    hh.session("boot3-test").start().model("gpt-4o").log();
  }

  @Test
  void thisIsSpringBoot3() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
  }

  @Test
  void propertiesAreBoundAndMappedToTheClient() {
    runner.withPropertyValues("honeyhive.source=staging", "honeyhive.delivery-mode=synchronous",
            "honeyhive.max-retries=1", "honeyhive.call-timeout=5s", "honeyhive.batch-delay=2s",
            "honeyhive.max-queue-size=100", "honeyhive.max-batch-size=10", "honeyhive.spring-ai.capture-content=false")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HoneyHive.class);
          HoneyHiveProperties p = context.getBean(HoneyHiveProperties.class);
          assertThat(p.getSource()).isEqualTo("staging");
          assertThat(p.getMaxRetries()).isEqualTo(1);
          assertThat(p.getCallTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(p.getBatchDelay()).isEqualTo(Duration.ofSeconds(2));
          assertThat(p.getMaxQueueSize()).isEqualTo(100);
          assertThat(p.getMaxBatchSize()).isEqualTo(10);
          assertThat(p.getSpringAi().isCaptureContent()).isFalse();
          assertThat(p.toString()).doesNotContain(server.apiKey()).contains("apiKey=[set]");
          HoneyHive hh = context.getBean(HoneyHive.class);
          assertThat(hh.baseUrl()).startsWith(server.baseUrl().replaceAll("/$", ""));
          assertThat(hh.deliveryMode()).isEqualTo(DeliveryMode.SYNCHRONOUS);
          assertThat(context.getBean(HoneyHiveObservationHandler.class).toString())
              .contains("captureContent=false");
        });
  }

  @Test
  void withoutAnApiKeyTheContextFailsNamingThePropertyAndTheVariable() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).hasStackTraceContaining("No HoneyHive API key")
              .hasStackTraceContaining("honeyhive.api-key").hasStackTraceContaining("HH_API_KEY")
              .hasStackTraceContaining("honeyhive.enabled=false");
        });
  }

  @Test
  void disabledNeedsNoKeyAndSendsNothing() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .withPropertyValues("honeyhive.enabled=false", "honeyhive.base-url=" + server.baseUrl())
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HoneyHive.class);
          logOneEvent(context.getBean(HoneyHive.class));
        });
    assertThat(server.events()).isEmpty();
  }

  /** What an application defines itself. */
  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final HoneyHive CLIENT = HoneyHive.builder().enabled(false).build();
    static final HoneyHiveBoot3HealthIndicator HEALTH = new HoneyHiveBoot3HealthIndicator(CLIENT);

    @Bean
    HoneyHive myHoneyHive() {
      return CLIENT;
    }

    @Bean
    HoneyHiveBoot3HealthIndicator myHealth() {
      return HEALTH;
    }

    @Bean
    HoneyHiveObservationHandler myHandler() {
      return HoneyHiveObservationHandler.builder(CLIENT).sessionName("mine").build();
    }
  }

  @Test
  void theAutoConfigurationBacksOffFromTheApplicationsBeans() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .withUserConfiguration(OwnBeans.class)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HoneyHive.class)
              .hasSingleBean(HoneyHiveBoot3HealthIndicator.class).hasSingleBean(HoneyHiveObservationHandler.class);
          assertThat(context.getBean(HoneyHive.class)).isSameAs(OwnBeans.CLIENT);
          assertThat(context.getBean(HoneyHiveBoot3HealthIndicator.class)).isSameAs(OwnBeans.HEALTH);
          assertThat(context.getBean(HoneyHiveObservationHandler.class).toString()).contains("sessionName=mine");
          assertThat(context).doesNotHaveBean("honeyHiveHealthIndicator")
              .doesNotHaveBean("honeyHiveObservationHandler");
          // The metrics still come, on the application's client.
          assertThat(context).hasSingleBean(HoneyHiveMetrics.class);
        });
  }

  @Test
  void bootsMetricsAutoConfigurationBindsTheDeliveryMeters() {
    runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class))
        .run(context -> {
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          HoneyHive hh = context.getBean(HoneyHive.class);
          logOneEvent(hh);
          hh.flush(Duration.ofSeconds(10));
          assertThat(registry.get("honeyhive.delivery.sent").functionCounter().count()).isEqualTo(2);
          assertThat(registry.get("honeyhive.delivery.queued").gauge().value()).isZero();
          assertThat(registry.get("honeyhive.delivery.in_flight").gauge().value()).isZero();
          assertThat(registry.get("honeyhive.delivery.failed").functionCounter().count()).isZero();
          assertThat(registry.get("honeyhive.delivery.retried").functionCounter().count()).isZero();
          assertThat(registry.get("honeyhive.delivery.dropped").functionCounters())
              .extracting(FunctionCounter::getId).hasSize(DropReason.values().length);
          assertThat(context.getBean(DropCounts.class).dropped(DropReason.QUEUE_FULL)).isZero();
        });
  }

  @Test
  void theBoot3HealthIndicatorIsUpThenDegradedWhileDeliveriesFail() {
    // Request 1 (the session start) is stored; every later request answers 503, and is not retried.
    FaultPlan refuseLater = FaultPlan.builder(ServerFault.serverError(503))
        .schedule(FaultSchedule.requests(IntStream.rangeClosed(2, 1_000).toArray())).build();
    try (HoneyHiveTestServer faulty = HoneyHiveTestServer.builder().faults(refuseLater).start()) {
      runner(faulty)
          .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
              HealthEndpointAutoConfiguration.class))
          .withPropertyValues("honeyhive.max-retries=0", "management.endpoint.health.show-details=always")
          .run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("honeyHiveHealthIndicator")).isInstanceOf(HoneyHiveBoot3HealthIndicator.class);
            assertThat(context.getBeanNamesForType(HealthIndicator.class)).contains("honeyHiveHealthIndicator");
            HoneyHive hh = context.getBean(HoneyHive.class);
            HoneyHiveBoot3HealthIndicator indicator = context.getBean(HoneyHiveBoot3HealthIndicator.class);

            Session session = hh.session("boot3-health").start();
            hh.flush(Duration.ofSeconds(10));
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("sent", 1L).containsEntry("failed", 0L)
                .containsEntry("dropped", 0L).containsEntry("queued", 0L).containsEntry("inFlight", 0L)
                .containsKey("retried").doesNotContainKey("lastError");

            session.model("gpt-4o").log();
            hh.flush(Duration.ofSeconds(10));
            Health degraded = indicator.health();
            assertThat(degraded.getStatus()).isEqualTo(HoneyHiveBoot3HealthIndicator.DEGRADED);
            assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(degraded.getDetails()).containsEntry("sent", 1L).containsEntry("failed", 1L)
                .containsKey("lastError");
            assertThat(degraded.toString()).doesNotContain(faulty.apiKey());
            assertThat(faulty.injectedFaults()).hasSize(1);

            // Boot 3's health endpoint shows it as the component "honeyHive"; no new failure since: UP again.
            Health component = (Health) context.getBean(HealthEndpoint.class).healthForPath("honeyHive");
            assertThat(component.getStatus()).isEqualTo(Status.UP);
            assertThat(component.getDetails()).containsEntry("failed", 1L);
          });
    }
  }

  @Test
  void theSpringAiHandlerIsABeanUnlessSwitchedOffOrSpringAiIsAbsent() {
    runner.run(context -> assertThat(context).hasSingleBean(HoneyHiveObservationHandler.class));
    runner.withPropertyValues("honeyhive.spring-ai.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HoneyHiveObservationHandler.class)
            .hasSingleBean(HoneyHive.class));
    runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HoneyHiveObservationHandler.class)
            .hasSingleBean(HoneyHive.class));
  }

  @Test
  void noMetersOrHealthWithoutMicrometerOrActuator() {
    runner.run(context -> assertThat(context).hasSingleBean(HoneyHiveMetrics.class)
        .hasSingleBean(HoneyHiveBoot3HealthIndicator.class));
    runner.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.actuate.health"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HoneyHive.class)
            .doesNotHaveBean(HoneyHiveMetrics.class).doesNotHaveBean("honeyHiveHealthIndicator"));
  }

  @Test
  void closingTheContextFlushesTheClient() {
    // A batch delay far longer than the test: only close can send the events.
    runner.withPropertyValues("honeyhive.batch-delay=1h")
        .run(context -> {
          logOneEvent(context.getBean(HoneyHive.class));
          assertThat(server.events()).isEmpty();
        });
    assertThat(server.events()).hasSize(2); // the session and its model event
  }
}
