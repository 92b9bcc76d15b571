package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveException;

/**
 * How a client delivers writes: session starts, events ({@link BaseEventBuilder#log()}, {@link Span#close()}) and
 * updates ({@link EventUpdate#send()}, {@link Session#end()}, {@link Session#feedback}). Reads
 * ({@link HoneyHive#getEvent}, {@link EventSearch}) are always synchronous. Chosen with
 * {@link HoneyHive.Builder#deliveryMode} or {@code HH_DELIVERY}.
 */
public enum DeliveryMode {
  /**
   * The default. A write is checked, put in a bounded in-memory queue, and the call returns at once (about a
   * microsecond for a small event); a background exporter sends the queue in batches ({@code POST /v1/events/batch},
   * {@code POST /v1/sessions/{id}/events/batch}, or {@code POST /events/batch} on the legacy routes), keeping the
   * order of each session's writes. A failure to deliver is never thrown into the instrumented code: it is retried as
   * configured, then reported to the {@link DeliveryListener}, counted in {@link HoneyHive#stats()} and logged
   * (SLF4J logger {@code ai.honeyhive.delivery}). {@link HoneyHive#flush} waits for delivery;
   * {@link HoneyHive#close()} and, unless turned off, a JVM shutdown hook flush what is queued.
   *
   * <p>Why it is the default: it is what HoneyHive's own tracers and the OpenTelemetry SDK do, and what HoneyHive's
   * documentation advises once traffic grows (batches of 100 to 1000). Logging then costs the caller microseconds
   * instead of a network round trip, an outage of the API does not slow or break the application, and one request
   * carries up to {@link HoneyHive.Builder#maxBatchSize} events.
   */
  BATCHED,

  /**
   * Every write is one request made on the calling thread, after its retries; a failure is thrown to the caller as a
   * {@link HoneyHiveException} (spans log it instead). Simple and immediate, for scripts, tests and low volume. No
   * background thread is started.
   */
  SYNCHRONOUS
}
