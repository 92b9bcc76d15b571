package ai.honeyhive.testing;

/** Answers one operation of the spec, for a request that passed authentication and validation. */
@FunctionalInterface
interface Route {
  Reply handle(IncomingRequest request);
}
