package ai.honeyhive.langchain4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A fake OpenAI endpoint: answers {@code /v1/chat/completions} with the canned responses enqueued, in order. */
final class FakeOpenAi implements AutoCloseable {
  final MockWebServer server = new MockWebServer();

  FakeOpenAi() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return server.url("/v1/").toString();
  }

  /** A chat completion answering {@code content}, with usage (4 of the 12 prompt tokens cached). */
  FakeOpenAi answers(String content) {
    return json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,"
        + "\"completion_tokens\":3,\"total_tokens\":15,\"prompt_tokens_details\":{\"cached_tokens\":4}}}");
  }

  /** A chat completion asking for one call of {@code tool} with {@code arguments} (a JSON object, escaped). */
  FakeOpenAi callsTool(String tool, String escapedArguments) {
    return json(200, "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{"
        + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"arguments\":\""
        + escapedArguments + "\"}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":20,"
        + "\"completion_tokens\":7,\"total_tokens\":27}}");
  }

  /** A streamed answer in two chunks, a finish chunk, and a usage chunk (stream_options.include_usage). */
  FakeOpenAi streams(String first, String second) {
    String chunk = "{\"id\":\"chatcmpl-3\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",";
    String body = "data: " + chunk + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\""
        + first + "\"},\"finish_reason\":null}]}\n\n"
        + "data: " + chunk + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + second
        + "\"},\"finish_reason\":null}]}\n\n"
        + "data: " + chunk + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: " + chunk + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
        + "\"total_tokens\":7}}\n\n"
        + "data: [DONE]\n\n";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).build());
    return this;
  }

  /** An embeddings answer: one 3-dimensional vector per input, the i-th pointing along axis i % 3. */
  FakeOpenAi embeds(int inputs) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < inputs; i++) {
      String vector = i % 3 == 0 ? "[1.0,0.0,0.0]" : i % 3 == 1 ? "[0.0,1.0,0.0]" : "[0.0,0.0,1.0]";
      data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
          .append(",\"embedding\":").append(vector).append('}');
    }
    return json(200, "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"text-embedding-3-small\","
        + "\"usage\":{\"prompt_tokens\":" + (4 * inputs) + ",\"total_tokens\":" + (4 * inputs) + "}}");
  }

  /** A streamed answer asking for one call of {@code tool}, its arguments split over two chunks, then usage. */
  FakeOpenAi streamsToolCall(String tool, String escapedArgumentsFirst, String escapedArgumentsSecond) {
    String chunk = "{\"id\":\"chatcmpl-4\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",";
    String body = "data: " + chunk + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,"
        + "\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"" + tool
        + "\",\"arguments\":\"" + escapedArgumentsFirst + "\"}}]},\"finish_reason\":null}]}\n\n"
        + "data: " + chunk + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
        + "\"arguments\":\"" + escapedArgumentsSecond + "\"}}]},\"finish_reason\":null}]}\n\n"
        + "data: " + chunk + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
        + "data: " + chunk + "\"choices\":[],\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":8,"
        + "\"total_tokens\":29}}\n\n"
        + "data: [DONE]\n\n";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).build());
    return this;
  }

  /** A chat completion whose headers come only after {@code millis}: past the client's timeout, a timeout. */
  FakeOpenAi answersAfter(long millis) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .headersDelay(millis, java.util.concurrent.TimeUnit.MILLISECONDS)
        .body("{\"id\":\"chatcmpl-late\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"late\"},"
            + "\"finish_reason\":\"stop\"}]}").build());
    return this;
  }

  /** An HTTP error with an OpenAI-style error body. */
  FakeOpenAi fails(int status) {
    return json(status, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
  }

  private FakeOpenAi json(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(body).build());
    return this;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
