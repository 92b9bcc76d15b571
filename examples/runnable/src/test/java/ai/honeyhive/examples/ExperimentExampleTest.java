package ai.honeyhive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The experiment example against the embedded test server: its sessions, their links to the runs, its printout. */
class ExperimentExampleTest extends EmbeddedExampleTest {


  @Test
  void eightSessionsInTwoRunsEachAChainWithItsModelCallAndTheComparisonPrinted() throws Exception {
    List<String> sessions = RunAllExamples.runOne(new ExperimentExample(), backend, out);

    assertThat(sessions).hasSize(8);
    for (String sessionId : sessions) {
      assertThat(server.sessionTree(sessionId).outline()).matches(
          "session \"support-bot-(terse|grounded)\"\n└── chain \"task\"\n    └── model \"fake-gpt\"\n");
      StoredEvent chain = server.eventsInSession(sessionId).stream()
          .filter(event -> "chain".equals(event.eventType())).findFirst().orElseThrow();
      assertThat(chain.metrics()).containsKeys("mentions_keyword", "helpfulness", "helpfulness_explanation");
      assertThat(chain.metadata()).containsKeys("run_id", "dataset_id", "datapoint_id");
    }
    assertThat(server.event(sessions.get(0)).orElseThrow().feedback())
        .isEqualTo(Map.of("ground_truth", Map.of("keyword", "settings")));
    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("support-bot-terse (completed", "support-bot-grounded (completed",
        "means: {helpfulness=0.98125, mentions_keyword=1.0}",
        "comparison of support-bot-grounded with support-bot-terse on 4 common datapoints:",
        "server-side metric answer_matches_truth defined (", "tried on \"How do I reset my API key?\": true");
  }
}
