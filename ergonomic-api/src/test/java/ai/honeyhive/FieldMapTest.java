package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An event draft's map: behaves as a {@link LinkedHashMap} of string keys does, below and above its scan limit. */
class FieldMapTest {

  @Test
  void matchesLinkedHashMapUnderRandomPutsAndLookups() {
    Random random = new Random(20261121);
    // "Aa" and "BB" share a hash code: a lookup must compare the keys, not only their hashes.
    List<String> keys = new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"));
    for (int i = 0; keys.size() < 40; i++) {
      keys.add("key-" + i);
    }
    for (int round = 0; round < 300; round++) {
      FieldMap map = new FieldMap();
      Map<String, Object> expected = new LinkedHashMap<>();
      int operations = random.nextInt(4 * FieldMap.SCAN_LIMIT);
      for (int i = 0; i < operations; i++) {
        // Fresh strings: equal keys are not the same instance, as when a caller builds them.
        String key = new String(keys.get(random.nextInt(keys.size())));
        Object value = random.nextInt(5) == 0 ? null : random.nextInt(1000);
        if (random.nextInt(10) == 0) {
          map.ensureCapacity(random.nextInt(2 * FieldMap.SCAN_LIMIT)); // Growing early changes nothing else.
        }
        assertThat(map.put(key, value)).isEqualTo(expected.put(key, value));
        String probe = new String(keys.get(random.nextInt(keys.size())));
        assertThat(map.get(probe)).isEqualTo(expected.get(probe));
        assertThat(map.containsKey(probe)).isEqualTo(expected.containsKey(probe));
      }
      assertSameMap(map, expected);
      assertSameMap(new FieldMap(expected), expected);
      FieldMap copy = new FieldMap(map);
      assertSameMap(copy, expected);
      // The copy has arrays and an index of its own: changing it leaves the original as it was.
      copy.put("added to the copy", 1);
      copy.keySet().stream().findFirst().ifPresent(first -> copy.put(first, "changed in the copy"));
      assertSameMap(map, expected);
      assertThat(map.containsKey("added to the copy")).isFalse();
    }
  }

  private static void assertSameMap(FieldMap map, Map<String, Object> expected) {
    assertThat(map).hasSize(expected.size());
    assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
    List<Object> visited = new ArrayList<>();
    map.forEach((key, value) -> {
      visited.add(key);
      visited.add(value);
    });
    List<Object> expectedVisits = new ArrayList<>();
    expected.forEach((key, value) -> {
      expectedVisits.add(key);
      expectedVisits.add(value);
    });
    assertThat(visited).isEqualTo(expectedVisits);
    assertThat(map).isEqualTo(expected);
    assertThat(expected).isEqualTo(map);
    assertThat(map.hashCode()).isEqualTo(expected.hashCode());
    assertThat(map.toString()).isEqualTo(expected.toString());
  }

  @Test
  void keepsAReplacedKeyInItsPlaceAfterTheIndexIsBuilt() {
    FieldMap map = new FieldMap();
    for (int i = 0; i <= FieldMap.SCAN_LIMIT + 2; i++) {
      map.put("k" + i, i);
    }

    assertThat(map.put("k1", "replaced")).isEqualTo(1);
    assertThat(map.put("last", "new")).isNull();

    assertThat(map.keySet()).startsWith("k0", "k1", "k2").endsWith("last");
    assertThat(map.get("k1")).isEqualTo("replaced");
    assertThat(map).hasSize(FieldMap.SCAN_LIMIT + 4);
  }

  @Test
  void refusesNullKeysAndRemovalAndChangesWhileBeingWalked() {
    FieldMap map = new FieldMap();
    map.put("a", null);

    assertThat(map.containsKey("a")).isTrue();
    assertThat(map.get(null)).isNull();
    assertThatThrownBy(() -> map.put(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.forEach((key, value) -> map.put(key + "+", value)))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThatThrownBy(() -> {
      for (String key : map.keySet()) {
        map.put(key + "!", 1);
      }
    }).isInstanceOf(ConcurrentModificationException.class);
  }
}
