package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session's events as a tree, for assertions and for printing. */
class SessionTreeTest {
  private static final String SESSION = "9bf47942-7e51-4e22-ac5a-16533163f6f5";
  private static final String CHAIN = "432ce9c3-51f2-4e77-9e9f-8c5eb085de62";
  private static final String TOOL = "e3d02cd5-e18a-476c-9212-ac9f6e9c378f";
  private static final String MODEL = "e68c6ecc-18c4-4d40-8a81-3530767df842";
  private static final String NEVER_SENT = "0d9c3a3e-5a43-4b9e-9f60-2b0fd1c7a001";

  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();
  private final Http http = new Http(server);

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  @Test
  void renderDrawsTheNestingWithTypesNamesAndDurations() {
    http.post("/v1/sessions", Map.of("session_id", SESSION, "session_name", "checkout", "start_time", 0,
        "end_time", 2500, "duration", 2500.0));
    addToSession(
        event(MODEL, CHAIN, "model", "gpt-4o", 400, 1980.0),
        event(CHAIN, null, "chain", "answer", 100, 2360.0),
        event(TOOL, CHAIN, "tool", "vector-search", 150, 262.4),
        event("5a1d9b1e-0c37-4c57-9d0e-7c1c2f0e9a11", null, "tool", "notify", 2480, 3.0));

    SessionTree tree = server.sessionTree(SESSION);

    assertThat(tree.render()).isEqualTo(""
        + "session \"checkout\" 2500.0 ms\n"
        + "├── chain \"answer\" 2360.0 ms\n"
        + "│   ├── tool \"vector-search\" 262.4 ms\n"
        + "│   └── model \"gpt-4o\" 1980.0 ms\n"
        + "└── tool \"notify\" 3.0 ms\n");
    assertThat(tree.toString()).isEqualTo(tree.render());
    assertThat(tree.size()).isEqualTo(5);
    SessionTree.Node chain = tree.root().children().get(0);
    assertThat(chain.name()).isEqualTo("answer");
    assertThat(chain.type()).isEqualTo("chain");
    assertThat(chain.durationMillis()).isEqualTo(2360.0);
    assertThat(chain.children()).extracting(SessionTree.Node::name).containsExactly("vector-search", "gpt-4o");
    assertThat(chain.event().eventId()).isEqualTo(CHAIN);
  }

  @Test
  void spansOfTheClientNestUnderEachOther() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      server.flushBeforeQueries(hh);
      Session session = hh.session("agent").start();
      try (Span plan = session.chain("plan").start()) {
        try (Span step = plan.chain("step-1").start()) {
          step.tool("search").log();
          step.model("gpt-4o").log();
        }
      }
      session.end();

      assertThat(server.sessionTree(session.sessionId()).outline()).isEqualTo(""
          + "session \"agent\"\n"
          + "└── chain \"plan\"\n"
          + "    └── chain \"step-1\"\n"
          + "        ├── tool \"search\"\n"
          + "        └── model \"gpt-4o\"\n");
    }
  }

  @Test
  void anEventWhoseParentNeverArrivedHangsUnderTheRootMarked() {
    http.post("/v1/sessions", Map.of("session_id", SESSION, "session_name", "s"));
    addToSession(event(TOOL, NEVER_SENT, "tool", "lost", 10, 1.0));

    SessionTree tree = server.sessionTree(SESSION);

    assertThat(tree.outline())
        .isEqualTo("session \"s\"\n└── tool \"lost\" [parent " + NEVER_SENT + " not received]\n");
    assertThat(tree.root().children().get(0).parentMissing()).isTrue();
  }

  @Test
  void eventsOfASessionThatWasNeverStartedHangUnderAPlaceholderRoot() {
    addToSession(event(TOOL, null, "tool", "orphan", 10, 1.0));

    SessionTree tree = server.sessionTree(SESSION);

    assertThat(tree.outline()).isEqualTo("session (session not started)\n└── tool \"orphan\"\n");
    assertThat(tree.root().event()).isNull();
  }

  @Test
  void parentsInACycleDoNotLoop() {
    http.post("/v1/sessions", Map.of("session_id", SESSION, "session_name", "s"));
    addToSession(event(TOOL, MODEL, "tool", "a", 10, 1.0), event(MODEL, TOOL, "model", "b", 20, 1.0));

    SessionTree tree = server.sessionTree(SESSION);

    assertThat(tree.size()).isEqualTo(3);
    assertThat(tree.root().children()).hasSize(1);
    assertThat(tree.root().children().get(0).parentMissing()).isTrue();
  }

  @Test
  void aSessionWithoutEventsHasNoTree() {
    assertThatThrownBy(() -> server.sessionTree(SESSION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(SESSION);
  }

  private void addToSession(Map<?, ?>... events) {
    Http.Answer answer = http.post("/v1/sessions/" + SESSION + "/events/batch", Map.of("events", List.of(events)));
    assertThat(answer.status()).isEqualTo(200);
  }

  private static Map<String, Object> event(String id, String parent, String type, String name, long start,
      double duration) {
    Map<String, Object> event = new java.util.HashMap<>(Map.of("event_id", id, "event_type", type,
        "event_name", name, "inputs", Map.of(), "start_time", start, "duration", duration));
    if (parent != null) {
      event.put("parent_id", parent);
    }
    return event;
  }
}
