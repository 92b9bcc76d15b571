package ai.honeyhive;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The answer to a batch of events: all stored, or a partial success (legacy routes: HTTP 500 with the ids that were
 * stored) naming the events that were not.
 */
final class BatchResult {
  static final BatchResult ALL_STORED = new BatchResult(null, Set.of(), List.of());

  /** The request line, such as {@code "POST /events/batch"}, for messages; null when all were stored. */
  final String request;
  /** The ids of the events the server did not store; empty when all were. */
  final Set<String> notStored;
  /** The server's error messages about them. */
  final List<String> errors;

  BatchResult(String request, Set<String> notStored, List<String> errors) {
    this.request = request;
    this.notStored = notStored;
    this.errors = errors;
  }
}
