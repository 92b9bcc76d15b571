package ai.honeyhive.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.HoneyHiveTestServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/** The handler's contract with Micrometer: what it accepts, and that it never throws into the observed code. */
class HandlerContractTest {
  @Test
  void acceptsSpringAiContextsOnly() {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start(); HoneyHive hh = server.clientBuilder().build()) {
      HoneyHiveObservationHandler handler = HoneyHiveObservationHandler.create(hh);

      assertThat(handler.supportsContext(new Observation.Context())).isFalse();
      assertThat(handler.supportsContext(ChatModelObservationContext.builder().prompt(new Prompt("hi"))
          .provider("openai").build())).isTrue();
      assertThat(handler.supportsContext(ToolCallingObservationContext.builder()
          .toolDefinition(ToolDefinition.builder().name("t").description("d").inputSchema("{}").build())
          .build())).isTrue();
    }
  }

  @Test
  void aClosedClientNeverBreaksTheObservedCall() {
    HoneyHive hh;
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start()) {
      hh = server.clientBuilder().build();
      hh.close();
    }
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(HoneyHiveObservationHandler.create(hh));
    ChatModelObservationContext context = ChatModelObservationContext.builder().prompt(new Prompt("hi"))
        .provider("openai").build();

    assertThatCode(() -> Observation.createNotStarted("gen_ai.client.operation", () -> context, registry)
        .observe(() -> { })).doesNotThrowAnyException();
  }

  @Test
  void aStopWithoutAStartIsIgnored() {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start(); HoneyHive hh = server.clientBuilder().build()) {
      HoneyHiveObservationHandler handler = HoneyHiveObservationHandler.create(hh);

      assertThatCode(() -> handler.onStop(ChatModelObservationContext.builder().prompt(new Prompt("hi"))
          .provider("openai").build())).doesNotThrowAnyException();
      assertThat(server.events()).isEmpty();
    }
  }

  @Test
  void awaitOpenCallsWaitsForTheCallsWithAnOpenEventOnly() {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.start(); HoneyHive hh = server.clientBuilder().build()) {
      HoneyHiveObservationHandler handler = HoneyHiveObservationHandler.create(hh);
      ObservationRegistry registry = ObservationRegistry.create();
      registry.observationConfig().observationHandler(handler);
      assertThat(handler.awaitOpenCalls(java.time.Duration.ZERO)).isTrue();

      Observation running = Observation.start("gen_ai.client.operation",
          () -> ChatModelObservationContext.builder().prompt(new Prompt("hi")).provider("openai").build(), registry);
      Observation.start("other", registry).stop(); // not Spring AI's: never counted
      assertThat(handler.awaitOpenCalls(java.time.Duration.ofMillis(50))).isFalse();

      running.stop();
      assertThat(handler.awaitOpenCalls(java.time.Duration.ZERO)).isTrue();
    }
  }
}
