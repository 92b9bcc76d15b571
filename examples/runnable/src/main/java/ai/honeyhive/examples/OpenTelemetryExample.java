package ai.honeyhive.examples;

import ai.honeyhive.DeliveryMode;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.examples.FakeModels.Completion;
import ai.honeyhive.opentelemetry.HoneyHiveSpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application traced with the OpenTelemetry SDK, exported to HoneyHive by {@link HoneyHiveSpanExporter} through a
 * {@link BatchSpanProcessor}, and mixed with this client's own spans: a request handler's SERVER span holds a
 * GenAI-convention {@code chat gpt-4o} CLIENT span and an {@code execute_tool} span; inside the handler span the
 * application also starts a HoneyHive session, which joins the OpenTelemetry trace (its id is the trace id), and a
 * HoneyHive chain, inside which an OpenTelemetry-instrumented HTTP call nests. One session holds both kinds of event.
 */
public final class OpenTelemetryExample implements Example {
  /** The name of the handler's span, and so of its event. */
  static final String HANDLER_SPAN = "POST /chat";
  /** The name of the HTTP call's span inside the HoneyHive chain. */
  static final String HTTP_SPAN = "GET /kb/search";

  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
  private static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  private static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  private static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  private static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  private static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  private static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
  private static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
  private static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  private static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");

  /**
   * Runs this example against the embedded test server, or HoneyHive when {@code HH_API_KEY} is set.
   *
   * @param args ignored
   * @throws Exception if the example fails
   */
  public static void main(String[] args) throws Exception {
    Example.runStandalone(new OpenTelemetryExample());
  }

  @Override
  public String title() {
    return "8. OpenTelemetry: an app traced with the OpenTelemetry SDK, its spans and this client's in one session";
  }

  @Override
  public List<String> run(Backend backend, PrintStream out) {
    try (HoneyHive hh = backend.client("examples", DeliveryMode.BATCHED).build()) {
      SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
          .setResource(Resource.getDefault().merge(
              Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "support-api"))))
          .addSpanProcessor(BatchSpanProcessor.builder(HoneyHiveSpanExporter.create(hh)).build())
          .build();
      Tracer tracer = tracerProvider.get("ai.honeyhive.examples");

      String sessionId;
      try {
        sessionId = handleChat(hh, tracer, "Where is my order A-100?");
      } finally {
        tracerProvider.shutdown().join(30, TimeUnit.SECONDS); // exports the last spans, flushes hh, leaves it open
      }
      out.println("session " + sessionId + " = the OpenTelemetry trace id " + sessionId.replace("-", ""));
      return List.of(sessionId);
    } // close() flushes what is still queued
  }

  /** The request handler: what an HTTP server's instrumentation and the application's own code would record. */
  private static String handleChat(HoneyHive hh, Tracer tracer, String question) {
    Span handler = tracer.spanBuilder(HANDLER_SPAN).setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", "POST")
        .setAttribute("url.path", "/chat")
        .startSpan();
    try (Scope ignored = handler.makeCurrent()) {
      // Started inside the handler's span: the session takes the trace id as its id, and nests nothing itself.
      Session session = hh.session("support-chat").userProperties(Map.of("user_id", "u-42")).start();

      String toolCall = chat(tracer, question);
      String order = executeTool(tracer, toolCall);

      // A HoneyHive chain; the OpenTelemetry span started in its body nests under it.
      String answer = session.chain("answer").inputs(Map.of("question", question, "order", order))
          .call(chain -> {
            List<String> documents = httpGet(tracer, "order status " + order);
            String text = FakeModels.complete(question, documents).text();
            chain.outputs(Map.of("answer", text));
            return text;
          });
      handler.setAttribute("http.response.status_code", 200L);
      session.outputs(Map.of("answer", answer));
      session.end();
      return session.sessionId();
    } finally {
      handler.end();
    }
  }

  /** A chat completion, recorded the way OpenTelemetry's GenAI conventions say (v1.37 and later). */
  private static String chat(Tracer tracer, String question) {
    Span chat = tracer.spanBuilder("chat gpt-4o").setSpanKind(SpanKind.CLIENT)
        .setAttribute(OPERATION, "chat")
        .setAttribute(PROVIDER, "openai")
        .setAttribute(REQUEST_MODEL, "gpt-4o")
        .setAttribute(INPUT_MESSAGES, "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\""
            + question + "\"}]}]")
        .startSpan();
    try (Scope ignored = chat.makeCurrent()) {
      Completion completion = FakeModels.complete(question, List.of());
      String callId = "call_lookup_1";
      chat.setAttribute(RESPONSE_MODEL, "gpt-4o-2024-08-06")
          .setAttribute(INPUT_TOKENS, completion.promptTokens())
          .setAttribute(OUTPUT_TOKENS, completion.completionTokens())
          .setAttribute(FINISH_REASONS, List.of("tool_call"))
          .setAttribute(OUTPUT_MESSAGES, "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\""
              + callId + "\",\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A-100\"}}],"
              + "\"finish_reason\":\"tool_call\"}]");
      return callId;
    } finally {
      chat.end();
    }
  }

  /** The tool the model asked for, as an {@code execute_tool} span. */
  private static String executeTool(Tracer tracer, String callId) {
    Span tool = tracer.spanBuilder("execute_tool lookup_order").setSpanKind(SpanKind.INTERNAL)
        .setAttribute(OPERATION, "execute_tool")
        .setAttribute(TOOL_NAME, "lookup_order")
        .setAttribute(TOOL_CALL_ID, callId)
        .startSpan();
    try (Scope ignored = tool.makeCurrent()) {
      FakeModels.pause(java.time.Duration.ofMillis(3));
      return "A-100: shipped";
    } finally {
      tool.end();
    }
  }

  /** Stands for an HTTP client's instrumentation: a CLIENT span around the call. */
  private static List<String> httpGet(Tracer tracer, String query) {
    Span http = tracer.spanBuilder(HTTP_SPAN).setSpanKind(SpanKind.CLIENT)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.full", "http://kb.internal/kb/search?q=" + query.replace(' ', '+'))
        .startSpan();
    try (Scope ignored = http.makeCurrent()) {
      List<String> documents = FakeModels.search(query);
      http.setAttribute("http.response.status_code", 200L);
      return documents;
    } finally {
      http.end();
    }
  }
}
