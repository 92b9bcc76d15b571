package ai.honeyhive.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.StoredEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The ledger of one workload under one fault: what the client attempted, confirmed and reported as failed, checked
 * against what the server stored and how often each event was delivered.
 *
 * @param fault the fault's name, as the table prints it
 * @param attempted events the workload tried to send
 * @param stored attempted events the server stored (each exactly once: checked)
 * @param failed events the client reported as failed (an exception, or a batch report leaving them out)
 * @param ambiguous failed events the server stored all the same (the fault struck after storing)
 * @param duplicates extra deliveries of stored events (a retried request the server had already applied)
 * @param requests requests the server received for the workload's write operations
 * @param retries requests sent as a retry by the client ({@code hh-retry-count} above 0)
 * @param silentResends requests the transport re-sent under the same {@code hh-retry-count} (OkHttp's
 *     {@code retryOnConnectionFailure})
 * @param injected faults the server injected
 * @param threadsLeft non-daemon threads still running after {@code close()}
 */
record Outcome(String fault, int attempted, int stored, int failed, int ambiguous, int duplicates, int requests,
    int retries, int silentResends, int injected, int threadsLeft) {

  /**
   * Checks exactly-once delivery and tallies the numbers.
   *
   * @param attempted the markers of the events attempted
   * @param confirmed marker to event id, for the events the client reported as stored
   * @param failed the markers of the events the client reported as failed
   * @param markerOf finds the marker of a stored event, or null for an event of no workload (a session)
   * @param operations the write operations whose requests count
   */
  static Outcome tally(String fault, HoneyHiveTestServer server, List<String> attempted,
      Map<String, String> confirmed, Collection<String> failed, Function<StoredEvent, String> markerOf,
      Set<String> operations, int threadsLeft) {
    Map<String, StoredEvent> storedByMarker = new HashMap<>();
    for (StoredEvent event : server.events()) {
      String marker = markerOf.apply(event);
      if (marker != null) {
        StoredEvent earlier = storedByMarker.put(marker, event);
        assertThat(earlier).as("event %s stored twice, as %s and %s", marker, earlier, event).isNull();
      }
    }
    assertThat(attempted).as("every attempted event is either confirmed or failed, never both")
        .hasSize(confirmed.size() + failed.size())
        .containsExactlyInAnyOrderElementsOf(union(confirmed.keySet(), failed));
    assertThat(storedByMarker.keySet()).as("the server stored only attempted events").isSubsetOf(attempted);
    confirmed.forEach((marker, id) -> assertThat(storedByMarker.get(marker))
        .as("event %s was confirmed as %s: it must be stored with that id", marker, id)
        .isNotNull()
        .extracting(StoredEvent::eventId).isEqualTo(id));

    int ambiguous = (int) failed.stream().filter(storedByMarker::containsKey).count();
    int duplicates = storedByMarker.values().stream().mapToInt(e -> server.deliveryCount(e.eventId()) - 1).sum();
    int requests = 0;
    int retries = 0;
    Set<String> distinct = new HashSet<>();
    for (RecordedExchange exchange : server.exchanges()) {
      if (operations.contains(exchange.operationId())) {
        requests++;
        String retry = exchange.requestHeader("hh-retry-count");
        if (retry != null && !retry.equals("0")) {
          retries++;
        }
        distinct.add(retry + "#" + exchange.requestBody());
      }
    }
    return new Outcome(fault, attempted.size(), storedByMarker.size(), failed.size(), ambiguous, duplicates,
        requests, retries, requests - distinct.size(), server.injectedFaults().size(), threadsLeft);
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return union;
  }

  /** {@code fault=connection-reset attempted=200 stored=200 duplicates=0 failed=0 ...}. */
  String line() {
    return String.format(Locale.ROOT, "fault=%s attempted=%d stored=%d duplicates=%d failed=%d ambiguous=%d "
        + "requests=%d retries=%d silent-resends=%d injected=%d threads-left=%d", fault, attempted, stored,
        duplicates, failed, ambiguous, requests, retries, silentResends, injected, threadsLeft);
  }
}
