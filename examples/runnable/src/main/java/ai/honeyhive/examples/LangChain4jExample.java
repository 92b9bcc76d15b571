package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.langchain4j.HoneyHiveAiServiceListener;
import ai.honeyhive.langchain4j.HoneyHiveChatModelListener;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A LangChain4j AI service ({@link SupportAgent}) with a {@code @Tool} ({@link OrderTools}), over LangChain4j's real
 * {@code OpenAiChatModel} and {@code OpenAiStreamingChatModel}, which talk to a {@link FakeOpenAi} started here. The
 * HoneyHive wiring is where the models and the service are built: {@code HoneyHiveChatModelListener} on both models,
 * {@code HoneyHiveAiServiceListener} on the service. One invocation makes a tool round trip, one streams its answer;
 * each is a session the integration opened.
 */
public final class LangChain4jExample implements Example {
  /** The source of the example's client, by which its sessions are found again. */
  static final String SOURCE = "langchain4j-example";
  /** The question that needs the order tool. */
  static final String ORDER_QUESTION = "Where is my order A-100?";
  /** The question answered by streaming. */
  static final String POLICY_QUESTION = "What is your return policy?";

  /** The AI service: LangChain4j implements it. */
  interface SupportAgent {
    @SystemMessage("You are the support assistant of an online shop. Answer in one sentence.")
    String answer(String question);

    @SystemMessage("You are the support assistant of an online shop. Answer in one sentence.")
    TokenStream answerStreaming(String question);
  }

  /** The tool the model may call: the order system, here a map. */
  static final class OrderTools {
    private static final Map<String, String> ORDERS = Map.of(
        "A-100", "shipped on 2026-12-04, arriving on Tuesday",
        "A-101", "waiting for payment");

    @Tool("Returns the status of an order")
    String orderStatus(@P("the order id, such as A-100") String orderId) {
      return orderId + " " + ORDERS.getOrDefault(orderId, "is not an order we know");
    }
  }

  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new LangChain4jExample());
  }

  @Override
  public String title() {
    return "11. LangChain4j: an AI service with a tool over the OpenAI chat models, traced by listeners";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) throws Exception {
    Instant started = Instant.now();
    try (FakeOpenAi openAi = FakeOpenAi.start();
         HoneyHive hh = backend.client(SOURCE, DeliveryMode.BATCHED).build()) {
      HoneyHiveChatModelListener modelListener = HoneyHiveChatModelListener.create(hh);
      ChatModel model = OpenAiChatModel.builder()
          .baseUrl(openAi.baseUrl()).apiKey("sk-fake-not-a-secret")
          .modelName("gpt-4o-mini").temperature(0.2).maxRetries(0)
          .listeners(List.of(modelListener))
          .build();
      StreamingChatModel streamingModel = OpenAiStreamingChatModel.builder()
          .baseUrl(openAi.baseUrl()).apiKey("sk-fake-not-a-secret")
          .modelName("gpt-4o-mini").temperature(0.2)
          .listeners(List.of(modelListener))
          .build();
      HoneyHiveAiServiceListener serviceListener = HoneyHiveAiServiceListener.create(hh);
      SupportAgent agent = AiServices.builder(SupportAgent.class)
          .chatModel(model)
          .streamingChatModel(streamingModel)
          .tools(new OrderTools())
          .registerListeners(serviceListener.listeners())
          .afterToolExecution(serviceListener::afterToolExecution)
          .build();

      out.println("answer: " + agent.answer(ORDER_QUESTION));

      List<String> parts = new ArrayList<>();
      CompletableFuture<ChatResponse> done = new CompletableFuture<>();
      agent.answerStreaming(POLICY_QUESTION)
          .onPartialResponse(parts::add)
          .onCompleteResponse(done::complete)
          .onError(done::completeExceptionally)
          .start();
      ChatResponse streamed = done.get(30, TimeUnit.SECONDS);
      out.println("streamed: " + String.join("|", parts) + " (" + streamed.tokenUsage().totalTokenCount()
          + " tokens)");
      out.println("the fake OpenAI answered: " + String.join(", ", openAi.answered()));
    } // closing hh sends what is still queued
    return backend.sessionsOf(SOURCE, started);
  }
}
