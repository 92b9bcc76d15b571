package ai.honeyhive.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.opentelemetry.HoneyHiveSpanExporter;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An OpenTelemetry-instrumented application (its spans exported by {@link HoneyHiveSpanExporter}) calling a
 * LangChain4j AI service with no HoneyHive scope of its own: the invocation joins the trace's session and nests
 * under the OTel span current when it began.
 */
class OpenTelemetryNestingTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();
  private final HoneyHive hh = server.clientBuilder().shutdownHook(false).build();
  private final FakeOpenAi openAi = new FakeOpenAi();

  OpenTelemetryNestingTest() {
    server.flushBeforeQueries(hh);
  }

  @AfterEach
  void close() throws Exception {
    hh.close();
    server.close();
    openAi.close();
  }

  @Test
  void aiServiceCalledInsideAnOtelSpanNestsUnderItInTheTracesSession() {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(HoneyHiveSpanExporter.create(hh))).build();
    Tracer tracer = provider.get("shop");
    HoneyHiveAiServiceListener services = HoneyHiveAiServiceListener.create(hh);
    ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-real-key")
        .modelName("gpt-4o-mini").maxRetries(0).listeners(List.of(HoneyHiveChatModelListener.create(hh))).build();
    HoneyHiveAiServiceListenerTest.Assistant assistant =
        AiServices.builder(HoneyHiveAiServiceListenerTest.Assistant.class)
        .chatModel(model).tools(new HoneyHiveAiServiceListenerTest.WeatherTools())
        .registerListeners(services.listeners()).afterToolExecution(services::afterToolExecution).build();
    openAi.callsTool("weather", "{\\\"arg0\\\":\\\"Paris\\\"}").answers("Sunny in Paris.");

    Span request = tracer.spanBuilder("POST /ask").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope scope = request.makeCurrent()) {
      assertThat(assistant.chat("Weather in Paris?")).isEqualTo("Sunny in Paris.");
    } finally {
      request.end();
    }
    assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    provider.close();

    StoredEvent chain = server.eventsOfType("chain").get(0);
    assertThat(server.sessionTree(chain.sessionId()).outline()).isEqualTo(
        "session \"Assistant.chat\"\n"
            + "└── tool \"POST /ask\"\n"
            + "    └── chain \"Assistant.chat\"\n"
            + "        ├── model \"gpt-4o-mini\"\n"
            + "        ├── tool \"weather\"\n"
            + "        └── model \"gpt-4o-mini\"\n");
    // the trace's session, started once: by the listener, not again by the exporter
    assertThat(chain.sessionId().replace("-", "")).isEqualTo(request.getSpanContext().getTraceId());
    assertThat(server.duplicateDeliveries()).isEmpty();
  }

  @Test
  void aPlainModelCallInsideAnOtelSpanNestsUnderIt() {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(HoneyHiveSpanExporter.create(hh))).build();
    Tracer tracer = provider.get("shop");
    ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("sk-test-not-a-real-key")
        .modelName("gpt-4o-mini").maxRetries(0).listeners(List.of(HoneyHiveChatModelListener.create(hh))).build();
    openAi.answers("Paris.");

    Span job = tracer.spanBuilder("nightly-summary").startSpan();
    try (Scope scope = job.makeCurrent()) {
      model.chat("Capital of France?");
    } finally {
      job.end();
    }
    provider.close();

    StoredEvent modelEvent = server.eventsOfType("model").get(0);
    assertThat(server.sessionTree(modelEvent.sessionId()).outline()).isEqualTo(
        "session \"gpt-4o-mini\"\n"
            + "└── tool \"nightly-summary\"\n"
            + "    └── model \"gpt-4o-mini\"\n");
  }
}
