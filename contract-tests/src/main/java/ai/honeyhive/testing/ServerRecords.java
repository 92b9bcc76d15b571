package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a {@link HoneyHiveTestServer} received, in the forms its queries return: stored events picked by session or
 * type, the sessions seen, and the findings of the recorded exchanges (validation errors, injected faults, the
 * operations exercised). Reads the {@link EventStore} and the {@link ServerDispatcher}'s records, both safe for
 * concurrent use; holds no state of its own, so every answer is a snapshot.
 */
final class ServerRecords {
  private final EventStore store;
  private final ServerDispatcher dispatcher;

  ServerRecords(EventStore store, ServerDispatcher dispatcher) {
    this.store = store;
    this.dispatcher = dispatcher;
  }

  /** Returns the stored events {@code filter} accepts, in arrival order. */
  List<StoredEvent> events(Predicate<StoredEvent> filter) {
    List<StoredEvent> result = new ArrayList<>();
    for (StoredEvent event : store.all()) {
      if (filter.test(event)) {
        result.add(event);
      }
    }
    return List.copyOf(result);
  }

  /** Returns the ids of every session that has stored events, in order of first arrival. */
  Set<String> sessionIds() {
    Set<String> ids = new LinkedHashSet<>();
    store.all().forEach(event -> ids.add(event.sessionId()));
    return Collections.unmodifiableSet(ids);
  }

  /** Returns every validation failure, of requests and of the server's own responses, one per line. */
  List<String> validationErrors() {
    List<String> errors = new ArrayList<>();
    for (RecordedExchange exchange : dispatcher.exchanges()) {
      exchange.requestErrors().forEach(error -> errors.add(exchange + ": request " + error));
      exchange.responseErrors().forEach(error -> errors.add(exchange + ": response " + error));
    }
    return List.copyOf(errors);
  }

  /** Returns the exchanges into which a fault was injected, in order. */
  List<RecordedExchange> injectedFaults() {
    List<RecordedExchange> faulted = new ArrayList<>();
    for (RecordedExchange exchange : dispatcher.exchanges()) {
      if (exchange.injectedFault() != null) {
        faulted.add(exchange);
      }
    }
    return List.copyOf(faulted);
  }

  /** Returns the operations called with a conforming request and answered with a 2xx status. */
  Set<String> exercisedOperationIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (RecordedExchange exchange : dispatcher.exchanges()) {
      if (exchange.succeeded()) {
        ids.add(exchange.operationId());
      }
    }
    return Collections.unmodifiableSet(ids);
  }
}
