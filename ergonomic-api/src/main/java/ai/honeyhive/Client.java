package ai.honeyhive;

import ai.honeyhive.internal.delivery.Delivery;
import ai.honeyhive.internal.http.Gateway;
import java.util.concurrent.Executor;

/**
 * What sessions, spans and builders share: the gateway (for reads), the delivery (for writes), the time source, the
 * default source, and the executor of the asynchronous operations.
 */
final class Client {
  final Gateway gateway;
  final Delivery delivery;
  final TimeSource time;
  final String defaultSource;
  final Executor async;

  Client(Gateway gateway, Delivery delivery, TimeSource time, String defaultSource, Executor async) {
    this.gateway = gateway;
    this.delivery = delivery;
    this.time = time;
    this.defaultSource = defaultSource;
    this.async = async;
  }

  /**
   * Delivers one finished event: sent now (synchronous mode, failures thrown) or queued (batched mode).
   *
   * @param fieldBytes the estimated JSON size of its fields, from {@link EventDraft#estimatedBytes}
   * @return false if it was dropped at once (counted and reported as dropped), true if it was sent or queued
   */
  boolean send(ai.honeyhive.client.model.Event event, long fieldBytes) {
    return delivery.submitEvent(event, fieldBytes);
  }

  /**
   * Returns this client, or, when it has no default source and {@code source} is not null, a copy whose default
   * source is {@code source}: a service that names none logs under its caller's.
   */
  Client withDefaultSource(String source) {
    return defaultSource == null && source != null ? new Client(gateway, delivery, time, source, async) : this;
  }
}
