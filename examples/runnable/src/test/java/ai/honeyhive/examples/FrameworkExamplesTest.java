package ai.honeyhive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.examples.FakeOpenAi.Usage;
import ai.honeyhive.testing.StoredEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link SpringAiBootExample} and {@link LangChain4jExample} against the embedded test server and asserts what
 * the integrations recorded of the frameworks' real OpenAI models talking to {@link FakeOpenAi}: per example two
 * sessions, chain → model, tool, model for the tool round trip and chain → model for the streamed answer, with the
 * tool's arguments and result and each model call's name, provider, token usage and finish reason. Without the
 * integration (no handler registered, no listener) nothing reaches the server, and the event counts fail.
 */
class FrameworkExamplesTest extends EmbeddedExampleTest {
  private static final String TOOL_RESULT = "A-100 shipped on 2026-12-04, arriving on Tuesday";
  private static final String FINAL_ANSWER = "Here is what I found: " + TOOL_RESULT + ".";
  private volatile String callingThread;

  @Test
  void springBootApplicationIsTracedByTheStarterAloneAsChainModelToolModelAndAStreamedCall() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new SpringAiBootExample(), backend, out);

    assertThat(sessions).hasSize(2);
    assertThat(server.sessionIds()).containsExactlyInAnyOrderElementsOf(sessions);
    // 2 sessions, 2 chains, 3 model calls, 1 tool: all from Spring AI's observations, none from the application.
    assertThat(server.events()).hasSize(8);
    assertThat(server.sessionTree(sessions.get(0)).outline()).isEqualTo("""
        session "spring-ai"
        └── chain "spring_ai.chat_client"
            ├── model "gpt-4o-mini"
            ├── tool "orderStatus"
            └── model "gpt-4o-mini"
        """);
    assertThat(server.sessionTree(sessions.get(1)).outline()).isEqualTo("""
        session "spring-ai"
        └── chain "spring_ai.chat_client"
            └── model "gpt-4o-mini"
        """);
    assertThat(server.events()).allSatisfy(event -> assertThat(event.source()).isEqualTo("spring-boot-example"));

    List<StoredEvent> roundTrip = server.eventsInSession(sessions.get(0));
    StoredEvent chain = only(roundTrip, "chain");
    StoredEvent tool = only(roundTrip, "tool");
    List<StoredEvent> models = ofType(roundTrip, "model");
    StoredEvent asking = models.get(0);
    StoredEvent answering = models.get(1);

    assertThat(chain.parentId()).isEqualTo(sessions.get(0));
    assertThat(List.of(asking, tool, answering)).allSatisfy(event ->
        assertThat(event.parentId()).isEqualTo(chain.eventId()));
    assertThat(chain.outputs()).containsEntry("content", FINAL_ANSWER);

    assertThat(tool.eventName()).isEqualTo("orderStatus");
    assertThat(tool.inputs()).containsEntry("arguments", "{\"orderId\":\"A-100\"}");
    assertThat(tool.outputs()).containsEntry("result", "\"" + TOOL_RESULT + "\"");
    @SuppressWarnings("unchecked")
    Map<String, Object> call = ((List<Map<String, Object>>) asking.outputs().get("tool_calls")).get(0);
    assertThat(call).containsEntry("name", "orderStatus").containsEntry("arguments", "{\"orderId\":\"A-100\"}");
    assertThat(tool.metadata()).containsEntry("tool_call_id", call.get("id"));

    assertModel(asking, FakeOpenAi.TOOL_CALL_USAGE, "TOOL_CALLS");
    assertModel(answering, FakeOpenAi.FINAL_ANSWER_USAGE, "STOP");
    assertThat(asking.config()).containsEntry("temperature", 0.2);
    assertThat(answering.outputs()).containsEntry("content", FINAL_ANSWER);

    List<StoredEvent> streamedSession = server.eventsInSession(sessions.get(1));
    StoredEvent streamed = only(streamedSession, "model");
    assertModel(streamed, FakeOpenAi.STREAMED_USAGE, "STOP");
    assertThat(streamed.config()).containsEntry("stream", true);
    assertThat(streamed.outputs()).containsEntry("content", FakeOpenAi.STREAMED_ANSWER);
    assertThat(only(streamedSession, "chain").outputs()).containsEntry("content", FakeOpenAi.STREAMED_ANSWER);

    assertThat(text()).contains("answer: " + FINAL_ANSWER,
        "streamed: Returns |are |free |within |30 |days |of |delivery.",
        "the fake OpenAI answered: tool_call orderStatus, answer after tool, stream",
        "    ├── tool \"orderStatus\" ");
  }

  @Test
  void closingTheApplicationRightAfterAStreamedCallStillSendsTheStreamsEvents() throws Exception {
    // A handler registered after HoneyHive's hears of each stop before it (Micrometer stops handlers in reverse), so
    // this one holds up the end of the streamed call's events, which Spring AI stops off the caller's thread: without
    // the starter's wait on close (SpringAiLifecycle) the client would close first and the streamed session arrive
    // empty.
    ObservationHandler<Observation.Context> slowStop = new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        if (!Thread.currentThread().getName().equals(callingThread)) {
          FakeModels.pause(Duration.ofMillis(300));
        }
      }
    };
    callingThread = Thread.currentThread().getName();

    List<String> sessions = RunAllExamples.runOne(new SpringAiBootExample(Map.of("slowStop", slowStop)), backend,
        out);

    assertThat(sessions).hasSize(2);
    assertThat(server.sessionTree(sessions.get(1)).outline()).isEqualTo("""
        session "spring-ai"
        └── chain "spring_ai.chat_client"
            └── model "gpt-4o-mini"
        """);
    assertThat(server.events()).hasSize(8);
  }

  @Test
  void langChain4jAiServiceIsTracedByTheListenersAsChainModelToolModelAndAStreamedInvocation() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new LangChain4jExample(), backend, out);

    assertThat(sessions).hasSize(2);
    assertThat(server.sessionIds()).containsExactlyInAnyOrderElementsOf(sessions);
    // 2 sessions, 2 chains, 3 model calls, 1 tool: the listeners' events, nothing else.
    assertThat(server.events()).hasSize(8);
    assertThat(server.sessionTree(sessions.get(0)).outline()).isEqualTo("""
        session "SupportAgent.answer"
        └── chain "SupportAgent.answer"
            ├── model "gpt-4o-mini"
            ├── tool "orderStatus"
            └── model "gpt-4o-mini"
        """);
    assertThat(server.sessionTree(sessions.get(1)).outline()).isEqualTo("""
        session "SupportAgent.answerStreaming"
        └── chain "SupportAgent.answerStreaming"
            └── model "gpt-4o-mini"
        """);

    List<StoredEvent> roundTrip = server.eventsInSession(sessions.get(0));
    StoredEvent chain = only(roundTrip, "chain");
    StoredEvent tool = only(roundTrip, "tool");
    List<StoredEvent> models = ofType(roundTrip, "model");
    StoredEvent asking = models.get(0);
    StoredEvent answering = models.get(1);

    assertThat(List.of(asking, tool, answering)).allSatisfy(event ->
        assertThat(event.parentId()).isEqualTo(chain.eventId()));
    assertThat(chain.inputs()).containsEntry("arg0", LangChain4jExample.ORDER_QUESTION);
    assertThat(chain.outputs()).containsEntry("result", FINAL_ANSWER);
    assertThat(chain.metadata()).containsEntry("interface", LangChain4jExample.SupportAgent.class.getName()).containsEntry("method", "answer");

    assertThat(tool.eventName()).isEqualTo("orderStatus");
    assertThat(tool.inputs()).containsEntry("arguments", "{\"orderId\":\"A-100\"}");
    assertThat(tool.outputs()).containsEntry("result", TOOL_RESULT);
    @SuppressWarnings("unchecked")
    Map<String, Object> call = ((List<Map<String, Object>>) asking.outputs().get("tool_calls")).get(0);
    assertThat(call).containsEntry("name", "orderStatus").containsEntry("arguments", "{\"orderId\":\"A-100\"}");
    assertThat(tool.metadata()).containsEntry("tool_call_id", call.get("id"));

    assertModel(asking, FakeOpenAi.TOOL_CALL_USAGE, "tool_execution");
    assertModel(answering, FakeOpenAi.FINAL_ANSWER_USAGE, "stop");
    assertThat(asking.config()).containsEntry("temperature", 0.2);
    assertThat(answering.outputs()).containsEntry("content", FINAL_ANSWER);

    List<StoredEvent> streamedSession = server.eventsInSession(sessions.get(1));
    StoredEvent streamed = only(streamedSession, "model");
    assertModel(streamed, FakeOpenAi.STREAMED_USAGE, "stop");
    assertThat(streamed.outputs()).containsEntry("content", FakeOpenAi.STREAMED_ANSWER);
    assertThat(only(streamedSession, "chain").inputs()).containsEntry("arg0", LangChain4jExample.POLICY_QUESTION);

    assertThat(text()).contains("answer: " + FINAL_ANSWER,
        "streamed: Returns |are |free |within |30 |days |of |delivery. (40 tokens)",
        "the fake OpenAI answered: tool_call orderStatus, answer after tool, stream");
  }

  @Test
  void withAnApiKeyTheFrameworkExamplesFindTheirSessionsBySearch() throws Exception {
    // Stands in for HoneyHive, as in ExamplesTest: the "real API" mode pointed at the embedded server.
    System.setProperty("HH_API_KEY", server.apiKey());
    System.setProperty("HH_API_URL", server.baseUrl());
    try (Backend real = Backend.fromEnvironment().pollEvery(Duration.ofMillis(20))) {
      assertThat(real.springProperties()).isEmpty();

      List<String> spring = RunAllExamples.runOne(new SpringAiBootExample(), real, out);
      List<String> langChain4j = RunAllExamples.runOne(new LangChain4jExample(), real, out);

      assertThat(spring).hasSize(2);
      assertThat(langChain4j).hasSize(2);
      assertThat(server.sessionIds()).containsExactlyInAnyOrderElementsOf(
          java.util.stream.Stream.concat(spring.stream(), langChain4j.stream()).toList());
      assertThat(server.sessionTree(spring.get(0)).outline()).contains("├── tool \"orderStatus\"");
      assertThat(server.sessionTree(langChain4j.get(1)).outline()).startsWith(
          "session \"SupportAgent.answerStreaming\"");
      assertThat(text().replaceAll(" \\d+\\.\\d ms", "")).contains(server.sessionTree(spring.get(0)).outline(),
          server.sessionTree(langChain4j.get(0)).outline());
    } finally {
      System.clearProperty("HH_API_KEY");
      System.clearProperty("HH_API_URL");
    }
  }

  private static void assertModel(StoredEvent model, Usage usage, String finishReason) {
    assertThat(model.eventName()).isEqualTo("gpt-4o-mini");
    assertThat(model.config()).containsEntry("model", "gpt-4o-mini").containsEntry("provider", "openai");
    assertThat(model.metadata())
        .containsEntry("prompt_tokens", usage.promptTokens())
        .containsEntry("completion_tokens", usage.completionTokens())
        .containsEntry("total_tokens", usage.totalTokens())
        .containsEntry("finish_reason", finishReason)
        .containsEntry("response_model", FakeOpenAi.RESPONSE_MODEL);
  }

  private static StoredEvent only(List<StoredEvent> events, String type) {
    List<StoredEvent> ofType = ofType(events, type);
    assertThat(ofType).hasSize(1);
    return ofType.get(0);
  }

  /** The events of {@code type}, by start time. */
  private static List<StoredEvent> ofType(List<StoredEvent> events, String type) {
    return events.stream().filter(event -> type.equals(event.eventType()))
        .sorted(Comparator.comparing(StoredEvent::startTime)).toList();
  }

  private String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
