package ai.honeyhive.internal.propagation;

import ai.honeyhive.internal.delivery.WriteQueue;

/** Breaks the architecture on purpose, for {@code ArchitectureTest}: propagation reaching into delivery. */
final class UsesDelivery {
  private UsesDelivery() {}

  static WriteQueue queue() {
    return new WriteQueue(1, 1);
  }
}
