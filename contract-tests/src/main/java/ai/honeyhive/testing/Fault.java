package ai.honeyhive.testing;

import mockwebserver3.MockResponse;

/**
 * The seam for fault injection: every request passes through the server's fault before normal handling. A fault
 * decides per request whether to let it through ({@code normal.handle(request)}), to replace the answer (a 5xx, a 429
 * with {@code Retry-After}, an HTML 502, a connection reset via {@code MockResponse.Builder.onRequestBody}), or to let
 * normal handling run and then alter its answer (a delay longer than the client's timeout, a partial-success batch).
 *
 * <p>Requests are recorded whatever the fault does. Normal handling authenticates, validates the request, answers it
 * from the store and validates its own answer; an answer a fault puts in its place is not validated, because it is
 * wrong on purpose, and the operation does not count as exercised.
 *
 * <p>The public way in is {@link HoneyHiveTestServer.Builder#faults}, whose {@link FaultInjector} implements this
 * seam; without plans the server uses {@link #NONE}, which lets every request through. A fault marks what it did
 * on the request ({@code injectedFault}, {@code closedWithoutAnswer}, ...) so the exchange records it.
 */
@FunctionalInterface
interface Fault {
  /** Lets every request through to normal handling. */
  Fault NONE = (request, normal) -> normal.handle(request);

  /**
   * Answers {@code request}, calling {@code normal} at most once to get the normal answer.
   *
   * @throws InterruptedException if the fault waits and is interrupted
   */
  MockResponse apply(IncomingRequest request, Handler normal) throws InterruptedException;

  /** Normal handling: authentication, validation, the store, the response self-check. */
  @FunctionalInterface
  interface Handler {
    MockResponse handle(IncomingRequest request);
  }
}
