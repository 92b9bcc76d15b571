package ai.honeyhive.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.InstanceOfAssertFactories;

import ai.honeyhive.CurrentScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // try (CurrentScope scope = ...) only scopes the current session
class HoneyHiveChatModelListenerTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();
  private final HoneyHive hh = server.clientBuilder().shutdownHook(false).build();
  private final FakeOpenAi openAi = new FakeOpenAi();

  HoneyHiveChatModelListenerTest() {
    server.flushBeforeQueries(hh);
  }

  @AfterEach
  void close() throws Exception {
    hh.close();
    server.close();
    openAi.close();
  }

  private ChatModel model(ChatModelListener listener) {
    return OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-real-key")
        .modelName("gpt-4o-mini").temperature(0.2).maxTokens(100).topP(0.9).maxRetries(0)
        .listeners(List.of(listener)).build();
  }

  private StoredEvent onlyModelEvent() {
    List<StoredEvent> models = server.eventsOfType("model");
    assertThat(models).hasSize(1);
    return models.get(0);
  }

  @Test
  void plainCallIsOneModelEventWithParametersMessagesCompletionAndUsage() {
    openAi.answers("Paris.");
    Session session = hh.session("geo").start();
    try (CurrentScope scope = session.makeCurrent()) {
      model(HoneyHiveChatModelListener.create(hh)).chat(List.of(SystemMessage.from("Be brief."),
          UserMessage.from("Capital of France?")));
    }
    session.end();

    assertThat(server.sessionTree(session.sessionId()).outline())
        .isEqualTo("session \"geo\"\n└── model \"gpt-4o-mini\"\n");
    StoredEvent model = onlyModelEvent();
    assertThat(model.config()).containsEntry("provider", "openai").containsEntry("model", "gpt-4o-mini")
        .containsEntry("temperature", 0.2).containsEntry("top_p", 0.9);
    assertThat(number(model.config().get("max_tokens"))).isEqualTo(100);
    assertThat(model.inputs().get("messages")).isEqualTo(List.of(
        Map.of("role", "system", "content", "Be brief."),
        Map.of("role", "user", "content", "Capital of France?")));
    assertThat(model.outputs()).containsEntry("role", "assistant").containsEntry("content", "Paris.");
    assertThat(number(model.metadata().get("prompt_tokens"))).isEqualTo(12);
    assertThat(number(model.metadata().get("completion_tokens"))).isEqualTo(3);
    assertThat(number(model.metadata().get("total_tokens"))).isEqualTo(15);
    assertThat(number(model.metadata().get("cached_tokens"))).isEqualTo(4);
    assertThat(model.metadata()).containsEntry("finish_reason", "stop").containsEntry("response_id", "chatcmpl-1")
        .containsEntry("response_model", "gpt-4o-mini-2024-07-18");
    assertThat(model.error()).isNull();
  }

  @Test
  void withNoCurrentScopeTheCallGetsASessionNamedAfterTheModel() {
    openAi.answers("Hi.");
    model(HoneyHiveChatModelListener.create(hh)).chat("Hello");

    String sessionId = onlyModelEvent().sessionId();
    assertThat(server.sessionTree(sessionId).outline())
        .isEqualTo("session \"gpt-4o-mini\"\n└── model \"gpt-4o-mini\"\n");
  }

  @Test
  void toolCallingRoundTripIsTwoModelEventsWithTheToolCallAndItsResult() {
    openAi.callsTool("weather", "{\\\"city\\\":\\\"Paris\\\"}").answers("Sunny in Paris.");
    ChatModel model = model(HoneyHiveChatModelListener.create(hh));
    ToolSpecification weather = ToolSpecification.builder().name("weather").description("Weather of a city")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").build()).build();
    Session session = hh.session("tools").start();
    try (CurrentScope scope = session.makeCurrent()) {
      List<ChatMessage> messages = new ArrayList<>(List.of(UserMessage.from("Weather in Paris?")));
      ChatResponse first = model.chat(ChatRequest.builder().messages(messages).toolSpecifications(weather).build());
      ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
      messages.add(first.aiMessage());
      messages.add(ToolExecutionResultMessage.from(call, "sunny, 24 C"));
      model.chat(ChatRequest.builder().messages(messages).toolSpecifications(weather).build());
    }
    session.end();

    assertThat(server.sessionTree(session.sessionId()).outline())
        .isEqualTo("session \"tools\"\n├── model \"gpt-4o-mini\"\n└── model \"gpt-4o-mini\"\n");
    List<StoredEvent> models = server.eventsOfType("model");
    StoredEvent asked = models.get(0);
    assertThat(asked.config().get("tools")).isEqualTo(List.of(Map.of("name", "weather",
        "description", "Weather of a city")));
    assertThat(asked.outputs().get("tool_calls")).isEqualTo(List.of(Map.of("id", "call_1", "name", "weather",
        "arguments", "{\"city\":\"Paris\"}")));
    assertThat(asked.metadata()).containsEntry("finish_reason", "tool_execution");
    StoredEvent answered = models.get(1);
    assertThat(answered.inputs().get("messages")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(
        Map.of("role", "tool", "tool_call_id", "call_1", "name", "weather", "content", "sunny, 24 C"));
    assertThat(answered.outputs()).containsEntry("content", "Sunny in Paris.");
  }

  @Test
  void streamedCallRecordsTheAggregatedCompletionAndTheUsageFromTheStream() throws Exception {
    openAi.streams("Hel", "lo");
    StreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl())
        .apiKey("sk-test-not-a-real-key").modelName("gpt-4o-mini")
        .listeners(List.of(HoneyHiveChatModelListener.create(hh))).build();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    Session session = hh.session("stream").start();
    try (CurrentScope scope = session.makeCurrent()) {
      model.chat("Say hello", new StreamingChatResponseHandler() {
        @Override
        public void onPartialResponse(String partialResponse) {}

        @Override
        public void onCompleteResponse(ChatResponse response) {
          done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
          done.completeExceptionally(error);
        }
      });
    }
    assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Hello");
    awaitModelEvents(1);
    session.end();

    assertThat(server.sessionTree(session.sessionId()).outline())
        .isEqualTo("session \"stream\"\n└── model \"gpt-4o-mini\"\n");
    StoredEvent event = onlyModelEvent();
    assertThat(event.outputs()).containsEntry("content", "Hello");
    assertThat(number(event.metadata().get("prompt_tokens"))).isEqualTo(5);
    assertThat(number(event.metadata().get("completion_tokens"))).isEqualTo(2);
    assertThat(number(event.metadata().get("total_tokens"))).isEqualTo(7);
  }

  @Test
  void httpErrorFromTheModelIsRecordedOnTheEventAndStillThrownToTheCaller() {
    openAi.fails(500);
    ChatModel model = model(HoneyHiveChatModelListener.create(hh));

    assertThatThrownBy(() -> model.chat("Hello")).isNotNull();

    StoredEvent event = onlyModelEvent();
    assertThat(event.error()).isNotBlank();
    assertThat(event.endTime()).isNotNull();
  }

  @Test
  void timeoutIsRecordedOnTheEventAndStillThrownToTheCaller() {
    openAi.answersAfter(3_000);
    ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-real-key")
        .modelName("gpt-4o-mini").maxRetries(0).timeout(Duration.ofMillis(300))
        .listeners(List.of(HoneyHiveChatModelListener.create(hh))).build();

    assertThatThrownBy(() -> model.chat("Hello")).isInstanceOf(RuntimeException.class);

    StoredEvent event = onlyModelEvent();
    assertThat(event.error()).containsIgnoringCase("timeout");
    assertThat(event.durationMillis()).isBetween(250.0, 2_500.0);
  }

  @Test
  void callInsideAUserChainNestsUnderIt() {
    openAi.answers("42.");
    ChatModel model = model(HoneyHiveChatModelListener.create(hh));
    Session session = hh.session("user").start();
    session.chain("answer").run(chain -> model.chat("The answer?"));
    session.end();

    assertThat(server.sessionTree(session.sessionId()).outline())
        .isEqualTo("session \"user\"\n└── chain \"answer\"\n    └── model \"gpt-4o-mini\"\n");
  }

  @Test
  void contentCaptureOffKeepsShapesButNoTexts() {
    openAi.answers("Paris.");
    model(HoneyHiveChatModelListener.builder(hh).captureContent(false).build())
        .chat(List.of(SystemMessage.from("secret system prompt"), UserMessage.from("secret question")));

    StoredEvent event = onlyModelEvent();
    assertThat(event.inputs().get("messages")).isEqualTo(List.of(Map.of("role", "system"), Map.of("role", "user")));
    assertThat(event.outputs()).doesNotContainKey("content");
    assertThat(event.toMap().toString()).doesNotContain("secret").doesNotContain("Paris.");
    assertThat(number(event.metadata().get("total_tokens"))).isEqualTo(15);
  }

  @Test
  void redactorIsAppliedToEveryCapturedText() {
    openAi.answers("Mail bob@example.com.");
    model(HoneyHiveChatModelListener.builder(hh)
        .redactor(text -> text.replaceAll("[\\w.]+@[\\w.]+", "<email>")).build())
        .chat("Who is alice@example.com?");

    StoredEvent event = onlyModelEvent();
    assertThat(event.inputs().get("messages")).isEqualTo(List.of(Map.of("role", "user", "content", "Who is <email>?")));
    assertThat(event.outputs()).containsEntry("content", "Mail <email>");
    assertThat(event.toMap().toString()).doesNotContain("example.com");
  }

  @Test
  void aThrowingRedactorNeverLetsTheTextThroughNorBreaksTheCall() {
    openAi.answers("Paris.");
    ChatResponse response = model(HoneyHiveChatModelListener.builder(hh)
        .redactor(text -> {
          throw new IllegalStateException("boom");
        }).build()).chat(ChatRequest.builder().messages(UserMessage.from("secret")).build());

    assertThat(response.aiMessage().text()).isEqualTo("Paris.");
    StoredEvent event = onlyModelEvent();
    assertThat(event.outputs()).containsEntry("content", "[redaction failed]");
    assertThat(event.toMap().toString()).doesNotContain("secret");
  }

  private void awaitModelEvents(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.eventsOfType("model").size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  static int number(Object value) {
    assertThat(value).isInstanceOf(Number.class);
    return ((Number) value).intValue();
  }
}
