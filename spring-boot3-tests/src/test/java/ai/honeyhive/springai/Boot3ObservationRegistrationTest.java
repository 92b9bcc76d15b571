package ai.honeyhive.springai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.spring.boot.HoneyHiveAutoConfiguration;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.support.RetryTemplate;

/**
 * Spring Boot 3.5's own ObservationAutoConfiguration registers the auto-configured handler bean on the application's
 * ObservationRegistry: a Spring AI 1.1 ChatModel built on that registry, called through the context, is traced.
 */
class Boot3ObservationRegistrationTest {
  private FakeOpenAi openAi;
  private HoneyHiveTestServer server;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    server = HoneyHiveTestServer.start();
    openAi = new FakeOpenAi();
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, HoneyHiveAutoConfiguration.class))
        .withUserConfiguration(Model.class)
        .withPropertyValues("honeyhive.api-key=" + server.apiKey(), "honeyhive.base-url=" + server.baseUrl(),
            "test.openai.base-url=" + openAi.server().url("/").toString().replaceAll("/$", ""));
  }

  @AfterEach
  void stop() {
    openAi.close();
    server.close();
  }

  /** The application's model, on the context's registry (as Spring AI's own auto-configuration builds it). */
  @Configuration(proxyBeanMethods = false)
  static class Model {
    @Bean
    ChatModel chatModel(ObservationRegistry registry, @Value("${test.openai.base-url}") String baseUrl) {
      return OpenAiChatModel.builder()
          .openAiApi(OpenAiApi.builder().baseUrl(baseUrl).apiKey("sk-test").build())
          .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
          .retryTemplate(RetryTemplate.builder().maxAttempts(1).build())
          .observationRegistry(registry)
          .build();
    }
  }

  @Test
  void aChatModelCallThroughTheContextIsTraced() {
    openAi.answer("Paris.", 12, 3);

    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(HoneyHiveObservationHandler.class);
      assertThat(context.getBean(ObservationRegistry.class).isNoop()).isFalse();
      assertThat(context.getBean(ChatModel.class).call("Capital of France?")).isEqualTo("Paris.");
      context.getBean(HoneyHive.class).flush(Duration.ofSeconds(10));
    });

    List<StoredEvent> models = server.eventsOfType("model");
    assertThat(models).hasSize(1);
    assertThat(models.get(0).eventName()).isEqualTo("gpt-4o-mini");
    assertThat(models.get(0).outputs()).containsEntry("content", "Paris.");
    assertThat(models.get(0).metadata()).containsEntry("prompt_tokens", 12).containsEntry("completion_tokens", 3);
    assertThat(server.sessionTree(server.sessionIds().iterator().next()).outline()).isEqualTo("""
        session "spring-ai"
        └── model "gpt-4o-mini"
        """);
  }

  @Test
  void switchedOffNothingIsTraced() {
    openAi.answer("Paris.", 12, 3);

    runner.withPropertyValues("honeyhive.spring-ai.enabled=false").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(HoneyHiveObservationHandler.class);
      assertThat(context.getBean(ChatModel.class).call("Capital of France?")).isEqualTo("Paris.");
      context.getBean(HoneyHive.class).flush(Duration.ofSeconds(10));
    });

    assertThat(openAi.server().getRequestCount()).isEqualTo(1);
    assertThat(server.events()).isEmpty();
  }
}
