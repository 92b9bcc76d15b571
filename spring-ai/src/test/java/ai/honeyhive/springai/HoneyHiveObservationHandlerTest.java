package ai.honeyhive.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;

/** Spring AI's real OpenAI chat model and ChatClient, against a fake OpenAI endpoint and the HoneyHive test server. */
class HoneyHiveObservationHandlerTest {
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

  /** A ChatClient on OpenAiChatModel, both observed by {@code handler}. */
  private ChatClient chatClient(HoneyHiveObservationHandler handler) {
    return chatClient(handler, Duration.ofSeconds(10));
  }

  private ChatClient chatClient(HoneyHiveObservationHandler handler, Duration timeout) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(handler);
    OpenAiChatModel model = OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-secret")
            .model("gpt-4o-mini").temperature(0.2).maxTokens(100).maxRetries(0).streamUsage(true)
            .timeout(timeout).build())
        .observationRegistry(registry)
        .build();
    return ChatClient.builder(model, registry, null, null).build();
  }

  private ChatClient chatClient() {
    return chatClient(HoneyHiveObservationHandler.create(hh));
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
        .containsEntry("max_tokens", 100);
    assertThat(model.inputs().get("messages")).isEqualTo(List.of(
        Map.of("role", "system", "content", "Answer briefly."),
        Map.of("role", "user", "content", "Capital of France?")));
    assertThat(model.outputs()).containsEntry("role", "assistant").containsEntry("content", "Paris.");
    assertThat(model.metadata()).containsEntry("prompt_tokens", 12).containsEntry("completion_tokens", 3)
        .containsEntry("total_tokens", 15).containsEntry("finish_reason", "STOP")
        .containsEntry("response_id", "chatcmpl-stop").containsEntry("cache_read_input_tokens", 4);
    assertThat(only("chain").outputs()).containsEntry("content", "Paris.");
  }

  @Test
  void aToolRoundTripIsModelThenToolThenModelUnderTheChatClientChain() {
    openAi.toolCall("call_1", "weather", "{\"city\":\"Paris\"}").answer("Sunny in Paris.", 30, 5);

    String answer = chatClient().prompt().user("Weather in Paris?").tools(new WeatherTools()).call().content();

    assertThat(answer).isEqualTo("Sunny in Paris.");
    // Spring AI 2 runs tools in the ChatClient's tool-calling advisor: the tool observation's parent is the chat
    // client's, so the tool is the chain's child, between the model call that asked for it and the one that answered.
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
    assertThat(tool.metadata()).containsEntry("tool_call_id", "call_1");
    StoredEvent asking = server.eventsOfType("model").stream()
        .filter(e -> e.outputs().containsKey("tool_calls")).findFirst().orElseThrow();
    assertThat(asking.outputs().get("tool_calls")).isEqualTo(List.of(Map.of("id", "call_1", "type", "function",
        "name", "weather", "arguments", "{\"city\":\"Paris\"}")));
    assertThat(asking.metadata()).containsEntry("finish_reason", "TOOL_CALLS");
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
    assertThat(model.config()).containsEntry("stream", true);
    assertThat(model.outputs()).containsEntry("content", "Hello!");
    assertThat(model.metadata()).containsEntry("prompt_tokens", 9).containsEntry("completion_tokens", 3);
  }

  @Test
  void aStreamedToolRoundTripIsModelThenToolThenModelWithUsageOnEachTurn() {
    openAi.streamToolCall("call_7", "weather", "{\"city\":\"Paris\"}").stream(30, 5, "Sunny ", "in Paris.");

    List<String> parts = chatClient().prompt().user("Weather in Paris?").tools(new WeatherTools()).stream()
        .content().collectList().block();

    assertThat(String.join("", parts)).isEqualTo("Sunny in Paris.");
    assertThat(server.sessionTree(onlySession()).outline()).isEqualTo("""
        session "spring-ai"
        └── chain "spring_ai.chat_client"
            ├── model "gpt-4o-mini"
            ├── tool "weather"
            └── model "gpt-4o-mini"
        """);
    assertThat(only("tool").inputs()).containsEntry("arguments", "{\"city\":\"Paris\"}");
    assertThat(server.eventsOfType("model")).extracting(e -> e.metadata().get("total_tokens"))
        .containsExactlyInAnyOrder(27, 35);
    StoredEvent answering = server.eventsOfType("model").stream()
        .filter(e -> "Sunny in Paris.".equals(e.outputs().get("content"))).findFirst().orElseThrow();
    assertThat(answering.config()).containsEntry("stream", true);
  }

  @Test
  void anHttp500IsRecordedAsTheModelEventsErrorAndStillThrownToTheCaller() {
    openAi.error(500);
    ChatClient client = chatClient();

    assertThatThrownBy(() -> client.prompt().user("Hi").call().content()).isInstanceOf(RuntimeException.class);

    StoredEvent model = only("model");
    assertThat(model.error()).isNotBlank();
    assertThat(only("chain").error()).isNotBlank();
  }

  @Test
  void errorMessagesFollowTheContentSettings() {
    openAi.error(500).error(500);
    ChatClient plain = chatClient();
    ChatClient shapesOnly = chatClient(HoneyHiveObservationHandler.builder(hh).captureContent(false).build());

    assertThatThrownBy(() -> plain.prompt().user("Hi").call().content()).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> shapesOnly.prompt().user("Hi").call().content()).isInstanceOf(RuntimeException.class);

    List<String> errors = server.eventsOfType("model").stream().map(StoredEvent::error).toList();
    // with content: "Type: message" (the message may quote the prompt); without: the exception's type alone
    assertThat(errors).hasSize(2).anySatisfy(error -> assertThat(error).contains(": ").contains("the fake is down"))
        .anySatisfy(error -> assertThat(error).doesNotContain(" ").doesNotContain("fake"));
  }

  @Test
  void aTimeoutIsRecordedAsTheModelEventsErrorAndStillThrownToTheCaller() {
    openAi.slowAnswer(3_000);
    ChatClient client = chatClient(HoneyHiveObservationHandler.create(hh), Duration.ofMillis(300));

    assertThatThrownBy(() -> client.prompt().user("Hi").call().content()).isInstanceOf(RuntimeException.class);

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

    client.prompt().user("Weather in Paris?").tools(new WeatherTools()).call().content();

    for (StoredEvent event : server.events()) {
      assertThat(event.toMap().toString()).doesNotContain("Paris");
    }
    assertThat(server.eventsOfType("model")).allSatisfy(model -> assertThat(model.metadata())
        .containsKey("prompt_tokens"));
    assertThat(only("tool").eventName()).isEqualTo("weather");
  }

  @Test
  void theRedactionHookRewritesEveryCapturedText() {
    openAi.toolCall("call_1", "weather", "{\"city\":\"Paris\"}").answer("Sunny in Paris.", 30, 5);
    UnaryOperator<String> redact = text -> text.replace("Paris", "[city]");
    ChatClient client = chatClient(HoneyHiveObservationHandler.builder(hh).redact(redact).build());

    client.prompt().user("Weather in Paris?").tools(new WeatherTools()).call().content();

    for (StoredEvent event : server.events()) {
      assertThat(event.toMap().toString()).doesNotContain("Paris");
    }
    assertThat(only("tool").inputs()).containsEntry("arguments", "{\"city\":\"[city]\"}");
    assertThat(only("chain").outputs()).containsEntry("content", "Sunny in [city].");
  }

  @Test
  void aThrowingRedactionHookNeverBreaksTheCallNorLeaksTheText() {
    openAi.answer("Paris.", 12, 3);
    ChatClient client = chatClient(HoneyHiveObservationHandler.builder(hh).redact(text -> {
      throw new IllegalStateException("boom");
    }).build());

    assertThat(client.prompt().user("Capital of France?").call().content()).isEqualTo("Paris.");

    assertThat(only("model").outputs()).containsEntry("content", "[redaction failed]");
  }

  /** A Spring AI tool: a {@code @Tool} method the model asks for. */
  static final class WeatherTools {
    @Tool(description = "Current weather of a city")
    String weather(String city) {
      return "sunny, 21 C in " + city;
    }
  }
}
