package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.internal.wire.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
  void plainStringFieldsRefuseThemToo() {
    assertRefused(() -> session.model(CUT_EMOJI), "model");
    assertRefused(() -> session.tool(CUT_EMOJI), "name");
    assertRefused(() -> session.chain(CUT_EMOJI), "name");
    assertRefused(() -> hh.session(CUT_EMOJI), "name");
    assertRefused(() -> hh.session("chat").source(CUT_EMOJI), "source");
    assertRefused(() -> session.tool("t").source(CUT_EMOJI), "source");
    assertRefused(() -> session.model("gpt-4o").provider(CUT_EMOJI), "provider");
    assertRefused(() -> session.model("gpt-4o").parameter(CUT_EMOJI, 1), "name");
    assertRefused(() -> session.model("gpt-4o").message(CUT_EMOJI, "hi"), "role");
    assertRefused(() -> session.tool("t").error(CUT_EMOJI), "error");
    assertRefused(() -> hh.updateEvent("event-" + CUT_EMOJI), "eventId");
    assertRefused(() -> session.model("gpt-4o").message("user", CUT_EMOJI), "inputs.messages[0].content");
    mock.enqueueOk(); // for the span's event, sent when it closes
    try (Span span = session.chain("c").start()) {
      assertRefused(() -> span.error(CUT_EMOJI), "error");
    }
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " holds a lone UTF-16 surrogate (U+D83D at index ");
  }

  @Test
  void plainStringFieldsTakeWholePairs() {
    mock.enqueueOk();

    session.model("gpt \uD83D\uDE00").provider("\uD83D\uDE00").error("failed \uD83D\uDE00").log();

    Map<String, Object> body = MockHoneyHive.body(mock.takeRequest());
    assertThat(body).containsEntry("event_name", "gpt \uD83D\uDE00").containsEntry("error", "failed \uD83D\uDE00");
  }

  /** The text of an exception is the exception's own, not handed over: call() records it and rethrows the body's. */
  @Test
  void anExceptionWhoseMessageHoldsOneIsRecordedAndRethrownUnchanged() {
    mock.enqueueOk();
    IllegalStateException failure = new IllegalStateException(CUT_EMOJI);

    assertThatThrownBy(() -> session.tool("t").call(() -> {
      throw failure;
    })).isSameAs(failure);
    assertThat(MockHoneyHive.body(mock.takeRequest())).containsKey("error");
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

  @Test
  void aLoneSurrogateIsFoundAtTheStartInTheMiddleAndAtTheEndOfLatin1AndUtf16Text() {
    // Latin-1 text (stored by the JVM one byte a char) and UTF-16 text; each of the four edge surrogates inserted at
    // the start, in the middle (away from any pair) and at the end.
    for (String text : List.of("plain", "caf\u00E9 cr\u00E8me", "\u4E2D\u6587 text", "\uD83D\uDE00 pair, then text")) {
      for (char lone : new char[] {'\uD800', '\uDBFF', '\uDC00', '\uDFFF'}) {
        for (int at : new int[] {0, text.length() - 3, text.length()}) {
          String cut = text.substring(0, at) + lone + text.substring(at);

          assertThatThrownBy(() -> JsonValues.check("inputs", "text", cut))
              .as("%s at %d of %s", (int) lone, at, text)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageStartingWith(
                  String.format("inputs.text holds a lone UTF-16 surrogate (U+%04X at index %d)", (int) lone, at));
        }
      }
    }
  }

  @Test
  void wholePairsAnywhereAreAccepted() {
    String pair = "\uD83D\uDE00";
    for (String text : List.of("", pair, pair + pair, "a" + pair, pair + "a", "a" + pair + "b", "\u00E9" + pair,
        "\u4E2D" + pair + "\u6587", "\uDBFF\uDFFF", "\uD800\uDC00")) {
      assertThat(JsonValues.check("inputs", "text", text)).as(text).isPositive();
      assertThat(JsonValues.check("inputs", text, 1)).as(text).isPositive();
    }
  }

  @Test
  void halvesInTheWrongOrderOrTwiceAreLone() {
    assertLoneAt("\uDE00\uD83D", 0); // low before high
    assertLoneAt("ab\uD83D\uD83D\uDE00", 2); // a high, then a whole pair
    assertLoneAt("ab\uD83D\uDE00\uDE00", 4); // a whole pair, then a low
    assertLoneAt("\uD83D\uDE00\uD83D", 2); // a whole pair, then a high at the very end
  }

  private static void assertLoneAt(String text, int index) {
    assertThatThrownBy(() -> JsonValues.check("inputs", "text", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.format("U+%04X at index %d)", (int) text.charAt(index), index));
  }

  /**
   * Random strings of ASCII, Latin-1, CJK and surrogates, in values and in keys, against an independent reference
   * (the JDK's own code point walk, which yields a lone surrogate as a code point of its own). Many strings, so that
   * the JIT compiles the check as it would in a service.
   */
  @Test
  void findsTheSameLoneSurrogateAsTheJdksCodePointWalk() {
    char[] alphabet = {'a', 'Z', ' ', '\u00E9', '\u00FF', '\u0100', '\u4E2D', '\uD7FF', '\uD800', '\uD83D', '\uDBFF',
        '\uDC00', '\uDE00', '\uDFFF', '\uE000', '\uFFFF'};
    Random random = new Random(20261206);
    for (int n = 0; n < 50_000; n++) {
      // Every fourth string uses only the first five letters: text the JVM stores as Latin-1.
      int letters = n % 4 == 0 ? 5 : alphabet.length;
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(alphabet[random.nextInt(letters)]);
      }
      String value = text.toString();
      int expected = firstLoneSurrogate(value);

      if (expected < 0) {
        assertThat(JsonValues.check("inputs", "text", value)).isEqualTo(4 + 4 + value.length() + 2);
        assertThat(JsonValues.check("inputs", value, 1)).isPositive();
      } else {
        String where = String.format("(U+%04X at index %d)", (int) value.charAt(expected), expected);
        assertThatThrownBy(() -> JsonValues.check("inputs", "text", value))
            .hasMessageStartingWith("inputs.text holds a lone UTF-16 surrogate " + where);
        assertThatThrownBy(() -> JsonValues.check("inputs", value, 1))
            .hasMessageStartingWith("inputs has a key that holds a lone UTF-16 surrogate " + where);
      }
    }
  }

  private static int firstLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int codePoint = text.codePointAt(i);
      if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        return i;
      }
    }
    return -1;
  }
}
