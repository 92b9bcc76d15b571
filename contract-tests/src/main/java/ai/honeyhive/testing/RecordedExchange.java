package ai.honeyhive.testing;

import java.util.List;
import mockwebserver3.MockResponse;

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
  private final int status;
  private final String responseBody;
  private final List<String> requestErrors;
  private final List<String> responseErrors;
  private final boolean succeeded;

  private RecordedExchange(IncomingRequest request, MockResponse response) {
    boolean normal = request.normalResponse != null && response == request.normalResponse;
    this.method = request.method;
    this.path = request.path;
    this.operationId = request.operationId();
    this.requestBody = request.body;
    this.status = response.getCode();
    this.responseBody = normal ? request.reply.body() : null;
    this.requestErrors = List.copyOf(request.requestErrors);
    this.responseErrors = List.copyOf(request.responseErrors);
    this.succeeded = normal && operationId != null && requestErrors.isEmpty() && request.reply.isSuccess();
  }

  static RecordedExchange of(IncomingRequest request, MockResponse response) {
    return new RecordedExchange(request, response);
  }

  /** Returns the HTTP method, such as {@code POST}. */
  public String method() {
    return method;
  }

  /** Returns the request's encoded path, such as {@code /v1/events}. */
  public String path() {
    return path;
  }

  /** Returns the {@code operationId} of the spec operation the method and path matched, or null when none did. */
  public String operationId() {
    return operationId;
  }

  /** Returns the request body as UTF-8 text; empty when there was none. */
  public String requestBody() {
    return requestBody;
  }

  /** Returns the HTTP status the server answered. */
  public int status() {
    return status;
  }

  /** Returns the JSON body the server answered, or null when it answered without a body. */
  public String responseBody() {
    return responseBody;
  }

  /**
   * Returns what is wrong with the request, one finding per line as {@code [validator key] field: problem}, such as
   * {@code [validation.request.body.schema.enum] event_type: Instance value ("banana") not found in enum ...}. Covers
   * the spec's schemas and parameters, the bearer token, and requests that match no operation. Empty when the
   * request conforms.
   */
  public List<String> requestErrors() {
    return requestErrors;
  }

  /**
   * Returns what is wrong with the server's own answer against the spec: the self-check, which should always be
   * empty; a finding here is a bug in the test server or in the spec.
   */
  public List<String> responseErrors() {
    return responseErrors;
  }

  /** Returns whether the request conformed to the spec and was answered with a 2xx status. */
  public boolean succeeded() {
    return succeeded;
  }

  /** Returns a one-line summary, such as {@code POST /v1/events (createEvent) -> 200}; the format may change. */
  @Override
  public String toString() {
    return method + " " + path + (operationId != null ? " (" + operationId + ")" : "") + " -> " + status;
  }
}
