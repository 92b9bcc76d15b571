package ai.honeyhive.internal.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expected values were computed with CPython 3 ({@code json.dumps(x, sort_keys=True)}, {@code hashlib.sha256}),
 * the way HoneyHive's Python SDK 1.5 computes them, so a dataset run from Java and from Python gets the same ids.
 */
class ExternalIdsTest {
  private static Map<String, Object> map(Object... entries) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      map.put((String) entries[i], entries[i + 1]);
    }
    return map;
  }

  private static final Map<String, Object> FIRST =
      map("inputs", map("q", "What is 2+2?"), "ground_truth", map("answer", "4"));
  private static final Map<String, Object> SECOND = map("inputs", map("q", "Capital of France? é"),
      "ground_truth", map("answer", "Paris"),
      "metadata", map("score", 0.1, "n", 3, "ok", true, "none", null, "big", 1e-07, "f", 1.0,
          "list", List.of(1, 2.5)));

  @Test
  void idsMatchPythonsForTheSameDataset() {
    assertThat(ExternalIds.datasetId(List.of(FIRST, SECOND))).isEqualTo("EXT-8f52fadcffb7ccdb");
    assertThat(ExternalIds.datapointId(FIRST, 0)).isEqualTo("EXT-5909ef327d784996");
    assertThat(ExternalIds.datapointId(SECOND, 1)).isEqualTo("EXT-c7dd3eb8d2de07e6");
  }

  @Test
  void keyOrderDoesNotMatterAndAnIdOfItsOwnWins() {
    Map<String, Object> reordered = new HashMap<>();
    reordered.put("ground_truth", map("answer", "4"));
    reordered.put("inputs", map("q", "What is 2+2?"));
    assertThat(ExternalIds.datapointId(reordered, 0)).isEqualTo("EXT-5909ef327d784996");
    assertThat(ExternalIds.datapointId(map("id", "case-7"), 3)).isEqualTo("EXT-case-7");
    assertThat(ExternalIds.datapointId(map("datapoint_id", "EXT-x"), 3)).isEqualTo("EXT-x");
  }

  @Test
  void writesJsonAsPythonDoes() {
    assertThat(PythonJson.write(SECOND)).isEqualTo("{\"ground_truth\": {\"answer\": \"Paris\"}, \"inputs\": {\"q\": "
        + "\"Capital of France? \\u00e9\"}, \"metadata\": {\"big\": 1e-07, \"f\": 1.0, \"list\": [1, 2.5], \"n\": 3, "
        + "\"none\": null, \"ok\": true, \"score\": 0.1}}");
    assertThat(PythonJson.write(Arrays.asList("a\"b\\c\n\t\u0001\u2028😀", 1e22, 12345678901234567L, 1.5e300, -0.0,
        100.0, 0.0001, 0.00001)))
        .isEqualTo("[\"a\\\"b\\\\c\\n\\t\\u0001\\u2028\\ud83d\\ude00\", 1e+22, 12345678901234567, 1.5e+300, -0.0, "
            + "100.0, 0.0001, 1e-05]");
  }

  @Test
  void evaluatorResultsBecomeMetricsByPythonsRules() {
    assertThat(EvaluatorScores.of("exact", true)).isEqualTo(Map.of("exact", true));
    assertThat(EvaluatorScores.of("exact", List.of(0.5))).isEqualTo(Map.of("exact", 0.5));
    assertThat(EvaluatorScores.of("judge", map("score", 4, "explanation", "close", "tokens", 12, "raw", List.of())))
        .isEqualTo(Map.of("judge", 4, "judge_explanation", "close", "judge_tokens", 12));
    assertThat(EvaluatorScores.of("x", null)).isEmpty();
    assertThat(EvaluatorScores.of("x", List.of(1, 2))).isEmpty();
  }
}
