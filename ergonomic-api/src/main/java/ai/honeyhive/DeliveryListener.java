package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveApiException;
import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.List;

/**
 * Learns about writes that did not reach HoneyHive in the {@link DeliveryMode#BATCHED} mode, where nothing is thrown
 * into the instrumented code. Register one with {@link HoneyHive.Builder#deliveryListener}; by default failures are
 * only counted ({@link HoneyHive#stats()}) and logged (SLF4J logger {@code ai.honeyhive.delivery}).
 *
 * <p>Every write ends in exactly one of three ways: sent, failed (reported here with {@link #onFailed}) or dropped
 * (reported here with {@link #onDropped}). A write is identified by an id: the event's id for an event, the session's
 * id for a session start, and the id of the updated event (or session) for an update.
 *
 * <p>Calls come from the exporter's threads for failures (several at once when
 * {@link HoneyHive.Builder#maxConcurrentExports} is above 1) and from the thread that made the write (or called
 * {@link HoneyHive#close()}) for drops, so a listener must be thread-safe and quick, and must not wait for the
 * delivery it is told about. An exception it throws is logged and otherwise ignored. In the
 * {@link DeliveryMode#SYNCHRONOUS} mode failures are reported here too, as well as thrown.
 *
 * <pre>{@code
 * HoneyHive hh = HoneyHive.builder().fromEnv()
 *     .deliveryListener(new DeliveryListener() {
 *       @Override
 *       public void onFailed(List<String> ids, HoneyHiveException cause) {
 *         metrics.counter("honeyhive.failed").increment(ids.size());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface DeliveryListener {
  /**
   * Called when writes failed for good: rejected by the API (a batch answered 400, 413 or 422 is split until the
   * rejected events are isolated, so {@code ids} then names just them and {@code cause} carries the server's message
   * about them), or still failing after the configured retries. The writes are not retried again. Does nothing by
   * default.
   *
   * @param ids the ids of the failed writes, at least one; unmodifiable
   * @param cause why they failed: a {@link HoneyHiveApiException} with the HTTP status and the server's message, or a
   *     {@link HoneyHiveConnectionException}
   */
  default void onFailed(List<String> ids, HoneyHiveException cause) {}

  /**
   * Called when writes were dropped without being sent. Does nothing by default.
   *
   * @param ids the ids of the dropped writes, at least one; unmodifiable
   * @param reason why they were dropped
   */
  default void onDropped(List<String> ids, DropReason reason) {}
}
