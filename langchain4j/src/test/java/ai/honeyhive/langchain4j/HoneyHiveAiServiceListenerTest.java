package ai.honeyhive.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HoneyHiveAiServiceListenerTest {
  interface Assistant {
    String chat(String question);
  }

  interface StreamingAssistant {
    TokenStream chat(String question);
  }

  static final class WeatherTools {
    @Tool("Weather of a city")
    String weather(String city) {
      try {
        Thread.sleep(30); // a measurable duration for the tool event's own times
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "sunny in " + city;
    }
  }

  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();
  private final HoneyHive hh = server.clientBuilder().shutdownHook(false).build();
  private final FakeOpenAi openAi = new FakeOpenAi();

  HoneyHiveAiServiceListenerTest() {
    server.flushBeforeQueries(hh);
  }

  @AfterEach
  void close() throws Exception {
    hh.close();
    server.close();
    openAi.close();
  }

  private Assistant assistant(HoneyHiveAiServiceListener services) {
    ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-real-key")
        .modelName("gpt-4o-mini").maxRetries(0)
        .listeners(List.of(HoneyHiveChatModelListener.create(hh))).build();
    return AiServices.builder(Assistant.class).chatModel(model).tools(new WeatherTools())
        .registerListeners(services.listeners())
        .afterToolExecution(services::afterToolExecution)
        .build();
  }

  @Test
  void invocationIsAChainWithModelToolModelUnderIt() {
    openAi.callsTool("weather", "{\\\"arg0\\\":\\\"Paris\\\"}").answers("Sunny in Paris.");
    String answer = assistant(HoneyHiveAiServiceListener.create(hh)).chat("Weather in Paris?");
    assertThat(answer).isEqualTo("Sunny in Paris.");

    StoredEvent chain = server.eventsOfType("chain").get(0);
    assertThat(server.sessionTree(chain.sessionId()).outline()).isEqualTo(
        "session \"Assistant.chat\"\n"
            + "└── chain \"Assistant.chat\"\n"
            + "    ├── model \"gpt-4o-mini\"\n"
            + "    ├── tool \"weather\"\n"
            + "    └── model \"gpt-4o-mini\"\n");
    assertThat(chain.inputs()).containsEntry("arg0", "Weather in Paris?");
    assertThat(chain.outputs()).containsEntry("result", "Sunny in Paris.");
    assertThat(chain.metadata()).containsKey("invocation_id").containsEntry("method", "chat");
    StoredEvent tool = server.eventsOfType("tool").get(0);
    assertThat(tool.inputs()).containsEntry("arguments", "{\"arg0\":\"Paris\"}");
    assertThat(tool.outputs()).containsEntry("result", "sunny in Paris");
    assertThat(tool.metadata()).containsEntry("tool_call_id", "call_1");
    assertThat(tool.durationMillis()).isGreaterThanOrEqualTo(25.0);
  }

  @Test
  void contentCaptureOffRecordsNoArgumentsOrResults() {
    openAi.callsTool("weather", "{\\\"arg0\\\":\\\"Paris\\\"}").answers("Sunny in Paris.");
    assistant(HoneyHiveAiServiceListener.create(hh, false, text -> text)).chat("Weather in Paris?");

    StoredEvent chain = server.eventsOfType("chain").get(0);
    StoredEvent tool = server.eventsOfType("tool").get(0);
    assertThat(chain.inputs()).isEqualTo(Map.of());
    assertThat(chain.outputs() == null ? Map.of() : chain.outputs()).doesNotContainKey("result");
    assertThat(tool.toMap().toString()).doesNotContain("Paris");
  }

  @Test
  void aStreamedInvocationWithAToolNestsEveryModelTurnUnderItsChain() throws Exception {
    // turn 1 streams a tool call; turn 2, made on LangChain4j's streaming thread after the tool ran, streams the answer
    openAi.streamsToolCall("weather", "{\\\"arg0\\\":", "\\\"Paris\\\"}").streams("Sunny in ", "Paris.");
    HoneyHiveAiServiceListener services = HoneyHiveAiServiceListener.create(hh);
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(openAi.baseUrl())
        .apiKey("sk-test-not-a-real-key").modelName("gpt-4o-mini")
        .listeners(List.of(HoneyHiveChatModelListener.create(hh))).build();
    StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class).streamingChatModel(model)
        .tools(new WeatherTools()).registerListeners(services.listeners())
        .afterToolExecution(services::afterToolExecution).build();

    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    assistant.chat("Weather in Paris?").onPartialResponse(part -> { })
        .onCompleteResponse(done::complete).onError(done::completeExceptionally).start();
    assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Sunny in Paris.");

    StoredEvent chain = server.eventsOfType("chain").get(0);
    assertThat(server.sessionTree(chain.sessionId()).outline()).isEqualTo(
        "session \"StreamingAssistant.chat\"\n"
            + "└── chain \"StreamingAssistant.chat\"\n"
            + "    ├── model \"gpt-4o-mini\"\n"
            + "    ├── tool \"weather\"\n"
            + "    └── model \"gpt-4o-mini\"\n");
    List<StoredEvent> models = server.eventsOfType("model");
    assertThat(models).extracting(event -> event.metadata().get("total_tokens")).containsExactlyInAnyOrder(29, 7);
    assertThat(server.eventsOfType("tool").get(0).inputs()).containsEntry("arguments", "{\"arg0\":\"Paris\"}");
  }
}
