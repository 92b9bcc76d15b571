package ai.honeyhive;

/** What sessions, spans and builders share: the gateway, the time source, the default source. */
final class Client {
  final Gateway gateway;
  final TimeSource time;
  final String defaultSource;

  Client(Gateway gateway, TimeSource time, String defaultSource) {
    this.gateway = gateway;
    this.time = time;
    this.defaultSource = defaultSource;
  }

  /** Sends one finished event. In this synchronous mode a failure is thrown to the caller. */
  void send(ai.honeyhive.client.model.Event event) {
    gateway.createEvent(event);
  }
}
