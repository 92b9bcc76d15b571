package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One rule for every map setter: a call adds its entries to those set before, and a key set again takes the later
 * value. Each case sets {@code {a: 1, b: 1}} then {@code {b: 2, c: 2}} and expects {@code {a: 1, b: 2, c: 2}}.
 */
class MapSettersTest {
  private static final Map<String, Object> FIRST = Map.of("a", 1, "b", 1);
  private static final Map<String, Object> SECOND = Map.of("b", 2, "c", 2);
  private static final Map<String, Object> MERGED = Map.of("a", 1, "b", 2, "c", 2);

  private final InMemoryClient hh = new InMemoryClient();

  @Test
  void sessionBuilderMergesEveryMap() {
    new SessionBuilder(hh.client, "chat")
        .userProperties(FIRST).userProperties(SECOND)
        .metadata(FIRST).metadata(SECOND)
        .config(FIRST).config(SECOND)
        .inputs(FIRST).inputs(SECOND)
        .start();

    SessionStartRequest started = hh.gateway.startedSessions().get(0);
    assertThat(started.getUserProperties()).isEqualTo(MERGED);
    assertThat(started.getMetadata()).isEqualTo(MERGED);
    assertThat(started.getConfig()).isEqualTo(MERGED);
    assertThat(started.getInputs()).isEqualTo(MERGED);
  }

  @Test
  void sessionImportMergesEveryMap() {
    SessionImport imported = new SessionImport(hh.client, "history").startTime(Instant.parse("2024-11-21T08:00:00Z"))
        .userProperties(FIRST).userProperties(SECOND)
        .metadata(FIRST).metadata(SECOND);
    imported.tool("t").startTime(Instant.parse("2024-11-21T08:00:01Z")).log();
    CompletableFuture<String> sent = imported.send();

    assertThat(sent).isCompleted();
    SessionProperties properties = hh.gateway.imports().get(0).properties();
    assertThat(properties.getUserProperties()).isEqualTo(MERGED);
    assertThat(properties.getMetadata()).isEqualTo(MERGED);
  }

  @Test
  void eventUpdateMergesEveryMapOutputsIncludedBeforeTheServerReplacesThem() {
    new EventUpdate(hh.gateway, "6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80")
        .metadata(FIRST).metadata(SECOND)
        .feedback(FIRST).feedback(SECOND)
        .metrics(FIRST).metrics(SECOND)
        .config(FIRST).config(SECOND)
        .userProperties(FIRST).userProperties(SECOND)
        .outputs(FIRST).outputs(SECOND)
        .send();

    ai.honeyhive.client.model.EventUpdate sent = hh.gateway.updates().get(0).update();
    assertThat(sent.getMetadata()).isEqualTo(MERGED);
    assertThat(sent.getFeedback()).isEqualTo(MERGED);
    assertThat(sent.getMetrics()).isEqualTo(MERGED);
    assertThat(sent.getConfig()).isEqualTo(MERGED);
    assertThat(sent.getUserProperties()).isEqualTo(MERGED);
    assertThat(sent.getOutputs()).isEqualTo(MERGED);
  }

  @Test
  void eventBuildersMergeEveryMap() {
    hh.session().tool("t")
        .inputs(FIRST).inputs(SECOND)
        .outputs(FIRST).outputs(SECOND)
        .config(FIRST).config(SECOND)
        .metadata(FIRST).metadata(SECOND)
        .metrics(FIRST).metrics(SECOND)
        .feedback(FIRST).feedback(SECOND)
        .userProperties(FIRST).userProperties(SECOND)
        .log();

    assertAllMerged(hh.event("t"));
  }

  @Test
  void spansMergeWithWhatTheirBuilderSet() {
    try (Span span = hh.session().tool("t").inputs(FIRST).outputs(FIRST).config(FIRST).metadata(FIRST)
        .metrics(FIRST).feedback(FIRST).userProperties(FIRST).start()) {
      span.inputs(SECOND).outputs(SECOND).config(SECOND).metadata(SECOND).metrics(SECOND).feedback(SECOND)
          .userProperties(SECOND);
    }

    assertAllMerged(hh.event("t"));
  }

  @Test
  void modelHelpersAndRawMapsCombineInAnyOrder() {
    hh.session().model("gpt-4o").usage(3, 4).metadata(Map.of("region", "eu", "total_tokens", 8)).cost(0.5)
        .config(Map.of("seed", 1)).temperature(0.2).log();

    Event sent = hh.event("gpt-4o");
    assertThat(sent.getMetadata()).containsOnly(Map.entry("prompt_tokens", 3L), Map.entry("completion_tokens", 4L),
        Map.entry("total_tokens", 8), Map.entry("region", "eu"), Map.entry("cost", 0.5));
    assertThat(sent.getConfig()).containsOnly(Map.entry("model", "gpt-4o"), Map.entry("seed", 1),
        Map.entry("temperature", 0.2));
  }

  @Test
  void aKeySetAgainKeepsItsPlace() {
    new SessionBuilder(hh.client, "chat").metadata(Map.of("a", 1)).metadata(Map.of("b", 2))
        .metadata(Map.of("a", 3)).start();

    assertThat(hh.gateway.startedSessions().get(0).getMetadata())
        .containsExactly(Map.entry("a", 3), Map.entry("b", 2));
  }

  @Test
  void aRefusedMapAddsNothing() {
    SessionBuilder builder = new SessionBuilder(hh.client, "chat").metadata(FIRST);

    assertThatThrownBy(() -> builder.metadata(Map.of("c", 3, "bad", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata.bad");
    assertThatThrownBy(() -> builder.metadata(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("metadata == null");
    builder.start();

    assertThat(hh.gateway.startedSessions().get(0).getMetadata()).isEqualTo(FIRST);
  }

  @Test
  void aSessionAlreadyStartedDoesNotChangeWhenItsBuilderDoes() {
    SessionBuilder builder = new SessionBuilder(hh.client, "chat").metadata(FIRST);
    builder.start();
    builder.metadata(SECOND).start();

    assertThat(hh.gateway.startedSessions().get(0).getMetadata()).isEqualTo(FIRST);
    assertThat(hh.gateway.startedSessions().get(1).getMetadata()).isEqualTo(MERGED);
  }

  private static void assertAllMerged(Event sent) {
    assertThat(sent.getInputs()).isEqualTo(MERGED);
    assertThat(sent.getOutputs()).isEqualTo(MERGED);
    assertThat(sent.getConfig()).isEqualTo(MERGED);
    assertThat(sent.getMetadata()).isEqualTo(MERGED);
    assertThat(sent.getMetrics()).isEqualTo(MERGED);
    assertThat(sent.getFeedback()).isEqualTo(MERGED);
    assertThat(sent.getUserProperties()).isEqualTo(MERGED);
  }
}
