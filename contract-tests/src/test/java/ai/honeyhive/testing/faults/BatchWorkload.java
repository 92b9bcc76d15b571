package ai.honeyhive.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventBatchRequest;
import ai.honeyhive.client.model.EventBatchResponse;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.LegacyBatchResponse;
import ai.honeyhive.client.model.LegacyEvent;
import ai.honeyhive.client.model.LegacyEventBatchRequest;
import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import retrofit2.Response;

/**
 * Batches sent through the generated client ({@code hh.raw()}, which shares the ergonomic client's retries), the
 * way a caller that ships traffic in bulk would: {@code batches} batches of {@code perBatch} events, each batch in a
 * session of its own. The caller learns what was stored from the answer: every event on a 200; on a legacy
 * partial-success 500 the {@code event_ids} of the report; on any other failure nothing. {@link #statuses} lists the
 * status of every answer the caller got.
 */
@SuppressWarnings("deprecation") // the legacy batch route is deprecated, and that is what is tested
final class BatchWorkload {
  private static final JsonAdapter<LegacyBatchResponse> LEGACY_REPORT =
      HoneyHiveJson.moshi().adapter(LegacyBatchResponse.class);

  final List<String> attempted = new ArrayList<>();
  /** Event id to itself, for the events the answers confirmed. */
  final Map<String, String> confirmed = new LinkedHashMap<>();
  final List<String> failed = new ArrayList<>();
  /** The status of every answer the caller got, in order. */
  final List<Integer> statuses = new ArrayList<>();

  private BatchWorkload() {}

  /**
   * Sends each batch to the legacy route and, as HoneyHive's exporters do, acts on a partial-success report: the
   * events it lists as stored are confirmed, the others are sent again (same ids) in a smaller batch, for at most
   * {@code rounds} rounds; what is still unconfirmed then counts as failed.
   */
  static BatchWorkload legacy(HoneyHive hh, int batches, int perBatch, int rounds) throws IOException {
    BatchWorkload workload = new BatchWorkload();
    for (int b = 0; b < batches; b++) {
      UUID session = UUID.randomUUID();
      List<LegacyEvent> pending = new ArrayList<>();
      for (int i = 0; i < perBatch; i++) {
        pending.add(new LegacyEvent().eventId(UUID.randomUUID().toString()).sessionId(session.toString()).eventType(EventType.TOOL)
            .eventName("vector-search").source("fault-suite").inputs(Map.of("q", "batch " + b + " event " + i)));
      }
      pending.forEach(event -> workload.attempted.add(event.getEventId()));
      for (int round = 0; round < rounds && !pending.isEmpty(); round++) {
        Response<LegacyBatchResponse> response = hh.raw().legacy()
            .createEventBatchLegacy(new LegacyEventBatchRequest().singleSession(false).events(pending)).execute();
        workload.statuses.add(response.code());
        if (!response.isSuccessful() && response.code() != 500) {
          break;
        }
        LegacyBatchResponse answer = response.isSuccessful() ? response.body()
            : LEGACY_REPORT.fromJson(response.errorBody().string());
        Set<String> stored = new java.util.HashSet<>(answer.getEventIds());
        if (!response.isSuccessful()) {
          assertThat(answer.getSuccess()).isFalse();
          assertThat(answer.getErrors()).as("one error per event not stored").hasSize(pending.size() - stored.size());
        }
        stored.forEach(id -> workload.confirmed.put(id, id));
        pending.removeIf(event -> stored.contains(event.getEventId()));
      }
      pending.forEach(event -> workload.failed.add(event.getEventId()));
    }
    return workload;
  }

  static BatchWorkload current(HoneyHive hh, int batches, int perBatch) throws IOException {
    BatchWorkload workload = new BatchWorkload();
    for (int b = 0; b < batches; b++) {
      UUID session = UUID.randomUUID();
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < perBatch; i++) {
        events.add(new Event().eventId(UUID.randomUUID().toString()).sessionId(session.toString()).eventType(EventType.TOOL)
            .eventName("vector-search").source("fault-suite").inputs(Map.of("q", "batch " + b + " event " + i)));
      }
      List<String> ids = events.stream().map(e -> e.getEventId()).collect(Collectors.toList());
      Response<EventBatchResponse> response =
          hh.raw().events().createEventBatch(new EventBatchRequest().events(events)).execute();
      Set<String> stored = response.isSuccessful()
          ? Set.copyOf(response.body().getEventIds())
          : Set.of(); // a plain 500 says nothing about which events were stored
      workload.record(ids, stored, response.code());
    }
    return workload;
  }

  private void record(List<String> ids, Set<String> stored, int status) {
    statuses.add(status);
    for (String id : ids) {
      attempted.add(id);
      if (stored.contains(id)) {
        confirmed.put(id, id);
      } else {
        failed.add(id);
      }
    }
  }
}
