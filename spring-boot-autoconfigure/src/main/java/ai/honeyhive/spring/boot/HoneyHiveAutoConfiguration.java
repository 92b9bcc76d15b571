package ai.honeyhive.spring.boot;

import ai.honeyhive.DeliveryListener;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.langchain4j.HoneyHiveAiServiceListener;
import ai.honeyhive.langchain4j.HoneyHiveChatModelListener;
import ai.honeyhive.langchain4j.HoneyHiveRetrievalListener;
import ai.honeyhive.springai.HoneyHiveObservationHandler;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link HoneyHive} client from the {@code honeyhive.*} properties ({@link HoneyHiveProperties}),
 * closed (and so flushed) with the application context, and around it, each when its library is present:
 * <ul>
 *   <li>a Micrometer {@link MeterBinder} of the delivery statistics ({@code honeyhive.delivery.*});</li>
 *   <li>an Actuator {@link HealthIndicator} named {@code honeyHive}, {@code DEGRADED} while deliveries fail (Boot 4's
 *       health API; on Boot 3, {@link HoneyHiveBoot3HealthIndicator});</li>
 *   <li>a Spring AI {@link HoneyHiveObservationHandler}, which Boot's observation auto-configuration registers; off
 *       with {@code honeyhive.spring-ai.enabled=false};</li>
 *   <li>the LangChain4j listeners ({@link HoneyHiveChatModelListener}, {@link HoneyHiveAiServiceListener},
 *       {@link HoneyHiveRetrievalListener}); off with {@code honeyhive.langchain4j.enabled=false}.</li>
 * </ul>
 * Every bean backs off when the application defines one of the same type.
 */
@AutoConfiguration
@EnableConfigurationProperties(HoneyHiveProperties.class)
public class HoneyHiveAutoConfiguration {

  /** Created by Spring Boot. */
  public HoneyHiveAutoConfiguration() {}

  /**
   * Counts dropped writes by reason for the metrics, passing reports on to the application's listeners.
   *
   * @param listeners the application's {@link DeliveryListener} beans
   * @return the counts
   */
  @Bean
  @ConditionalOnMissingBean
  public DropCounts honeyHiveDropCounts(ObjectProvider<DeliveryListener> listeners) {
    return new DropCounts(listeners.orderedStream().collect(Collectors.toList()));
  }

  /**
   * The client: the {@code HH_*} environment variables, overridden by the {@code honeyhive.*} properties set.
   *
   * @param properties the bound properties
   * @param drops the drop counts it reports to
   * @return the client
   * @throws IllegalStateException naming {@code honeyhive.api-key} and {@code HH_API_KEY} when no key is set and the
   *     client is enabled
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public HoneyHive honeyHive(HoneyHiveProperties properties, DropCounts drops) {
    return HoneyHiveClientFactory.create(properties, drops);
  }

  /** The delivery meters, when Micrometer is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    HoneyHiveMetrics honeyHiveMetrics(HoneyHive honeyHive, ObjectProvider<DropCounts> drops) {
      return new HoneyHiveMetrics(honeyHive, drops.getIfAvailable());
    }
  }

  /** The health indicator, when Spring Boot's health API (Boot 4's {@code spring-boot-health}) is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Health {
    @Bean
    @ConditionalOnMissingBean
    HoneyHiveHealthIndicator honeyHiveHealthIndicator(HoneyHive honeyHive) {
      return new HoneyHiveHealthIndicator(honeyHive);
    }
  }

  /**
   * The health indicator on Spring Boot 3, whose health API is {@code org.springframework.boot.actuate.health}
   * ({@code spring-boot-actuator}; Boot 4's actuator no longer has that package). Never together with the Boot 4 one
   * ({@code Health} above): both beans are named {@code honeyHiveHealthIndicator}, so the health component is {@code honeyHive} on either.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot3Health {
    @Bean("honeyHiveHealthIndicator")
    @ConditionalOnMissingBean
    HoneyHiveBoot3HealthIndicator honeyHiveBoot3HealthIndicator(HoneyHive honeyHive) {
      return new HoneyHiveBoot3HealthIndicator(honeyHive);
    }
  }

  /** The Spring AI observation handler, when honeyhive-spring-ai and Spring AI are present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"ai.honeyhive.springai.HoneyHiveObservationHandler",
      "org.springframework.ai.chat.observation.ChatModelObservationContext",
      "io.micrometer.observation.ObservationHandler"})
  @ConditionalOnProperty(prefix = "honeyhive.spring-ai", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  static class SpringAi {
    @Bean
    @ConditionalOnMissingBean
    HoneyHiveObservationHandler honeyHiveObservationHandler(HoneyHive honeyHive, HoneyHiveProperties properties) {
      return HoneyHiveObservationHandler.builder(honeyHive)
          .captureContent(properties.getSpringAi().isCaptureContent())
          .build();
    }

    @Bean
    SpringAiLifecycle honeyHiveSpringAiLifecycle(HoneyHiveObservationHandler handler,
        ObjectProvider<ObservationRegistry> registries) {
      return new SpringAiLifecycle(handler, registries);
    }
  }

  /**
   * The LangChain4j listeners, when honeyhive-langchain4j and LangChain4j are present. LangChain4j's Spring Boot
   * starters add every {@code ChatModelListener} bean to the chat models they make; the AI-service and retrieval
   * listeners are for the application to register where it builds AI services, stores and retrievers.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"ai.honeyhive.langchain4j.HoneyHiveChatModelListener",
      "dev.langchain4j.model.chat.listener.ChatModelListener"})
  @ConditionalOnProperty(prefix = "honeyhive.langchain4j", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  static class LangChain4j {
    @Bean
    @ConditionalOnMissingBean
    HoneyHiveChatModelListener honeyHiveChatModelListener(HoneyHive honeyHive, HoneyHiveProperties properties) {
      return HoneyHiveChatModelListener.builder(honeyHive)
          .captureContent(properties.getLangchain4j().isCaptureContent())
          .build();
    }

    @Bean
    @ConditionalOnMissingBean
    HoneyHiveRetrievalListener honeyHiveRetrievalListener(HoneyHive honeyHive, HoneyHiveProperties properties) {
      return HoneyHiveRetrievalListener.create(honeyHive, properties.getLangchain4j().isCaptureContent(),
          UnaryOperator.identity());
    }

    /** The AI-service listener, when LangChain4j's AI services (artifact {@code langchain4j}) are present too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"dev.langchain4j.service.tool.ToolExecution",
        "dev.langchain4j.observability.api.listener.AiServiceListener"})
    static class AiServiceEvents {
      @Bean
      @ConditionalOnMissingBean
      HoneyHiveAiServiceListener honeyHiveAiServiceListener(HoneyHive honeyHive, HoneyHiveProperties properties) {
        return HoneyHiveAiServiceListener.create(honeyHive, properties.getLangchain4j().isCaptureContent(),
            UnaryOperator.identity());
      }
    }
  }
}
