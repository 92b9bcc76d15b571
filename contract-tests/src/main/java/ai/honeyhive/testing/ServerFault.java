package ai.honeyhive.testing;

import java.time.Duration;
import java.util.Locale;

/**
 * One way the test server misbehaves on purpose, for reliability tests: what it does to a request that a
 * {@link FaultPlan} picks. Immutable; create one with a factory method and pass it to {@link FaultPlan#builder}.
 *
 * <p>Faults differ in whether the request is <em>handled</em> first (authenticated, validated and applied to the
 * store, as without the fault) and only the answer goes wrong ({@link #handlesRequest()}). A client that retries a
 * handled request sends the same events again: the store keeps each event once by id and counts the extra delivery
 * ({@link HoneyHiveTestServer#duplicateDeliveries()}).
 *
 * <table>
 *   <caption>Faults</caption>
 *   <tr><th>Factory</th><th>{@link #name()}</th><th>Handled first</th><th>What the client sees</th></tr>
 *   <tr><td>{@link #serverError}</td><td>{@code server-error-503}</td><td>no</td>
 *       <td>the status, with the API's JSON error body</td></tr>
 *   <tr><td>{@link #rateLimited}</td><td>{@code rate-limited}</td><td>no</td>
 *       <td>429 with {@code Retry-After} in whole seconds and the API's JSON error body</td></tr>
 *   <tr><td>{@link #connectionReset()}</td><td>{@code connection-reset}</td><td>no</td>
 *       <td>the connection closes after the request was sent, without an answer</td></tr>
 *   <tr><td>{@link #connectionResetAfterStoring()}</td><td>{@code connection-reset-after-storing}</td><td>yes</td>
 *       <td>the same, but the events are stored</td></tr>
 *   <tr><td>{@link #slowResponse}</td><td>{@code slow-response}</td><td>yes</td>
 *       <td>the normal answer, after a delay (longer than the client's read timeout, to make it time out)</td></tr>
 *   <tr><td>{@link #partialBatchFailure()}</td><td>{@code partial-batch}</td><td>yes, half the batch</td>
 *       <td>500; on the legacy batch routes with the stored ids and one error per event that was not stored</td></tr>
 *   <tr><td>{@link #badGatewayHtml()}</td><td>{@code html-502}</td><td>no</td>
 *       <td>502 with a load balancer's HTML page</td></tr>
 *   <tr><td>{@link #truncatedBody()}</td><td>{@code truncated-body}</td><td>yes</td>
 *       <td>the normal status with the first half of the normal JSON body</td></tr>
 *   <tr><td>{@link #replaceAnswer}</td><td>{@code replaced-answer-200}</td><td>yes</td>
 *       <td>any status and body, such as a response with the wrong types</td></tr>
 * </table>
 *
 * <p>A fault that does not apply to a request (a partial batch failure of a request that is not a batch, a truncated
 * body of an answer without one) lets it through unchanged and is not recorded as injected.
 */
public final class ServerFault {
  /** What the fault does; {@link FaultAnswers} carries it out. */
  enum Kind {
    SERVER_ERROR, RATE_LIMITED, CONNECTION_RESET, CONNECTION_RESET_AFTER_STORING, SLOW_RESPONSE, PARTIAL_BATCH,
    BAD_GATEWAY_HTML, TRUNCATED_BODY, REPLACE_ANSWER
  }

  private final Kind kind;
  private final String name;
  private final int status;
  private final Duration delay;
  private final String contentType;
  private final String body;

  private ServerFault(Kind kind, String name, int status, Duration delay, String contentType, String body) {
    this.kind = kind;
    this.name = name;
    this.status = status;
    this.delay = delay;
    this.contentType = contentType;
    this.body = body;
  }

  /**
   * Answers with the 5xx {@code status} and the API's error body, such as {@code {"statusCode": 503, "message":
   * "Service Unavailable (injected fault)", "success": false, "errorCode": "SERVICE_UNAVAILABLE"}}. Nothing is
   * stored. Named {@code server-error-<status>}.
   *
   * @param status the status, 500 to 599
   * @return the fault
   * @throws IllegalArgumentException if {@code status} is not a 5xx status
   */
  public static ServerFault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500 to 599, but was " + status);
    }
    return new ServerFault(Kind.SERVER_ERROR, "server-error-" + status, status, null, null, null);
  }

  /**
   * Answers 429 with {@code Retry-After: <seconds>} and the API's error body ({@code errorCode: RATE_LIMITED}).
   * Nothing is stored. Named {@code rate-limited}.
   *
   * @param retryAfter how long the client should wait; sent in whole seconds, rounded up
   * @return the fault
   * @throws NullPointerException if {@code retryAfter} is null
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public static ServerFault rateLimited(Duration retryAfter) {
    checkNotNegative("retryAfter", retryAfter);
    return new ServerFault(Kind.RATE_LIMITED, "rate-limited", 429, retryAfter, null, null);
  }

  /**
   * Reads the whole request, then closes the connection without answering and without handling the request:
   * nothing is stored. The client sees an I/O failure ({@code unexpected end of stream}) after it sent the request,
   * which is what a reset while the request is in flight looks like to it. Named {@code connection-reset}.
   *
   * <p>MockWebServer decides effects on the request body before it knows which request it is reading, so a fault
   * that targets operations cannot cut the request body itself; the connection is closed when the answer would
   * start.
   *
   * @return the fault
   */
  public static ServerFault connectionReset() {
    return new ServerFault(Kind.CONNECTION_RESET, "connection-reset", 0, null, null, null);
  }

  /**
   * Handles the request (its events are stored), then closes the connection without answering: the client cannot
   * tell this from {@link #connectionReset()}, and a retry delivers the same events a second time. Named
   * {@code connection-reset-after-storing}.
   *
   * @return the fault
   */
  public static ServerFault connectionResetAfterStoring() {
    return new ServerFault(Kind.CONNECTION_RESET_AFTER_STORING, "connection-reset-after-storing", 0, null, null,
        null);
  }

  /**
   * Handles the request (its events are stored), then waits {@code delay} before sending the answer's headers. With
   * a delay longer than the client's read timeout, the client times out on a request the server has applied. The
   * server's connection thread sleeps through the delay, and {@link HoneyHiveTestServer#close()} may wait for it, so
   * keep delays short (well under a second). Named {@code slow-response}.
   *
   * @param delay how long to hold the answer back
   * @return the fault
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static ServerFault slowResponse(Duration delay) {
    checkNotNegative("delay", delay);
    return new ServerFault(Kind.SLOW_RESPONSE, "slow-response", 0, delay, null, null);
  }

  /**
   * Fails a batch half way: stores the first half of its events (n / 2, rounded down, in the order sent), not the
   * rest, and answers 500. Named {@code partial-batch}. On the legacy batch routes ({@code POST /events/batch},
   * {@code POST /events/model/batch}) the answer is the partial-success report the spec documents:
   * <pre>{@code
   * {"event_ids": [<ids of the stored events>], "session_id": <for a single-session batch>,
   *  "errors": ["events[10] (event_id 6f1c...): not stored: injected partial batch failure", ...],
   *  "success": false}
   * }</pre>
   * The {@code /v1} batch routes ({@code POST /v1/events/batch}, {@code POST /v1/sessions/{session_id}/events/batch})
   * document only the plain error body for 500, so they answer {@code {"statusCode": 500, "message": "Batch
   * partially failed: 10 of 20 events stored (injected fault)", "success": false, "errorCode":
   * "INTERNAL_SERVER_ERROR"}}: the client cannot tell which events were stored, and resending the whole batch with
   * the same event ids is the recovery. A batch that fails validation is refused as usual, and a request that is
   * not a batch is let through.
   *
   * @return the fault
   */
  public static ServerFault partialBatchFailure() {
    return new ServerFault(Kind.PARTIAL_BATCH, "partial-batch", 500, null, null, null);
  }

  /**
   * Answers 502 with {@code Content-Type: text/html} and a load balancer's error page, as a proxy in front of the
   * API does when the application is down. Nothing is stored. Named {@code html-502}.
   *
   * @return the fault
   */
  public static ServerFault badGatewayHtml() {
    return new ServerFault(Kind.BAD_GATEWAY_HTML, "html-502", 502, null, "text/html",
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
            + "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
  }

  /**
   * Handles the request, then answers its normal status with only the first half of the normal JSON body (a
   * complete HTTP response whose JSON is cut off). An answer without a body is let through. Named
   * {@code truncated-body}.
   *
   * @return the fault
   */
  public static ServerFault truncatedBody() {
    return new ServerFault(Kind.TRUNCATED_BODY, "truncated-body", 0, null, null, null);
  }

  /**
   * Handles the request, then answers {@code status} with {@code body} instead of the normal answer: for answers
   * the spec does not allow, such as {@code {"event_id": 42, "success": true}}. Named
   * {@code replaced-answer-<status>}.
   *
   * @param status the HTTP status, 100 to 599
   * @param contentType the {@code Content-Type}, such as {@code application/json}
   * @param body the body, sent as UTF-8; may be empty
   * @return the fault
   * @throws NullPointerException if {@code contentType} or {@code body} is null
   * @throws IllegalArgumentException if {@code status} is not 100 to 599
   */
  public static ServerFault replaceAnswer(int status, String contentType, String body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, but was " + status);
    }
    if (contentType == null) {
      throw new NullPointerException("contentType == null");
    }
    if (body == null) {
      throw new NullPointerException("body == null");
    }
    return new ServerFault(Kind.REPLACE_ANSWER, "replaced-answer-" + status, status, null, contentType, body);
  }

  /**
   * Returns the fault's name, as {@link RecordedExchange#injectedFault()} reports it: {@code server-error-503},
   * {@code rate-limited}, {@code connection-reset}, {@code connection-reset-after-storing}, {@code slow-response},
   * {@code partial-batch}, {@code html-502}, {@code truncated-body} or {@code replaced-answer-<status>}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns whether the request is handled before the fault strikes, so that its events may be stored although the
   * client sees a failure: true for a reset after storing, a slow response, a partial batch failure (for half the
   * batch), a truncated body and a replaced answer.
   *
   * @return true when the request is handled first
   */
  public boolean handlesRequest() {
    switch (kind) {
      case CONNECTION_RESET_AFTER_STORING:
      case SLOW_RESPONSE:
      case PARTIAL_BATCH:
      case TRUNCATED_BODY:
      case REPLACE_ANSWER:
        return true;
      default:
        return false;
    }
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  Duration delay() {
    return delay;
  }

  String contentType() {
    return contentType;
  }

  String body() {
    return body;
  }

  /** Returns the name and settings, such as {@code ServerFault{rate-limited, Retry-After: 2}}; may change. */
  @Override
  public String toString() {
    String settings = "";
    if (kind == Kind.RATE_LIMITED) {
      settings = ", Retry-After: " + retryAfterSeconds();
    } else if (kind == Kind.SLOW_RESPONSE) {
      settings = ", delay " + delay.toMillis() + " ms";
    } else if (kind == Kind.REPLACE_ANSWER) {
      settings = ", " + contentType.toLowerCase(Locale.ROOT) + ", " + body.length() + " chars";
    }
    return "ServerFault{" + name + settings + "}";
  }

  /** {@code Retry-After} in whole seconds, rounded up. */
  long retryAfterSeconds() {
    long seconds = delay.getSeconds();
    return delay.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static void checkNotNegative(String name, Duration duration) {
    if (duration == null) {
      throw new NullPointerException(name + " == null");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, but was " + duration);
    }
  }
}
