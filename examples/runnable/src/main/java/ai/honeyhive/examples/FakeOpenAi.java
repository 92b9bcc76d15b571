package ai.honeyhive.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for OpenAI's chat completions endpoint, so that the framework examples run Spring AI's and
 * LangChain4j's real OpenAI chat models with no key and no network. It answers {@code POST .../chat/completions}
 * from what the request holds, as a model would in the simplest agent loop:
 * <ul>
 *   <li>{@code "stream": true}: the {@linkplain #STREAMED_ANSWER canned answer} as server-sent events, a word per
 *       chunk, then a chunk with the finish reason, a chunk with the usage, and {@code data: [DONE]};</li>
 *   <li>else, a tool result among the messages: a final answer quoting it ({@code finish_reason: stop});</li>
 *   <li>else, tools offered: a call of the first tool, its first parameter set to the order id found in the last user
 *       message ({@code finish_reason: tool_calls});</li>
 *   <li>else the canned answer.</li>
 * </ul>
 * Every answer carries token usage (fixed numbers per kind of answer, the constants below) and names the model
 * {@link #RESPONSE_MODEL}. Started on a free loopback port; {@link #close()} stops it.
 */
public final class FakeOpenAi implements AutoCloseable {
  /** The model name every answer reports, as OpenAI reports the dated snapshot of the model asked for. */
  public static final String RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";
  /** What a streamed call (or a call with nothing else to do) answers. */
  public static final String STREAMED_ANSWER = "Returns are free within 30 days of delivery.";
  /** Usage of the answer that asks for a tool call. */
  public static final Usage TOOL_CALL_USAGE = new Usage(52, 18);
  /** Usage of the final answer after a tool result. */
  public static final Usage FINAL_ANSWER_USAGE = new Usage(87, 24);
  /** Usage of the streamed answer (and of the plain one). */
  public static final Usage STREAMED_USAGE = new Usage(31, 9);

  private static final Pattern ORDER_ID = Pattern.compile("\\b[A-Z]+-\\d+\\b");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "fake-openai");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger ids = new AtomicInteger();
  private final List<String> answered = new CopyOnWriteArrayList<>();

  /** Token usage of one answer. */
  public record Usage(int promptTokens, int completionTokens) {
    /** Returns prompt plus completion tokens. */
    public int totalTokens() {
      return promptTokens + completionTokens;
    }
  }

  private FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Starts the fake on a free loopback port.
   *
   * @return the running fake
   */
  public static FakeOpenAi start() {
    try {
      return new FakeOpenAi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the base URL to configure a client with, such as {@code http://127.0.0.1:40123/v1}; clients append
   * {@code /chat/completions}.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/v1";
  }

  /**
   * Returns what the fake answered so far, one entry per request, in order: {@code tool_call weather},
   * {@code answer after tool}, {@code stream}, {@code answer}, or {@code 404 /path}.
   *
   * @return the answers
   */
  public List<String> answered() {
    return List.copyOf(answered);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/chat/completions")) {
        answered.add("404 " + path);
        send(exchange, 404, "application/json",
            "{\"error\":{\"message\":\"the fake only answers POST /v1/chat/completions\",\"type\":\"invalid_request\"}}");
        return;
      }
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String model = request.path("model").asText("gpt-4o-mini");
      JsonNode messages = request.path("messages");
      if (request.path("stream").asBoolean(false)) {
        answered.add("stream");
        stream(exchange, model);
        return;
      }
      String toolResult = lastToolResult(messages);
      JsonNode tools = request.path("tools");
      ObjectNode message = JSON.createObjectNode().put("role", "assistant");
      String finishReason;
      Usage usage;
      if (toolResult != null) {
        message.put("content", "Here is what I found: " + toolResult + ".");
        finishReason = "stop";
        usage = FINAL_ANSWER_USAGE;
        answered.add("answer after tool");
      } else if (tools.isArray() && !tools.isEmpty()) {
        JsonNode function = tools.get(0).path("function");
        String name = function.path("name").asText();
        Iterator<String> parameters = function.path("parameters").path("properties").fieldNames();
        ObjectNode arguments = JSON.createObjectNode();
        if (parameters.hasNext()) {
          arguments.put(parameters.next(), orderId(lastUserText(messages)));
        }
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject()
            .put("id", "call_" + ids.incrementAndGet()).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", JSON.writeValueAsString(arguments));
        finishReason = "tool_calls";
        usage = TOOL_CALL_USAGE;
        answered.add("tool_call " + name);
      } else {
        message.put("content", STREAMED_ANSWER);
        finishReason = "stop";
        usage = STREAMED_USAGE;
        answered.add("answer");
      }
      ObjectNode completion = envelope("chat.completion");
      ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
      choice.set("message", message);
      choice.put("finish_reason", finishReason).putNull("logprobs");
      completion.set("usage", usage(usage));
      send(exchange, 200, "application/json", JSON.writeValueAsString(completion));
    } catch (RuntimeException e) {
      answered.add("500 " + e);
      throw e;
    }
  }

  /** The canned answer as server-sent events: a word per chunk, the finish reason, the usage, {@code [DONE]}. */
  private void stream(HttpExchange exchange, String model) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    String id = "chatcmpl-" + ids.incrementAndGet();
    OutputStream body = exchange.getResponseBody();
    List<String> words = new ArrayList<>(List.of(STREAMED_ANSWER.split("(?<= )")));
    for (int i = 0; i < words.size(); i++) {
      ObjectNode delta = JSON.createObjectNode();
      if (i == 0) {
        delta.put("role", "assistant");
      }
      delta.put("content", words.get(i));
      event(body, chunk(id, delta, null));
    }
    event(body, chunk(id, JSON.createObjectNode(), "stop"));
    ObjectNode usage = envelope("chat.completion.chunk").put("id", id);
    usage.putArray("choices");
    usage.set("usage", usage(STREAMED_USAGE));
    event(body, JSON.writeValueAsString(usage));
    body.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    body.flush();
  }

  private String chunk(String id, ObjectNode delta, String finishReason) throws IOException {
    ObjectNode chunk = envelope("chat.completion.chunk").put("id", id);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return JSON.writeValueAsString(chunk);
  }

  private static void event(OutputStream body, String json) throws IOException {
    body.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    body.flush();
  }

  private ObjectNode envelope(String object) {
    return JSON.createObjectNode().put("id", "chatcmpl-" + ids.incrementAndGet()).put("object", object)
        .put("created", 1_765_000_000L).put("model", RESPONSE_MODEL);
  }

  private static ObjectNode usage(Usage usage) {
    return JSON.createObjectNode().put("prompt_tokens", usage.promptTokens())
        .put("completion_tokens", usage.completionTokens()).put("total_tokens", usage.totalTokens());
  }

  /** The content of the last {@code tool} message, unquoted if the framework sent a JSON string; null if none. */
  private static String lastToolResult(JsonNode messages) {
    String result = null;
    for (JsonNode message : iterable(messages)) {
      if ("tool".equals(message.path("role").asText())) {
        result = text(message.path("content"));
      }
    }
    if (result != null && result.length() >= 2 && result.startsWith("\"") && result.endsWith("\"")) {
      try {
        result = JSON.readValue(result, String.class);
      } catch (IOException e) {
        // not a JSON string after all: keep it as it came
      }
    }
    return result;
  }

  private static String lastUserText(JsonNode messages) {
    String text = "";
    for (JsonNode message : iterable(messages)) {
      if ("user".equals(message.path("role").asText())) {
        text = text(message.path("content"));
      }
    }
    return text;
  }

  /** A message's content: a string, or the text parts of an array of parts. */
  private static String text(JsonNode content) {
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        text.append(part.path("text").asText(""));
      }
      return text.toString();
    }
    return content.asText("");
  }

  private static String orderId(String text) {
    Matcher matcher = ORDER_ID.matcher(text);
    return matcher.find() ? matcher.group() : text;
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return array.isArray() ? (ArrayNode) array : List.of();
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
