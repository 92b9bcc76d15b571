package ai.honeyhive.spring.boot;

import ai.honeyhive.springai.HoneyHiveObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The Spring AI handler's place in the application's life: at startup, a warning when no {@link ObservationRegistry}
 * bean exists (Spring AI then observes nothing, and nothing would be recorded, silently); at shutdown, before the
 * client closes, a bounded wait for the calls still open, so that a stream finishing as the context closes keeps its
 * events.
 */
final class SpringAiLifecycle implements SmartInitializingSingleton, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger("ai.honeyhive.spring");
  /** The longest the context's close waits for open Spring AI calls. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

  private final HoneyHiveObservationHandler handler;
  private final ObjectProvider<ObservationRegistry> registries;

  SpringAiLifecycle(HoneyHiveObservationHandler handler, ObjectProvider<ObservationRegistry> registries) {
    this.handler = handler;
    this.registries = registries;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ObservationRegistry registry = registries.getIfAvailable();
    if (registry == null || registry.isNoop()) {
      log.warn("HoneyHive: no ObservationRegistry bean, so Spring AI's calls are not observed and HoneyHive records"
          + " none of them. Add spring-boot-starter-actuator (or, on Spring Boot 4, spring-boot-micrometer-observation),"
          + " or set honeyhive.spring-ai.enabled=false to silence this.");
    }
  }

  @Override
  public void destroy() {
    if (!handler.awaitOpenCalls(DRAIN_TIMEOUT)) {
      log.warn("HoneyHive: Spring AI calls were still running {} s after the context began to close; their events"
          + " are not sent", DRAIN_TIMEOUT.toSeconds());
    }
  }
}
