package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The children of a session: kept in order, up to a bound, so a long-lived session cannot grow without limit. */
class IdListTest {

  @Test
  void keepsIdsInOrderUpToItsBoundAndSaysOnceWhenItStartsRefusing() {
    IdList list = new IdList();
    List<UUID> added = new ArrayList<>();
    int firstRefusals = 0;

    for (int i = 0; i < IdList.MAX_IDS + 1_000; i++) {
      UUID id = new UUID(0, i);
      if (i < IdList.MAX_IDS) {
        added.add(id);
      }
      if (list.add(id)) {
        firstRefusals++;
        assertThat(i).isEqualTo(IdList.MAX_IDS);
      }
    }

    assertThat(IdList.MAX_IDS).isEqualTo(131_056);
    assertThat(firstRefusals).isEqualTo(1);
    assertThat(list.snapshot()).isEqualTo(added);
  }
}
