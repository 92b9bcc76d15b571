package ai.honeyhive.springai;

import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A fake OpenAI endpoint: canned {@code /v1/chat/completions} answers, JSON or server-sent events, in order. */
final class FakeOpenAi implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();

  FakeOpenAi() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return server.url("/v1").toString();
  }

  MockWebServer server() {
    return server;
  }

  FakeOpenAi answer(String content, int promptTokens, int completionTokens) {
    return json(200, completion("{\"role\":\"assistant\",\"content\":\"" + content + "\"}", "stop", promptTokens,
        completionTokens));
  }

  FakeOpenAi toolCall(String id, String name, String argumentsJson) {
    String arguments = argumentsJson.replace("\"", "\\\"");
    return json(200, completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + id
        + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"" + arguments + "\"}}]}",
        "tool_calls", 20, 7));
  }

  FakeOpenAi error(int status) {
    return json(status, "{\"error\":{\"message\":\"the fake is down\",\"type\":\"server_error\",\"code\":null}}");
  }

  /** An answer whose headers come only after {@code millis}: longer than the client's timeout, a timeout. */
  FakeOpenAi slowAnswer(long millis) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .headersDelay(millis, java.util.concurrent.TimeUnit.MILLISECONDS)
        .body(completion("{\"role\":\"assistant\",\"content\":\"late\"}", "stop", 1, 1)).build());
    return this;
  }

  /** A streamed answer in {@code parts}, then a finish reason, then a usage chunk, then {@code [DONE]}. */
  FakeOpenAi stream(int promptTokens, int completionTokens, String... parts) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String delta = (i == 0 ? "{\"role\":\"assistant\",\"content\":\"" : "{\"content\":\"") + parts[i] + "\"}";
      body.append(chunk("[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]", ""));
    }
    body.append(chunk("[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]", ""));
    body.append(chunk("[]", ",\"usage\":" + usage(promptTokens, completionTokens)));
    body.append("data: [DONE]\n\n");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body.toString()).build());
    return this;
  }

  /** A streamed request for one tool call, its arguments in two chunks, then finish reason, usage and {@code [DONE]}. */
  FakeOpenAi streamToolCall(String id, String name, String argumentsJson) {
    String arguments = argumentsJson.replace("\"", "\\\"");
    int half = arguments.length() / 2;
    while (half > 0 && arguments.charAt(half - 1) == '\\') {
      half--; // never split an escape
    }
    String body = chunk("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
        + "\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\""
        + arguments.substring(0, half) + "\"}}]},\"finish_reason\":null}]", "")
        + chunk("[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\""
        + arguments.substring(half) + "\"}}]},\"finish_reason\":null}]", "")
        + chunk("[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]", "")
        + chunk("[]", ",\"usage\":" + usage(20, 7))
        + "data: [DONE]\n\n";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).build());
    return this;
  }

  private FakeOpenAi json(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(body).build());
    return this;
  }

  private static String completion(String message, String finishReason, int promptTokens, int completionTokens) {
    return "{\"id\":\"chatcmpl-" + finishReason + "\",\"object\":\"chat.completion\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":" + message
        + ",\"finish_reason\":\"" + finishReason + "\",\"logprobs\":null}],\"usage\":"
        + usage(promptTokens, completionTokens) + "}";
  }

  private static String chunk(String choices, String extra) {
    return "data: {\"id\":\"chatcmpl-stream\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":" + choices + extra + "}\n\n";
  }

  private static String usage(int promptTokens, int completionTokens) {
    return "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
        + ",\"total_tokens\":" + (promptTokens + completionTokens)
        + ",\"prompt_tokens_details\":{\"cached_tokens\":4}}";
  }

  @Override
  public void close() {
    server.close();
  }
}
