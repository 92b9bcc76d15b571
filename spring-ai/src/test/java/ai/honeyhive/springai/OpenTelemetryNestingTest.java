package ai.honeyhive.springai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.opentelemetry.HoneyHiveSpanExporter;
import ai.honeyhive.testing.HoneyHiveTestServer;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * An OpenTelemetry-instrumented application (its spans exported by {@link HoneyHiveSpanExporter}) calling Spring AI
 * with no HoneyHive scope of its own: the call joins the trace's session and nests under the current OTel span.
 */
class OpenTelemetryNestingTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();
  private final HoneyHive hh = server.clientBuilder().shutdownHook(false).build();
  private final FakeOpenAi openAi = new FakeOpenAi();

  OpenTelemetryNestingTest() {
    server.flushBeforeQueries(hh);
  }

  @AfterEach
  void close() {
    hh.close();
    openAi.close();
    server.close();
  }

  @Test
  void aChatClientCallInsideAnOtelSpanNestsUnderItInTheTracesSession() {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(HoneyHiveSpanExporter.create(hh))).build();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(HoneyHiveObservationHandler.create(hh));
    OpenAiChatModel model = OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-secret")
            .model("gpt-4o-mini").maxRetries(0).build())
        .observationRegistry(registry).build();
    ChatClient client = ChatClient.builder(model, registry, null, null).build();
    openAi.answer("Paris.", 12, 3);

    Span request = provider.get("shop").spanBuilder("POST /ask").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope scope = request.makeCurrent()) {
      assertThat(client.prompt().user("Capital of France?").call().content()).isEqualTo("Paris.");
    } finally {
      request.end();
    }
    provider.close();

    String sessionId = server.eventsOfType("chain").get(0).sessionId();
    assertThat(sessionId.replace("-", "")).isEqualTo(request.getSpanContext().getTraceId());
    assertThat(server.sessionTree(sessionId).outline()).isEqualTo("""
        session "spring-ai"
        └── tool "POST /ask"
            └── chain "spring_ai.chat_client"
                └── model "gpt-4o-mini"
        """);
    assertThat(server.duplicateDeliveries()).isEmpty();
  }
}
