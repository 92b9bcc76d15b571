package ai.honeyhive.examples.springboot;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot 4 application answering support questions with Spring AI: an ordinary application, with no HoneyHive
 * code. It is traced because its classpath has {@code honeyhive-spring-boot-starter} (a HoneyHive client from the
 * {@code honeyhive.*} properties, and {@code honeyhive-spring-ai}, the observation handler the starter registers)
 * and {@code spring-boot-micrometer-observation} (the {@code ObservationRegistry} Spring AI reports to). Run by
 * {@link ai.honeyhive.examples.SpringAiBootExample}.
 */
@SpringBootApplication
public class SupportApplication {
  /** Created by Spring. */
  public SupportApplication() {}

  /**
   * The chat client the support service talks through, from the builder Spring AI auto-configures (on the
   * application's {@code ObservationRegistry}, so its calls are observed).
   *
   * @param builder Spring AI's builder
   * @return the client
   */
  @Bean
  ChatClient supportChatClient(ChatClient.Builder builder) {
    return builder.defaultSystem("You are the support assistant of an online shop. Answer in one sentence.").build();
  }
}
