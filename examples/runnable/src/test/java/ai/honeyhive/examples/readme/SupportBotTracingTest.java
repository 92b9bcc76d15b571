package ai.honeyhive.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's test of a service with the JUnit 5 extension, run as it is shown. */
// tag::junit[]
@ExtendWith(HoneyHiveTestServerExtension.class)
class SupportBotTracingTest {
  @Test
  void anAnswerIsTracedAsOneSession(HoneyHive hh, HoneyHiveTestServer server) {
    String sessionId = new SupportBot(hh).answer("How do I reset my API key?");

    assertThat(server.sessionTree(sessionId).outline()).isEqualTo("""
        session "support-chat"
        └── chain "answer"
            ├── tool "vector-search"
            └── model "gpt-4o"
        """);
    assertThat(server.duplicateDeliveries()).isEmpty();
  }
}
// end::junit[]
