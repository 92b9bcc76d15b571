package ai.honeyhive.testing;

import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.Headers;

/**
 * One request the test server received and how it answered: the operation of the spec it matched, what validation
 * found in the request and (as a self-check) in the server's own response, and the status returned.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RecordedExchange {
  private final String method;
  private final String path;
  private final String operationId;
  private final String requestBody;
  private final Headers requestHeaders;
  private final int status;
  private final String responseBody;
  private final List<String> requestErrors;
  private final List<String> responseErrors;
  private final boolean succeeded;
  private final String injectedFault;

  private RecordedExchange(IncomingRequest request, MockResponse response) {
    boolean normal = request.normalResponse != null && response == request.normalResponse;
    this.method = request.method;
    this.path = request.path;
    this.operationId = request.operationId();
    this.requestBody = request.body;
    this.requestHeaders = request.headers();
    this.status = request.closedWithoutAnswer ? 0 : response.getCode();
    this.responseBody = normal ? request.reply.body() : request.faultBody;
    this.requestErrors = List.copyOf(request.requestErrors);
    this.responseErrors = List.copyOf(request.responseErrors);
    this.succeeded = normal && operationId != null && requestErrors.isEmpty() && request.reply.isSuccess();
    this.injectedFault = request.injectedFault;
  }

  static RecordedExchange of(IncomingRequest request, MockResponse response) {
    return new RecordedExchange(request, response);
  }

  /**
   * Returns the HTTP method, such as {@code POST}.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Returns the request's encoded path, such as {@code /v1/events}.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the {@code operationId} of the spec operation the method and path matched, such as {@code createEvent}.
   *
   * @return the operation id, or null when no operation matched
   */
  public String operationId() {
    return operationId;
  }

  /**
   * Returns the request body as UTF-8 text.
   *
   * @return the body; empty when there was none
   */
  public String requestBody() {
    return requestBody;
  }

  /**
   * Returns the value of the request header {@code name} (the first, when it was sent more than once), such as
   * {@code requestHeader("hh-retry-count")}.
   *
   * @param name the header's name, in any case
   * @return the value, or null when the request did not have the header
   */
  public String requestHeader(String name) {
    return requestHeaders.get(name);
  }

  /**
   * Returns the HTTP status the server answered; 0 when an injected fault closed the connection without answering.
   *
   * @return the status, or 0
   */
  public int status() {
    return status;
  }

  /**
   * Returns the body the server answered: JSON, or the page of an injected {@link ServerFault#badGatewayHtml()}.
   *
   * @return the body, or null when it answered without one or closed the connection
   */
  public String responseBody() {
    return responseBody;
  }

  /**
   * Returns the {@linkplain ServerFault#name() name} of the fault injected into this exchange, such as
   * {@code "server-error-503"}.
   *
   * @return the fault's name, or null when the exchange was not faulted
   */
  public String injectedFault() {
    return injectedFault;
  }

  /**
   * Returns what is wrong with the request, one finding per line as {@code [validator key] field: problem}, such as
   * {@code [validation.request.body.schema.enum] event_type: Instance value ("banana") not found in enum ...}. Covers
   * the spec's schemas and parameters, the bearer token, and requests that match no operation.
   *
   * @return the findings, unmodifiable; empty when the request conforms
   */
  public List<String> requestErrors() {
    return requestErrors;
  }

  /**
   * Returns what is wrong with the server's own answer against the spec: the self-check, which should always be
   * empty; a finding here is a bug in the test server or in the spec. Injected faults' answers are checked too when
   * the spec documents their shape (a 500, a 429, a partial-success batch report).
   *
   * @return the findings, unmodifiable
   */
  public List<String> responseErrors() {
    return responseErrors;
  }

  /**
   * Returns whether the request conformed to the spec and was answered normally with a 2xx status; false for every
   * faulted exchange, even a slow 200.
   *
   * @return true when the exchange exercised its operation
   */
  public boolean succeeded() {
    return succeeded;
  }

  /**
   * Returns a one-line summary, such as {@code POST /v1/events (createEvent) -> 200}, or {@code ... -> 503
   * [server-error-503]} for a faulted exchange; the format may change.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return method + " " + path + (operationId != null ? " (" + operationId + ")" : "") + " -> " + status
        + (injectedFault != null ? " [" + injectedFault + "]" : "");
  }
}
