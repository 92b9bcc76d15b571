package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Invalid input fails where it is handed over, with a message naming the field, and nothing is sent. */
class BadInputTest {
  private final MockHoneyHive mock = new MockHoneyHive();
  private final HoneyHive hh = mock.client();
  private final Session session = hh.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");

  @AfterEach
  void nothingBadWasSent() {
    assertThat(mock.drainBodies()).allSatisfy(body -> assertThat(body).doesNotContainKey("metadata"));
    hh.close();
    mock.close();
  }

  @Test
  void nullInputs() {
    assertThatThrownBy(() -> session.model("gpt-4o").inputs(null))
        .isInstanceOf(NullPointerException.class).hasMessage("inputs == null");
  }

  @Test
  void aValueMoshiCannotSerializeIsNamedByItsPath() {
    Map<String, Object> inputs = Map.of("messages", List.of(Map.of("role", "user", "content", new Thread())));

    assertThatThrownBy(() -> session.model("gpt-4o").inputs(inputs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("inputs.messages[0].content cannot be written as JSON")
        .hasMessageContaining("java.lang.Thread");
  }

  @Test
  void aNonFiniteNumberIsNamedByItsPath() {
    assertThatThrownBy(() -> session.tool("t").metadata(Map.of("score", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata.score must be a finite number, but was NaN");
  }

  @Test
  void aNonStringKeyInANestedMapIsRejected() {
    Map<Object, Object> nested = new HashMap<>();
    nested.put(7, "seven");

    assertThatThrownBy(() -> session.tool("t").outputs(Map.of("table", nested)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("outputs.table has a key that is not a string");
  }

  @Test
  void aMapWithOneBadValueAddsNoneOfItsEntries() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("good", 1);
    metadata.put("bad", Double.NaN);
    metadata.put("also good", "x");
    EventBuilder tool = session.tool("t").inputs(Map.of("q", "x"));

    assertThatThrownBy(() -> tool.metadata(metadata)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata.bad must be a finite number, but was NaN");
    mock.enqueueOk();
    tool.log();

    List<Map<String, Object>> sent = mock.drainBodies();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).containsKey("inputs").doesNotContainKey("metadata");
  }

  @Test
  void aNullKeyIsRejected() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(null, "x");

    assertThatThrownBy(() -> session.tool("t").inputs(inputs))
        .isInstanceOf(NullPointerException.class).hasMessage("inputs has a null key");
  }

  @Test
  void aMapThatContainsItselfIsRejectedInsteadOfOverflowingTheStack() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("self", List.of(inputs));

    assertThatThrownBy(() -> session.tool("t").inputs(inputs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("inputs.self[0].self[0]")
        .hasMessageContaining("does a map or list contain itself?");
  }

  /** A package-private record, the usual way to write a DTO: Moshi cannot reach its accessors. */
  record User(String name) {}

  @Test
  void aNonPublicRecordIsNamedByItsPathAndNothingIsQueued() {
    try (HoneyHive batched = mock.batchedClientBuilder().build()) {
      Session batchedSession = batched.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80");

      assertThatThrownBy(() -> batchedSession.tool("t").inputs(Map.of("user", new User("ada"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("inputs.user cannot be written as JSON")
          .hasMessageContaining(User.class.getName());
      assertThat(batched.stats().queued()).isZero();
      assertThat(batched.flush(java.time.Duration.ofSeconds(5))).isEqualTo(new DeliveryReport(0, 0, 0, 0));
    }
  }

  @Test
  void theDeepestValueTheCheckAcceptsIsAlsoWrittenAndOneLevelMoreIsRejected() {
    int limit = ai.honeyhive.client.HoneyHiveJson.MAX_NESTING_DEPTH;
    mock.enqueueOk();
    session.tool("t").inputs(nested(limit)).log(); // inputs itself is the first level
    String body = mock.takeRequest().getBody().utf8(); // Read as text: Moshi's reader nests no deeper than 255.
    assertThat(body).contains("\"inputs\":" + "{\"a\":".repeat(limit - 1) + "{}" + "}".repeat(limit - 1));

    assertThatThrownBy(() -> session.tool("t").inputs(nested(limit + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than " + limit + " levels deep");
  }

  @Test
  void theDeepestValueTheCheckAcceptsIsWrittenInASessionStartAndABatchToo() {
    int limit = ai.honeyhive.client.HoneyHiveJson.MAX_NESTING_DEPTH;
    String deepest = "{\"a\":".repeat(limit - 1) + "{}" + "}".repeat(limit - 1);
    mock.enqueueOk();
    hh.session("chat").inputs(nested(limit)).start();
    assertThat(mock.takeRequest().getBody().utf8()).contains("\"inputs\":" + deepest);

    try (HoneyHive batched = mock.batchedClientBuilder().build()) {
      mock.enqueueOk();
      batched.attachSession("6f1c2a3e-9b7d-4c8e-a1f2-3b4c5d6e7f80").tool("t").inputs(nested(limit)).log();
      assertThat(batched.flush(java.time.Duration.ofSeconds(10))).isEqualTo(new DeliveryReport(1, 0, 0, 0));
      assertThat(mock.takeRequest().getBody().utf8()).contains("\"inputs\":" + deepest);
    }
  }

  /** {@code levels} maps nested in one another, the innermost empty. */
  private static Map<String, Object> nested(int levels) {
    Map<String, Object> map = Map.of();
    for (int i = 1; i < levels; i++) {
      map = Map.of("a", map);
    }
    return map;
  }

  @Test
  void anInvalidUuidAsSessionId() {
    assertThatThrownBy(() -> hh.attachSession("session_abc123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sessionId must be a UUID")
        .hasMessageContaining("'session_abc123'");
    assertThatThrownBy(() -> hh.session("chat").sessionId("1-2-3-4-5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sessionId must be a UUID");
  }

  @Test
  void anInvalidUuidAsEventId() {
    assertThatThrownBy(() -> session.tool("t").eventId("not-a-uuid"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("eventId must be a UUID");
    assertThatThrownBy(() -> hh.getEvent("\t42"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("eventId must be a non-blank id");
  }

  @Test
  void emptyNamesWhereANameIsRequired() {
    assertThatThrownBy(() -> hh.session("")).hasMessage("name must not be blank");
    assertThatThrownBy(() -> session.model(" ")).hasMessage("model must not be blank");
    assertThatThrownBy(() -> session.tool("")).hasMessage("name must not be blank");
    assertThatThrownBy(() -> session.chain(null)).isInstanceOf(NullPointerException.class).hasMessage("name == null");
  }

  @Test
  void anEndBeforeTheStart() {
    EventBuilder tool = session.tool("t")
        .startTime(java.time.Instant.ofEpochSecond(100)).endTime(java.time.Instant.ofEpochSecond(99));

    assertThatThrownBy(tool::log).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endTime").hasMessageContaining("before startTime");
  }

  @Test
  void negativeTokenCountsAndCost() {
    assertThatThrownBy(() -> session.model("gpt-4o").usage(-1, 3)).hasMessageContaining("promptTokens=-1");
    assertThatThrownBy(() -> session.model("gpt-4o").cost(Double.NaN)).hasMessageContaining("cost must be");
  }

  @Test
  void aBadValueLeavesTheBuilderUsable() {
    ModelEventBuilder model = session.model("gpt-4o").inputs(Map.of("prompt", "hi"));

    assertThatThrownBy(() -> model.metadata(Map.of("bad", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
    mock.enqueueOk();
    model.log();
    assertThat(MockHoneyHive.body(mock.takeRequest())).doesNotContainKey("metadata")
        .containsEntry("inputs", Map.of("prompt", "hi"));
  }
}
