package ai.honeyhive.examples;

import ai.honeyhive.testing.HoneyHiveTestServer;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs every example, one after the other, against one backend: the embedded {@link HoneyHiveTestServer} by
 * default, HoneyHive when {@code HH_API_KEY} is set (see {@link Backend}). Prints each example's sessions as trees,
 * and fails if the test server saw a request the API would reject.
 */
public final class RunAllExamples {
  /** How many trees an example prints at most; the rest are summarised. */
  static final int MAX_TREES = 3;

  private RunAllExamples() {}

  /** Returns every example, in the order of HoneyHive's guide. */
  static List<Example> all() {
    return List.of(new SyncLlmExample(), new SyncLlmToolExample(), new AsyncPerSessionExample(),
        new AsyncBatchExample(), new NestedSpansExample(), new DistributedTracingExample(), new ReadBackExample(),
        new OpenTelemetryExample(), new ExperimentExample(), new SpringAiBootExample(), new LangChain4jExample());
  }

  /**
   * Runs every example.
   *
   * @param args ignored
   * @throws Exception if an example fails, or the test server saw a request that does not conform to the spec
   */
  public static void main(String[] args) throws Exception {
    try (Backend backend = Backend.fromEnvironment()) {
      runAll(backend, System.out);
    }
  }

  /** Runs every example against {@code backend}, printing to {@code out}. */
  static void runAll(Backend backend, PrintStream out) throws Exception {
    out.println("HoneyHive Java examples, sending to " + backend.describe());
    for (Example example : all()) {
      runOne(example, backend, out);
    }
    List<String> errors = backend.validationErrors();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("requests the API would reject:\n" + String.join("\n", errors));
    }
    out.println();
    out.println(backend.server().isPresent()
        ? "Done: every request conformed to the OpenAPI spec."
        : "Done: see the sessions in HoneyHive (source \"examples\", \"service-a\", \"service-b\", \""
            + SpringAiBootExample.SOURCE + "\", \"" + LangChain4jExample.SOURCE + "\").");
  }

  /** Runs one example, then prints its sessions as trees; returns their ids. */
  static List<String> runOne(Example example, Backend backend, PrintStream out) throws Exception {
    out.println();
    out.println("== " + example.title() + " ==");
    List<String> sessionIds = example.run(backend, out);
    String requests = backend.requestsSinceLastCall();
    if (!requests.equals("none")) {
      out.println("requests: " + requests);
    }
    for (String sessionId : sessionIds.subList(0, Math.min(sessionIds.size(), sessionIds.size() > MAX_TREES
        ? MAX_TREES - 1 : MAX_TREES))) {
      out.println();
      out.print(backend.tree(sessionId));
    }
    if (sessionIds.size() > MAX_TREES) {
      out.println();
      out.println("... and " + (sessionIds.size() - MAX_TREES + 1) + " more sessions" + shapes(backend, sessionIds));
    }
    return sessionIds;
  }

  /** Says how many distinct shapes the sessions have, when the embedded server can tell. */
  private static String shapes(Backend backend, List<String> sessionIds) {
    Optional<HoneyHiveTestServer> server = backend.server();
    if (server.isEmpty()) {
      return "";
    }
    long distinct = sessionIds.stream().map(id -> server.get().sessionTree(id).outline())
        .collect(Collectors.toSet()).size();
    return distinct == 1 ? "; all " + sessionIds.size() + " have the outline drawn above"
        : "; " + distinct + " different outlines among them";
  }
}
