package ai.honeyhive.benchmarks;

import ai.honeyhive.EventScope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two events every benchmark logs, and their OpenTelemetry equivalents (one span each, the same data as
 * attributes, named the way OpenTelemetry's GenAI instrumentations name them).
 *
 * <ul>
 *   <li><b>small</b>: a model name and one input, {@code session.model("gpt-4o").inputs(Map.of("prompt", q)).log()}.
 *   <li><b>ten-field</b>: ten builder calls: inputs (a system and a user message), outputs (the assistant's answer),
 *       provider, temperature, max tokens, metadata with three keys, usage (three token counts), cost, user
 *       properties, duration. About 1 KB of JSON.
 * </ul>
 *
 * The maps are constants, built once: what a benchmark measures is the client's cost of taking an event, not the
 * caller's cost of building its data.
 */
public final class Workload {
  private Workload() {}

  static final String MODEL = "gpt-4o";
  static final String QUESTION = "What is the capital of France, and what is it best known for?";
  static final String SYSTEM_PROMPT = "You are a concise travel assistant. Answer in two sentences at most, cite no"
      + " sources, and never invent facts you are unsure of.";
  static final String ANSWER = "The capital of France is Paris. It is best known for the Eiffel Tower, the Louvre"
      + " museum, its cafes and its cuisine, and as a world centre of art, fashion and culture.";

  static final Map<String, Object> SMALL_INPUTS = Map.of("prompt", QUESTION);

  static final Map<String, Object> INPUTS = Map.of("messages", List.of(
      Map.of("role", "system", "content", SYSTEM_PROMPT),
      Map.of("role", "user", "content", QUESTION)));
  static final Map<String, Object> OUTPUTS = Map.of("role", "assistant", "content", ANSWER);
  static final Map<String, Object> METADATA =
      Map.of("customer_tier", "pro", "region", "eu-west-1", "app_version", "2.3.1");
  static final Map<String, Object> USER_PROPERTIES = Map.of("user_id", "u-42");
  static final Duration DURATION = Duration.ofMillis(850);

  /** Logs the small event on {@code scope}; returns its id. */
  public static String logSmall(EventScope scope) {
    return scope.model(MODEL).inputs(SMALL_INPUTS).log();
  }

  /** Logs the ten-field event on {@code scope}; returns its id. */
  public static String logTenField(EventScope scope) {
    return scope.model(MODEL)
        .inputs(INPUTS)                      //  1 inputs.messages
        .outputs(OUTPUTS)                    //  2 outputs.role, outputs.content
        .provider("openai")                  //  3 config.provider
        .temperature(0.2)                    //  4 config.temperature
        .maxTokens(512)                      //  5 config.max_tokens
        .metadata(METADATA)                  //  6 metadata: three keys
        .usage(35, 23)                       //  7 metadata.prompt_tokens, completion_tokens, total_tokens
        .cost(0.00042)                       //  8 metadata.cost
        .userProperties(USER_PROPERTIES)     //  9 user_properties.user_id
        .duration(DURATION)                  // 10 start = end - 850 ms
        .log();
  }

  // ---- OpenTelemetry: the same data as span attributes ---------------------------------------------------------

  static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("honeyhive.session_id");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> PROMPT = AttributeKey.stringKey("gen_ai.prompt");
  static final AttributeKey<String> PROMPT_0_ROLE = AttributeKey.stringKey("gen_ai.prompt.0.role");
  static final AttributeKey<String> PROMPT_0_CONTENT = AttributeKey.stringKey("gen_ai.prompt.0.content");
  static final AttributeKey<String> PROMPT_1_ROLE = AttributeKey.stringKey("gen_ai.prompt.1.role");
  static final AttributeKey<String> PROMPT_1_CONTENT = AttributeKey.stringKey("gen_ai.prompt.1.content");
  static final AttributeKey<String> COMPLETION_ROLE = AttributeKey.stringKey("gen_ai.completion.0.role");
  static final AttributeKey<String> COMPLETION_CONTENT = AttributeKey.stringKey("gen_ai.completion.0.content");
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
  static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<String> CUSTOMER_TIER = AttributeKey.stringKey("honeyhive.metadata.customer_tier");
  static final AttributeKey<String> REGION = AttributeKey.stringKey("honeyhive.metadata.region");
  static final AttributeKey<String> APP_VERSION = AttributeKey.stringKey("honeyhive.metadata.app_version");
  static final AttributeKey<Long> PROMPT_TOKENS = AttributeKey.longKey("gen_ai.usage.prompt_tokens");
  static final AttributeKey<Long> COMPLETION_TOKENS = AttributeKey.longKey("gen_ai.usage.completion_tokens");
  static final AttributeKey<Long> TOTAL_TOKENS = AttributeKey.longKey("gen_ai.usage.total_tokens");
  static final AttributeKey<Double> COST = AttributeKey.doubleKey("honeyhive.metadata.cost");
  static final AttributeKey<String> USER_ID = AttributeKey.stringKey("honeyhive.user_properties.user_id");

  /** The small event as a span: model, one input, the session id. */
  public static void spanSmall(Tracer tracer, String sessionId) {
    tracer.spanBuilder(MODEL)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(SESSION_ID, sessionId)
        .setAttribute(REQUEST_MODEL, MODEL)
        .setAttribute(PROMPT, QUESTION)
        .startSpan()
        .end();
  }

  /** The ten-field event as a span: the same values as attributes, the duration as the span's start time. */
  public static void spanTenField(Tracer tracer, String sessionId) {
    long now = System.currentTimeMillis();
    tracer.spanBuilder(MODEL)
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(now - DURATION.toMillis(), TimeUnit.MILLISECONDS)
        .setAttribute(SESSION_ID, sessionId)
        .setAttribute(REQUEST_MODEL, MODEL)
        .setAttribute(PROMPT_0_ROLE, "system")             //  1
        .setAttribute(PROMPT_0_CONTENT, SYSTEM_PROMPT)
        .setAttribute(PROMPT_1_ROLE, "user")
        .setAttribute(PROMPT_1_CONTENT, QUESTION)
        .setAttribute(COMPLETION_ROLE, "assistant")        //  2
        .setAttribute(COMPLETION_CONTENT, ANSWER)
        .setAttribute(SYSTEM, "openai")                    //  3
        .setAttribute(TEMPERATURE, 0.2)                    //  4
        .setAttribute(MAX_TOKENS, 512L)                    //  5
        .setAttribute(CUSTOMER_TIER, "pro")                //  6
        .setAttribute(REGION, "eu-west-1")
        .setAttribute(APP_VERSION, "2.3.1")
        .setAttribute(PROMPT_TOKENS, 35L)                  //  7
        .setAttribute(COMPLETION_TOKENS, 23L)
        .setAttribute(TOTAL_TOKENS, 58L)
        .setAttribute(COST, 0.00042)                       //  8
        .setAttribute(USER_ID, "u-42")                     //  9
        .startSpan()                                       // 10: the start time above
        .end(now, TimeUnit.MILLISECONDS);
  }
}
