package ai.honeyhive;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.internal.delivery.DeliveryCounters;
import ai.honeyhive.internal.delivery.SyncDelivery;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A synchronous client whose writes go to a {@link RecordingGateway} instead of HTTP: each write is recorded before
 * the call that made it returns. For tests of the API's shape, where the wire format is not the point.
 */
final class InMemoryClient {
  final RecordingGateway gateway = new RecordingGateway();
  private final Executor direct = Runnable::run;
  final Client client = new Client(gateway, new SyncDelivery(gateway, new DeliveryCounters(null), direct),
      TimeSource.of(Clock.systemUTC()), "test", direct);

  /** Starts a session named "chat". */
  Session session() {
    return new SessionBuilder(client, "chat").start();
  }

  /** Returns the one event sent with {@code name}, failing if there is none or more than one. */
  Event event(String name) {
    List<Event> named = events().stream().filter(e -> name.equals(e.getEventName())).toList();
    if (named.size() != 1) {
      throw new AssertionError("expected one event named " + name + ", but got " + named.size() + ": " + events());
    }
    return named.get(0);
  }

  /** Returns the events sent so far, in order. */
  List<Event> events() {
    return gateway.createdEvents();
  }
}
