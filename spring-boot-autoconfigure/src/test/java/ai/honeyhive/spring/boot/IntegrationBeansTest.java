package ai.honeyhive.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.langchain4j.HoneyHiveAiServiceListener;
import ai.honeyhive.langchain4j.HoneyHiveChatModelListener;
import ai.honeyhive.langchain4j.HoneyHiveRetrievalListener;
import ai.honeyhive.springai.HoneyHiveObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * The framework integrations' beans: LangChain4j's listeners by condition and switch, and the Spring AI handler
 * reaching the {@link ObservationRegistry} through Boot's own observation auto-configuration.
 */
class IntegrationBeansTest extends AutoConfigurationTestBase {
  @Test
  void langChain4jListenersAreBeansWhenLangChain4jIsPresent() {
    // langchain4j-core is on this class path, the AI-services artifact (langchain4j) is not
    runner.run(context -> assertThat(context).hasNotFailed()
        .hasSingleBean(HoneyHiveChatModelListener.class).hasSingleBean(HoneyHiveRetrievalListener.class)
        .doesNotHaveBean(HoneyHiveAiServiceListener.class));
  }

  @Test
  void langChain4jListenersAreAbsentWhenSwitchedOffOrWithoutLangChain4j() {
    runner.withPropertyValues("honeyhive.langchain4j.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HoneyHiveChatModelListener.class)
            .doesNotHaveBean(HoneyHiveRetrievalListener.class));
    runner.withClassLoader(new FilteredClassLoader("dev.langchain4j"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HoneyHiveChatModelListener.class));
  }

  @Test
  void bootsObservationAutoConfigurationRegistersTheSpringAiHandler() {
    runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, HoneyHiveAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HoneyHiveObservationHandler.class);
          ObservationRegistry registry = context.getBean(ObservationRegistry.class);
          ChatModelObservationContext chat = ChatModelObservationContext.builder()
              .prompt(new Prompt("Capital of France?"))
              .provider("openai")
              .build();
          Observation.createNotStarted("gen_ai.client.operation", () -> chat, registry).observe(() -> { });
          context.getBean(ai.honeyhive.HoneyHive.class).flush(java.time.Duration.ofSeconds(10));
          assertThat(server.eventsOfType("model")).hasSize(1);
        });
  }

  @Test
  void withoutBootsObservationAutoConfigurationNothingIsTraced() {
    // the guard of the test above: the handler bean alone does not reach a registry
    runner.run(context -> {
      assertThat(context).hasSingleBean(HoneyHiveObservationHandler.class).doesNotHaveBean(ObservationRegistry.class);
    });
  }

  @Test
  void closingTheContextWaitsForSpringAiCallsStillOpenSoTheirEventsAreSent() throws Exception {
    AtomicReference<Thread> stopper = new AtomicReference<>();
    runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, HoneyHiveAutoConfiguration.class))
        .run(context -> {
          ObservationRegistry registry = context.getBean(ObservationRegistry.class);
          ChatModelObservationContext chat = ChatModelObservationContext.builder()
              .prompt(new Prompt("Stream me something")).provider("openai").build();
          Observation running = Observation.start("gen_ai.client.operation", () -> chat, registry);
          // as with a stream: the observation stops a moment after the caller had its answer
          Thread thread = new Thread(() -> {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            running.stop();
          });
          thread.start();
          stopper.set(thread);
        }); // the context closes here, with the call still open
    stopper.get().join(10_000);
    assertThat(server.eventsOfType("model")).hasSize(1);
  }
}
