package ai.honeyhive.benchmarks;

import ai.honeyhive.springai.HoneyHiveObservationHandler;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Issue 17: what one Spring AI chat call pays for {@link HoneyHiveObservationHandler}. Spring AI 2.0.1's own
 * {@link OpenAiChatModel} (over the OpenAI Java SDK) answers a system and a user message with {@link FakeOpenAi}'s
 * canned completion; the same call with and without the handler on the {@link ObservationRegistry} the model (and the
 * {@link ChatClient}) observe through. SampleTime: every sampled call timed alone, p50 and p99 beside the mean.
 *
 * <p>{@code integration}:
 * <ul>
 *   <li>{@code none}: {@link ObservationRegistry#NOOP}, what a model built without a registry uses: Spring AI skips
 *       its observation entirely.</li>
 *   <li>{@code otherHandler}: a registry with one handler that accepts every context and does nothing, standing in
 *       for any other handler an application has (Spring Boot's metrics, tracing): Spring AI then builds its
 *       observation contexts and key values, which the HoneyHive handler alone would also make it build.</li>
 *   <li>{@code honeyhive}: a registry with {@link HoneyHiveObservationHandler} only, its client delivering for real
 *       ({@link IntegrationClient}). With no HoneyHive scope current, every call is a session of its own, as in an
 *       application that opens none: a ChatClient call records a session, a chain and a model event; a model call a
 *       session and a model event.</li>
 *   <li>{@code honeyhiveInSession}: the same, every call inside a session current on the calling thread (one per
 *       iteration, see {@link IntegrationClient}): no session per call, only the chain and model events.</li>
 * </ul>
 * So {@code honeyhive − none} is the whole cost of adding the integration to an application that observes nothing,
 * and {@code honeyhive − otherHandler} the handler's own cost where observation is already on.
 *
 * <p>{@code transport}:
 * <ul>
 *   <li>{@code http}: the SDK's OkHttp client (Spring AI's default) to {@link FakeOpenAi#start()} on loopback, a
 *       keep-alive connection answered at once.</li>
 *   <li>{@code inProcess}: the same {@link OpenAiChatModel} built on an {@link OpenAIClientImpl} whose
 *       {@link HttpClient} answers in process: the request is still serialized (written to a discarding stream) and
 *       the canned answer parsed, so everything but the sockets and the HTTP client runs. The absolute times are
 *       smaller and the difference stands out more.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class SpringAiCallBenchmark extends FrameworkCallState {
  @Param({"none", "otherHandler", "honeyhive", "honeyhiveInSession"})
  public String integration;

  @Param({"http", "inProcess"})
  public String transport;

  private OpenAiChatModel model;
  private ChatClient chatClient;
  private Prompt prompt;

  @Setup(Level.Trial)
  public void start() {
    ObservationRegistry registry;
    switch (integration) {
      case "none" -> registry = ObservationRegistry.NOOP;
      case "otherHandler" -> {
        registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DoNothingHandler());
      }
      case "honeyhive", "honeyhiveInSession" -> {
        client = IntegrationClient.start(integration.equals("honeyhiveInSession"));
        registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(HoneyHiveObservationHandler.create(client.hh));
      }
      default -> throw new IllegalArgumentException("integration " + integration);
    }
    OpenAiChatOptions.Builder options = OpenAiChatOptions.builder().apiKey(FakeOpenAi.API_KEY)
        .model(FakeOpenAi.MODEL).temperature(0.2).maxTokens(100).maxRetries(0).timeout(Duration.ofSeconds(10));
    OpenAiChatModel.Builder builder = OpenAiChatModel.builder().observationRegistry(registry);
    switch (transport) {
      case "http" -> {
        openAi = FakeOpenAi.start();
        builder.options(options.baseUrl(openAi.baseUrl() + "v1").build());
      }
      case "inProcess" -> builder.options(options.baseUrl("http://in-process.invalid/v1").build())
          .openAiClient(new OpenAIClientImpl(ClientOptions.builder().httpClient(new InProcessHttpClient())
              .baseUrl("http://in-process.invalid/v1").apiKey(FakeOpenAi.API_KEY).maxRetries(0).build()));
      default -> throw new IllegalArgumentException("transport " + transport);
    }
    model = builder.build();
    chatClient = ChatClient.builder(model, registry, null, null).build();
    prompt = new Prompt(List.of(new SystemMessage(FakeOpenAi.SYSTEM), new UserMessage(FakeOpenAi.USER)));
    // Fail here, not in the measurement, if the answer does not come through.
    String answer = chatClient();
    if (!"The capital of France is Paris.".equals(answer)) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
  }


  /** {@code ChatModel.call(prompt)}: one {@code gen_ai.client.operation} observation. */
  @Benchmark
  @Threads(1)
  public ChatResponse chatModel() {
    return model.call(prompt);
  }

  /**
   * {@code chatClient.prompt().system(..).user(..).call().content()}: a {@code spring.ai.chat.client} observation,
   * the advisor chain's {@code spring.ai.advisor} observations (which the handler declines), and the model's
   * observation inside.
   */
  @Benchmark
  @Threads(1)
  public String chatClient() {
    return chatClient.prompt().system(FakeOpenAi.SYSTEM).user(FakeOpenAi.USER).call().content();
  }

  /** Accepts every observation and does nothing with it: "some other handler is registered". */
  static final class DoNothingHandler implements ObservationHandler<Observation.Context> {
    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }

  /**
   * The OpenAI SDK's transport, answering in process: writes the request body (the SDK serializes it to JSON there)
   * to a discarding stream and returns {@link FakeOpenAi#COMPLETION}.
   */
  static final class InProcessHttpClient implements HttpClient {
    private static final byte[] BODY = FakeOpenAi.COMPLETION.getBytes(StandardCharsets.UTF_8);
    private static final Headers HEADERS = Headers.builder().put("Content-Type", "application/json")
        .put("Content-Length", String.valueOf(BODY.length)).build();

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
      HttpRequestBody body = request.body();
      if (body != null) {
        body.writeTo(OutputStream.nullOutputStream());
      }
      return new HttpResponse() {
        private final InputStream in = new ByteArrayInputStream(BODY);

        @Override
        public int statusCode() {
          return 200;
        }

        @Override
        public Headers headers() {
          return HEADERS;
        }

        @Override
        public InputStream body() {
          return in;
        }

        @Override
        public void close() {
        }
      };
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
      return CompletableFuture.completedFuture(execute(request, requestOptions));
    }

    @Override
    public void close() {
    }
  }
}
