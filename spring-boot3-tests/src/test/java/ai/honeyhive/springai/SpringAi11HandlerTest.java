package ai.honeyhive.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.retry.support.RetryTemplate;

/**
 * The handler, compiled against Spring AI 2.0, with Spring AI 1.1's real OpenAI chat model and ChatClient, against a
 * fake OpenAI endpoint and the HoneyHive test server: the calls of the spring-ai module's own
 * HoneyHiveObservationHandlerTest, with the model built the 1.1 way (an {@link OpenAiApi}, a retry template).
 */
class SpringAi11HandlerTest {
  private HoneyHiveTestServer server;
  private HoneyHive hh;
  private FakeOpenAi openAi;

  @BeforeEach
  void start() {
    server = HoneyHiveTestServer.start();
    hh = server.clientBuilder().build();
    server.flushBeforeQueries(hh);
    openAi = new FakeOpenAi();
  }

  @AfterEach
  void stop() {
    hh.close();
    openAi.close();
    server.close();
  }

  /** A ChatClient on Spring AI 1.1's OpenAiChatModel, both (and the model's tool calls) observed by the handler. */
  private ChatClient chatClient() {
    return chatClient(HoneyHiveObservationHandler.create(hh));
  }

  private ChatClient chatClient(HoneyHiveObservationHandler handler) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(handler);
    String root = openAi.server().url("/").toString();
    OpenAiApi api = OpenAiApi.builder().baseUrl(root.substring(0, root.length() - 1))
        .apiKey("sk-test-not-a-secret").build();
    OpenAiChatModel model = OpenAiChatModel.builder()
        .openAiApi(api)
        .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").temperature(0.2).maxTokens(100)
            .streamUsage(true).build())
        // One attempt: Spring AI 1.1 retries a 500 ten times by default (spring-retry).
        .retryTemplate(RetryTemplate.builder().maxAttempts(1).build())
        // Spring AI 1.1 runs tools inside the model, with a manager that observes nothing unless given the registry
        // (Spring Boot's auto-configured manager is).
        .toolCallingManager(ToolCallingManager.builder().observationRegistry(registry).build())
        .observationRegistry(registry)
        .build();
    return ChatClient.builder(model, registry, null, null).build();
  }

  private String onlySession() {
    assertThat(server.sessionIds()).hasSize(1);
    return server.sessionIds().iterator().next();
  }

  private StoredEvent only(String type) {
    List<StoredEvent> events = server.eventsOfType(type);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void aPlainCallIsAChainWithAModelEventInANewSession() {
    openAi.answer("Paris.", 12, 3);

    String answer = chatClient().prompt().system("Answer briefly.").user("Capital of France?").call().content();

    assertThat(answer).isEqualTo("Paris.");
    assertThat(server.sessionTree(onlySession()).outline()).isEqualTo("""
        session "spring-ai"
        └── chain "spring_ai.chat_client"
            └── model "gpt-4o-mini"
        """);
    StoredEvent model = only("model");
    assertThat(model.config()).containsEntry("provider", "openai").containsEntry("temperature", 0.2)
        .containsEntry("max_tokens", 100).doesNotContainKey("stream");
    assertThat(model.inputs().get("messages")).isEqualTo(List.of(
        Map.of("role", "system", "content", "Answer briefly."),
        Map.of("role", "user", "content", "Capital of France?")));
    assertThat(model.outputs()).containsEntry("role", "assistant").containsEntry("content", "Paris.");
    // No cache_read_input_tokens: Spring AI 1.1's Usage does not have it.
    assertThat(model.metadata()).containsEntry("prompt_tokens", 12).containsEntry("completion_tokens", 3)
        .containsEntry("total_tokens", 15).containsEntry("finish_reason", "STOP")
        .containsEntry("response_id", "chatcmpl-stop").doesNotContainKey("cache_read_input_tokens");
    assertThat(only("chain").outputs()).containsEntry("content", "Paris.");
  }

  @Test
  void aToolRoundTripIsModelThenToolThenModelUnderTheChatClientChain() {
    openAi.toolCall("call_1", "weather", "{\"city\":\"Paris\"}").answer("Sunny in Paris.", 30, 5);

    String answer = chatClient().prompt().user("Weather in Paris?").tools(new WeatherTools()).call().content();

    assertThat(answer).isEqualTo("Sunny in Paris.");
    assertThat(server.sessionTree(onlySession()).outline()).isEqualTo("""
        session "spring-ai"
        └── chain "spring_ai.chat_client"
            ├── model "gpt-4o-mini"
            ├── tool "weather"
            └── model "gpt-4o-mini"
        """);
    StoredEvent tool = only("tool");
    assertThat(tool.eventName()).isEqualTo("weather");
    assertThat(tool.inputs()).containsEntry("arguments", "{\"city\":\"Paris\"}");
    assertThat(tool.outputs()).containsEntry("result", "\"sunny, 21 C in Paris\"");
    // Spring AI 1.1's tool context has no call id nor tool type.
    assertThat(tool.metadata()).doesNotContainKey("tool_call_id");
    StoredEvent asking = server.eventsOfType("model").stream()
        .filter(e -> e.outputs().containsKey("tool_calls")).findFirst().orElseThrow();
    assertThat(asking.outputs().get("tool_calls")).isEqualTo(List.of(Map.of("id", "call_1", "type", "function",
        "name", "weather", "arguments", "{\"city\":\"Paris\"}")));
    assertThat(asking.metadata()).containsEntry("finish_reason", "TOOL_CALLS");
    StoredEvent answering = server.eventsOfType("model").stream()
        .filter(e -> !e.outputs().containsKey("tool_calls")).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) answering.inputs().get("messages");
    assertThat(history).extracting(m -> m.get("role")).containsExactly("user", "assistant", "tool");
    assertThat(history.get(2)).containsEntry("tool_call_id", "call_1").containsEntry("name", "weather");
  }

  @Test
  void aStreamedCallIsOneModelEventWithTheAggregatedCompletionAndUsage() {
    openAi.stream(9, 3, "Hel", "lo", "!");

    List<String> parts = chatClient().prompt().user("Say hello").stream().content().collectList().block();

    assertThat(String.join("", parts)).isEqualTo("Hello!");
    assertThat(server.sessionTree(onlySession()).outline()).isEqualTo("""
        session "spring-ai"
        └── chain "spring_ai.chat_client"
            └── model "gpt-4o-mini"
        """);
    StoredEvent model = only("model");
    // Spring AI 1.1 has no streaming flag on the model's context: the handler takes the chat client's.
    assertThat(model.config()).containsEntry("stream", true);
    assertThat(model.outputs()).containsEntry("content", "Hello!");
    assertThat(model.metadata()).containsEntry("prompt_tokens", 9).containsEntry("completion_tokens", 3);
    assertThat(only("chain").metadata()).containsEntry("stream", true);
  }

  @Test
  void anHttp500IsRecordedAsTheModelEventsErrorAndStillThrownToTheCaller() {
    openAi.error(500);
    ChatClient client = chatClient();

    assertThatThrownBy(() -> client.prompt().user("Hi").call().content()).isInstanceOf(RuntimeException.class);

    assertThat(openAi.server().getRequestCount()).as("one attempt, no retry").isEqualTo(1);
    assertThat(only("model").error()).isNotBlank();
    assertThat(only("chain").error()).isNotBlank();
  }

  @Test
  void aCallInsideAUserSpanNestsUnderIt() {
    openAi.answer("42", 5, 1);
    ChatClient client = chatClient();

    String sessionId;
    try (Session session = hh.session("support").start()) {
      sessionId = session.sessionId();
      session.chain("answer").run(() -> client.prompt().user("The answer?").call().content());
    }

    assertThat(server.sessionIds()).containsExactly(sessionId);
    assertThat(server.sessionTree(sessionId).outline()).isEqualTo("""
        session "support"
        └── chain "answer"
            └── chain "spring_ai.chat_client"
                └── model "gpt-4o-mini"
        """);
  }

  @Test
  void withContentCaptureOffNoTextIsRecordedButUsageIs() {
    openAi.toolCall("call_1", "weather", "{\"city\":\"Paris\"}").answer("Sunny in Paris.", 30, 5);
    ChatClient client = chatClient(HoneyHiveObservationHandler.builder(hh).captureContent(false).build());

    assertThat(client.prompt().user("Weather in Paris?").tools(new WeatherTools()).call().content())
        .isEqualTo("Sunny in Paris.");

    assertThat(server.events()).hasSize(5); // session, chain, model, tool, model
    for (StoredEvent event : server.events()) {
      assertThat(event.toMap().toString()).doesNotContain("Paris");
    }
    assertThat(server.eventsOfType("model")).hasSize(2).allSatisfy(model -> assertThat(model.metadata())
        .containsKey("prompt_tokens"));
    assertThat(only("tool").eventName()).isEqualTo("weather");
  }

  /** A Spring AI tool: a {@code @Tool} method the model asks for. */
  static final class WeatherTools {
    @Tool(description = "Current weather of a city")
    String weather(String city) {
      return "sunny, 21 C in " + city;
    }
  }
}
