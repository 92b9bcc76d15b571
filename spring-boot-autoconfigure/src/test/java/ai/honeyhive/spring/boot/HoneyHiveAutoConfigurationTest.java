package ai.honeyhive.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.springai.HoneyHiveObservationHandler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in a Spring Boot 4 application context, against the HoneyHive test server. */
class HoneyHiveAutoConfigurationTest extends AutoConfigurationTestBase {
  private static void logOneEvent(HoneyHive hh) {
    hh.session("boot-test").start().model("gpt-4o").log();
  }

  @Test
  void propertiesAreBoundAndMappedToTheClient() {
    runner.withPropertyValues("honeyhive.source=staging", "honeyhive.delivery-mode=synchronous",
            "honeyhive.max-retries=1", "honeyhive.call-timeout=5s", "honeyhive.batch-delay=2s",
            "honeyhive.max-queue-size=100", "honeyhive.max-batch-size=10")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HoneyHive.class);
          HoneyHiveProperties p = context.getBean(HoneyHiveProperties.class);
          assertThat(p.getSource()).isEqualTo("staging");
          assertThat(p.getCallTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(p.getBatchDelay()).isEqualTo(Duration.ofSeconds(2));
          assertThat(p.getMaxQueueSize()).isEqualTo(100);
          HoneyHive hh = context.getBean(HoneyHive.class);
          assertThat(hh.baseUrl()).startsWith(server.baseUrl().replaceAll("/$", ""));
          assertThat(hh.deliveryMode()).isEqualTo(DeliveryMode.SYNCHRONOUS);
        });
  }

  @Test
  void theApiKeyNeverAppearsInThePropertiesToString() {
    runner.run(context -> assertThat(context.getBean(HoneyHiveProperties.class).toString())
        .doesNotContain(server.apiKey()).contains("apiKey=[set]"));
  }

  @Test
  void withoutAnApiKeyTheContextFailsNamingThePropertyAndTheVariable() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .run(context -> assertThat(context).hasFailed().getFailure()
            .rootCause().hasMessageContaining("HH_API_KEY"));
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .run(context -> assertThat(context.getStartupFailure())
            .hasStackTraceContaining("honeyhive.api-key").hasStackTraceContaining("honeyhive.enabled=false"));
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

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    static final HoneyHive CLIENT = HoneyHive.builder().enabled(false).build();

    @Bean
    HoneyHive myHoneyHive() {
      return CLIENT;
    }
  }

  @Test
  void anApplicationDefinedClientWins() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .withUserConfiguration(OwnClient.class)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HoneyHive.class);
          assertThat(context.getBean(HoneyHive.class)).isSameAs(OwnClient.CLIENT);
          assertThat(context).hasSingleBean(HoneyHiveMetrics.class);
        });
  }

  @Test
  void theMeterBinderExposesDeliveryStatistics() {
    runner.run(context -> {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(HoneyHiveMetrics.class).bindTo(registry);
      HoneyHive hh = context.getBean(HoneyHive.class);
      logOneEvent(hh);
      hh.flush(Duration.ofSeconds(10));
      assertThat(registry.get("honeyhive.delivery.sent").functionCounter().count()).isGreaterThanOrEqualTo(1);
      assertThat(registry.get("honeyhive.delivery.queued").gauge().value()).isZero();
      assertThat(registry.get("honeyhive.delivery.in_flight").gauge().value()).isZero();
      assertThat(registry.get("honeyhive.delivery.failed").functionCounter().count()).isZero();
      assertThat(registry.get("honeyhive.delivery.retried").functionCounter().count()).isZero();
      assertThat(registry.get("honeyhive.delivery.dropped").tag("reason", "queue_full").functionCounter().count())
          .isZero();
      assertThat(registry.get("honeyhive.delivery.dropped").functionCounters())
          .extracting(FunctionCounter::getId).hasSize(ai.honeyhive.DropReason.values().length);
    });
  }

  @Test
  void healthIsUpWhileDeliveriesSucceed() {
    runner.run(context -> {
      HoneyHive hh = context.getBean(HoneyHive.class);
      logOneEvent(hh);
      hh.flush(Duration.ofSeconds(10));
      Health health = context.getBean(HoneyHiveHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      // the session and its model event
      assertThat(health.getDetails()).containsEntry("sent", 2L).containsEntry("failed", 0L);
      assertThat(health.toString()).doesNotContain(server.apiKey());
    });
  }

  @Test
  void healthIsDegradedWhileDeliveriesFail() {
    // A closed port: every batch fails after its (zero) retries.
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .withPropertyValues("honeyhive.api-key=hh-not-a-real-key", "honeyhive.base-url=http://127.0.0.1:1/",
            "honeyhive.max-retries=0", "honeyhive.call-timeout=2s")
        .run(context -> {
          HoneyHive hh = context.getBean(HoneyHive.class);
          logOneEvent(hh);
          hh.flush(Duration.ofSeconds(10));
          HoneyHiveHealthIndicator indicator = context.getBean(HoneyHiveHealthIndicator.class);
          Health health = indicator.health();
          assertThat(health.getStatus()).isEqualTo(HoneyHiveHealthIndicator.DEGRADED);
          assertThat(health.toString()).doesNotContain("hh-not-a-real-key");
          assertThat(indicator.health().getStatus()).as("no new failure since").isEqualTo(Status.UP);
        });
  }

  @Test
  void onBoot4OnlyTheBoot4HealthIndicatorIsCreated() {
    // Boot 3's health API is on the compile class path only (provided): surefire leaves it out, as a Boot 4
    // application has no such package.
    assertThat(getClass().getClassLoader().getResource("org/springframework/boot/actuate/health/HealthIndicator.class"))
        .isNull();
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(HoneyHiveHealthIndicator.class);
      assertThat(context.getBean("honeyHiveHealthIndicator")).isInstanceOf(HoneyHiveHealthIndicator.class);
      assertThat(context.getBeanNamesForType(org.springframework.boot.health.contributor.HealthIndicator.class))
          .containsExactly("honeyHiveHealthIndicator");
    });
  }

  @Test
  void theSpringAiHandlerIsABeanWhenSpringAiIsPresent() {
    runner.run(context -> assertThat(context).hasSingleBean(HoneyHiveObservationHandler.class));
  }

  @Test
  void theSpringAiHandlerIsAbsentWhenSwitchedOff() {
    runner.withPropertyValues("honeyhive.spring-ai.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(HoneyHiveObservationHandler.class)
            .hasSingleBean(HoneyHive.class));
  }

  @Test
  void theSpringAiHandlerIsAbsentWithoutSpringAi() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HoneyHiveObservationHandler.class));
  }

  @Test
  void noMetersOrHealthWithoutMicrometerOrTheHealthApi() {
    runner.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.health"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HoneyHive.class)
            .doesNotHaveBean(HoneyHiveMetrics.class).doesNotHaveBean(HoneyHiveHealthIndicator.class));
  }

  @Test
  void closingTheContextFlushesTheClient() {
    // A batch delay far longer than the test: only close can send the event.
    runner.withPropertyValues("honeyhive.batch-delay=1h")
        .run(context -> {
          logOneEvent(context.getBean(HoneyHive.class));
          assertThat(server.events()).isEmpty();
        });
    assertThat(server.events()).hasSize(2); // the session and its model event
  }
}
