package ai.honeyhive.examples;

import ai.honeyhive.examples.springboot.SupportApplication;
import ai.honeyhive.examples.springboot.SupportService;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot 4 application ({@link SupportApplication}) with the HoneyHive starter and Spring AI's OpenAI starter:
 * a {@code ChatClient} with a {@code @Tool}, traced with no HoneyHive code in the business logic. Spring AI's real
 * {@code OpenAiChatModel} talks to a {@link FakeOpenAi} started here; the HoneyHive client is the one the starter
 * builds from the {@code honeyhive.*} properties. One call makes a tool round trip, one is streamed; closing the
 * application context closes, and so flushes, the client. Each call is a session the integration opened.
 */
public final class SpringAiBootExample implements Example {
  /** The {@code honeyhive.source} of the application, by which its sessions are found again. */
  static final String SOURCE = "spring-boot-example";
  /** The question that needs the order tool. */
  static final String ORDER_QUESTION = "Where is my order A-100?";
  /** The question answered by streaming. */
  static final String POLICY_QUESTION = "What is your return policy?";

  private final Map<String, Object> extraBeans;

  /** The example as the examples command runs it. */
  public SpringAiBootExample() {
    this(Map.of());
  }

  /** The example with {@code extraBeans} added to the application; for tests. */
  SpringAiBootExample(Map<String, Object> extraBeans) {
    this.extraBeans = Map.copyOf(extraBeans);
  }

  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new SpringAiBootExample());
  }

  @Override
  public String title() {
    return "10. Spring Boot + Spring AI: a ChatClient with a tool, traced by the starter alone";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    Instant started = Instant.now();
    try (FakeOpenAi openAi = FakeOpenAi.start()) {
      List<String> properties = new ArrayList<>(List.of(
          "spring.main.banner-mode=off",
          "spring.ai.openai.base-url=" + openAi.baseUrl(),
          "spring.ai.openai.api-key=sk-fake-not-a-secret",
          "spring.ai.openai.chat.model=gpt-4o-mini",
          "spring.ai.openai.chat.temperature=0.2",
          "spring.ai.openai.chat.stream-options.include-usage=true",
          "honeyhive.source=" + SOURCE));
      properties.addAll(backend.springProperties());
      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SupportApplication.class)
          .web(WebApplicationType.NONE)
          .logStartupInfo(false)
          .properties(properties.toArray(String[]::new))
          .initializers(app -> extraBeans.forEach(app.getBeanFactory()::registerSingleton))
          .run()) {
        SupportService support = context.getBean(SupportService.class);
        out.println("answer: " + support.answer(ORDER_QUESTION));
        out.println("streamed: " + String.join("|", support.streamAnswer(POLICY_QUESTION)));
      } // waits for the Spring AI calls still open (a stream ends just after its last part), then closes the client
        // the starter made, which sends what is still queued
      out.println("the fake OpenAI answered: " + String.join(", ", openAi.answered()));
    }
    return backend.sessionsOf(SOURCE, started);
  }
}
