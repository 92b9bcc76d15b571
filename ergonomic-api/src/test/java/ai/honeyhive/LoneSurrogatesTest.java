package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A lone UTF-16 surrogate (half of a pair, as when a string is cut inside an emoji) has no UTF-8 form: it is refused
 * where it is handed over, naming its path, instead of being stored as {@code ?}. Whole pairs pass untouched.
 */
class LoneSurrogatesTest {
  private static final String CUT_EMOJI = "smile \uD83D"; // "smile 😀" cut after the first half of its pair

  private final MockHoneyHive mock = new MockHoneyHive();
  private final HoneyHive hh = mock.client();
  private final Session session = hh.attachSession(UUID.randomUUID().toString());

  @AfterEach
  void tearDown() {
    hh.close();
    mock.close();
  }

  @Test
  void aLoneHighSurrogateIsRefusedWithItsPath() {
    assertThatThrownBy(() -> session.tool("t").inputs(Map.of("text", CUT_EMOJI)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("inputs.text holds a lone UTF-16 surrogate (U+D83D at index 6)");
  }

  @Test
  void aLoneLowSurrogateDeepInAValueIsRefusedWithItsPath() {
    Map<String, Object> outputs = Map.of("choices", List.of(Map.of("text", "ok"), Map.of("text", "\uDE00 tail")));

    assertThatThrownBy(() -> session.model("gpt-4o").outputs(outputs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("outputs.choices[1].text holds a lone UTF-16 surrogate (U+DE00 at index 0)");
    assertThatThrownBy(() -> session.model("gpt-4o").completion(CUT_EMOJI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("outputs.content holds a lone UTF-16 surrogate");
  }

  @Test
  void aLoneSurrogateInAKeyIsRefused() {
    assertThatThrownBy(() -> session.tool("t").metadata(Map.of(CUT_EMOJI, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metadata has a key that holds a lone UTF-16 surrogate");
    assertThatThrownBy(() -> session.tool("t").metadata(Map.of("nested", Map.of(CUT_EMOJI, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metadata.nested has a key that holds a lone UTF-16 surrogate");
  }

  @Test
  void updatesAndSessionsRefuseThemToo() {
    assertThatThrownBy(() -> session.update().metadata(Map.of("note", CUT_EMOJI)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metadata.note holds a lone UTF-16 surrogate");
    assertThatThrownBy(() -> hh.session("chat").metadata(Map.of("note", List.of(CUT_EMOJI))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metadata.note[0] holds a lone UTF-16 surrogate");
  }

  @Test
  @SuppressWarnings("unchecked")
  void wholePairsAreSentUntouched() {
    mock.enqueueOk();
    String text = "smile \uD83D\uDE00, \uD83D\uDE00\uD83D\uDE00 and \u00E9\u4E2D";

    session.tool("t").inputs(Map.of("text", text, "\uD83D\uDE00", "key")).log();

    Map<String, Object> inputs = (Map<String, Object>) MockHoneyHive.body(mock.takeRequest()).get("inputs");
    assertThat(inputs).containsEntry("text", text).containsEntry("\uD83D\uDE00", "key");
  }
}
