package ai.honeyhive.internal.http;

import java.util.List;
import java.util.Set;

/**
 * The answer to a batch of events: all stored, or a partial success (legacy routes: HTTP 500 with the ids that were
 * stored) naming the events that were not.
 */
public final class BatchResult {
  public static final BatchResult ALL_STORED = new BatchResult(null, Set.of(), List.of());

  /** The request line, such as {@code "POST /events/batch"}, for messages; null when all were stored. */
  public final String request;
  /** The ids of the events the server did not store; empty when all were. */
  public final Set<String> notStored;
  /** The server's error messages about them. */
  public final List<String> errors;

  public BatchResult(String request, Set<String> notStored, List<String> errors) {
    this.request = request;
    this.notStored = notStored;
    this.errors = errors;
  }
}
