package ai.honeyhive.examples.readme;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import java.util.List;
import java.util.Map;

/** The service of the README's test snippets: it traces each answer as one session. */
final class SupportBot {
  private final HoneyHive hh;

  SupportBot(HoneyHive hh) {
    this.hh = hh;
  }

  /** Answers {@code question} and returns the id of the session that traced it. */
  String answer(String question) {
    Session session = hh.session("support-chat").start();
    try (Span chain = session.chain("answer").inputs(Map.of("question", question)).start()) {
      List<String> docs = chain.tool("vector-search").inputs(Map.of("q", question)).call(() -> List.of("kb/keys.md"));
      String reply = "Rotate it in Settings (" + docs.get(0) + ").";
      chain.model("gpt-4o").message("user", question).completion(reply).log();
      chain.outputs(Map.of("answer", reply));
    }
    session.end();
    return session.sessionId();
  }
}
