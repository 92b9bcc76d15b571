package ai.honeyhive.benchmarks;

import ai.honeyhive.langchain4j.HoneyHiveAiServiceListener;
import ai.honeyhive.langchain4j.HoneyHiveChatModelListener;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Issue 17: what one LangChain4j chat call pays for {@link HoneyHiveChatModelListener} (and, for an AI service,
 * {@link HoneyHiveAiServiceListener}). LangChain4j 1.19.0's own {@link OpenAiChatModel} answers a system and a user
 * message with {@link FakeOpenAi}'s canned completion, with and without the listeners. SampleTime: every sampled call
 * timed alone, p50 and p99 beside the mean.
 *
 * <p>{@code integration}: {@code none} (no listener: what LangChain4j does without the integration) or
 * {@code honeyhive} (the model built with {@link HoneyHiveChatModelListener}; the AI service also registers
 * {@link HoneyHiveAiServiceListener}), the client delivering for real ({@link IntegrationClient}). With no HoneyHive
 * scope current, every call is a session of its own, as in an application that opens none: a model call records a
 * session and a model event, an AI-service call a session, a chain and a model event. {@code honeyhiveInSession}:
 * the same, every call inside a session current on the calling thread (one per iteration, see
 * {@link IntegrationClient}): no session per call, only the model (and chain) events.
 *
 * <p>{@code transport}:
 * <ul>
 *   <li>{@code http}: LangChain4j's default HTTP client (the JDK's {@code java.net.http.HttpClient}) to
 *       {@link FakeOpenAi#start()} on loopback, a keep-alive connection answered at once.</li>
 *   <li>{@code inProcess}: the same {@link OpenAiChatModel} built with an {@link HttpClientBuilder} whose client
 *       answers in process: LangChain4j still serializes the request to JSON and parses the canned answer, so
 *       everything but the sockets and the HTTP client runs. The absolute times are smaller and the difference stands
 *       out more.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class LangChain4jCallBenchmark extends FrameworkCallState {
  /** The AI service: one method, a system message, no tools, no memory. */
  public interface Assistant {
    @dev.langchain4j.service.SystemMessage(FakeOpenAi.SYSTEM)
    String chat(String question);
  }

  @Param({"none", "honeyhive", "honeyhiveInSession"})
  public String integration;

  @Param({"http", "inProcess"})
  public String transport;

  private ChatModel model;
  private Assistant assistant;
  private ChatRequest request;

  @Setup(Level.Trial)
  public void start() {
    List<ChatModelListener> listeners = List.of();
    if (integration.startsWith("honeyhive")) {
      client = IntegrationClient.start(integration.equals("honeyhiveInSession"));
      listeners = List.of(HoneyHiveChatModelListener.create(client.hh));
    }
    if (!List.of("none", "honeyhive", "honeyhiveInSession").contains(integration)) {
      throw new IllegalArgumentException("integration " + integration);
    }
    OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder().apiKey(FakeOpenAi.API_KEY)
        .modelName(FakeOpenAi.MODEL).temperature(0.2).maxTokens(100).maxRetries(0).timeout(Duration.ofSeconds(10))
        .listeners(listeners);
    switch (transport) {
      case "http" -> {
        openAi = FakeOpenAi.start();
        builder.baseUrl(openAi.baseUrl() + "v1");
      }
      case "inProcess" -> builder.baseUrl("http://in-process.invalid/v1").httpClientBuilder(new InProcessBuilder());
      default -> throw new IllegalArgumentException("transport " + transport);
    }
    model = builder.build();
    AiServices<Assistant> services = AiServices.builder(Assistant.class).chatModel(model);
    if (client != null) {
      services.registerListeners(HoneyHiveAiServiceListener.create(client.hh).listeners());
    }
    assistant = services.build();
    request = ChatRequest.builder()
        .messages(SystemMessage.from(FakeOpenAi.SYSTEM), UserMessage.from(FakeOpenAi.USER)).build();
    // Fail here, not in the measurement, if the answer does not come through.
    String answer = assistant.chat(FakeOpenAi.USER);
    if (!"The capital of France is Paris.".equals(answer)
        || !answer.equals(model.chat(request).aiMessage().text())) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
  }


  /** {@code model.chat(request)}: the model's listeners called on request and on response. */
  @Benchmark
  @Threads(1)
  public ChatResponse chatModel() {
    return model.chat(request);
  }

  /** {@code assistant.chat(question)}: an AI-service invocation (started and completed events) around one model call. */
  @Benchmark
  @Threads(1)
  public String aiService() {
    return assistant.chat(FakeOpenAi.USER);
  }

  /** LangChain4j's transport, answering in process with {@link FakeOpenAi#COMPLETION}; no streaming. */
  static final class InProcessBuilder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public HttpClient build() {
      return new HttpClient() {
        private final Map<String, List<String>> headers = Map.of("content-type", List.of("application/json"));

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
          if (request.body() == null) {
            throw new IllegalStateException("a chat request without a body");
          }
          return SuccessfulHttpResponse.builder().statusCode(200).headers(headers).body(FakeOpenAi.COMPLETION)
              .build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
          throw new UnsupportedOperationException("streaming is not benchmarked");
        }
      };
    }
  }
}
