package ai.honeyhive.testing.faults;

import ai.honeyhive.BaseEventBuilder;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic synchronous workload: {@code sessions} conversations of {@code eventsPerSession} events each (model,
 * tool and chain events in turn), every event logged with {@code log()}. Each event carries a unique marker in
 * {@code inputs.n}, so the test can find it in the store whether or not {@code log()} returned its id. Only
 * {@link HoneyHiveException} is caught: any other exception escapes and fails the test.
 */
final class EventWorkload {
  final List<String> attempted = new ArrayList<>();
  /** Marker to the id {@code log()} returned. */
  final Map<String, String> logged = new LinkedHashMap<>();
  /** Marker to what {@code log()} threw. */
  final Map<String, HoneyHiveException> failed = new LinkedHashMap<>();

  private EventWorkload() {}

  static EventWorkload run(HoneyHive hh, int sessions, int eventsPerSession) {
    EventWorkload workload = new EventWorkload();
    for (int s = 0; s < sessions; s++) {
      Session session = hh.session("fault-suite-" + s).userProperties(Map.of("user_id", "u-" + s)).start();
      for (int i = 0; i < eventsPerSession; i++) {
        String marker = "s" + s + "-e" + i;
        workload.attempted.add(marker);
        try {
          workload.logged.put(marker, event(session, i, marker).log());
        } catch (HoneyHiveException e) {
          workload.failed.put(marker, e);
        }
      }
      session.end();
    }
    return workload;
  }

  private static BaseEventBuilder<?> event(Session session, int i, String marker) {
    switch (i % 3) {
      case 0:
        return session.model("gpt-4o").message("user", "How do I reset my API key? (" + marker + ")")
            .completion("Open Settings > API Keys.").usage(12, 8).inputs(Map.of("n", marker));
      case 1:
        return session.tool("vector-search").inputs(Map.of("n", marker, "q", "reset key"))
            .outputs(Map.of("documents", List.of("kb-1042")));
      default:
        return session.chain("answer").inputs(Map.of("n", marker)).outputs(Map.of("answer", "Rotate it."));
    }
  }
}
