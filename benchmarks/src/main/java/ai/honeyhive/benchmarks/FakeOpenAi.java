package ai.honeyhive.benchmarks;

/**
 * Issue 17: the OpenAI chat-completions answer every framework benchmark's model gets, and the fastest endpoint that
 * serves it. One answer for every request: a non-streamed {@code chat.completion} with one choice (a short assistant
 * message, finish reason {@code stop}), token usage with cached prompt tokens, a response id and model: what a real
 * answer carries that the integrations record.
 */
final class FakeOpenAi {
  /** The API key the frameworks send: not a secret, never a real key. */
  static final String API_KEY = "sk-benchmark-not-a-real-key";
  /** The model the frameworks request. */
  static final String MODEL = "gpt-4o-mini";
  static final String SYSTEM = "Answer in one short sentence.";
  static final String USER = "What is the capital of France?";

  /** The canned {@code /v1/chat/completions} answer (460 bytes of JSON). */
  static final String COMPLETION = "{\"id\":\"chatcmpl-benchmark\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":\"The capital of France is Paris.\",\"refusal\":null},\"logprobs\":null,"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":8,\"total_tokens\":32,"
      + "\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}},"
      + "\"system_fingerprint\":\"fp_benchmark\"}";

  private FakeOpenAi() {
  }

  /**
   * Starts the fake endpoint on 127.0.0.1: a {@link LoopbackSink} that reads each request and answers
   * {@link #COMPLETION} at once (tens of microseconds on loopback). Its {@link LoopbackSink#baseUrl()} + {@code v1}
   * is the OpenAI base URL.
   */
  static LoopbackSink start() {
    return LoopbackSink.answering("application/json", COMPLETION);
  }
}
