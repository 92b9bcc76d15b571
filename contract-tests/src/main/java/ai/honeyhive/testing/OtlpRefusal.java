package ai.honeyhive.testing;

/**
 * Why the OTLP route refuses a request: the status, the error code and the message of the API's error body
 * ({@link Reply#error}). Thrown by {@link OtlpDecoder} and {@link OtlpSpans}, answered by {@link OtlpRoutes}.
 */
final class OtlpRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  OtlpRefusal(int status, String errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** 400 {@code BAD_REQUEST}: a body that does not decode. */
  static OtlpRefusal undecodable(String message) {
    return new OtlpRefusal(400, "BAD_REQUEST", message);
  }

  /** 400 {@code VALIDATION_ERROR}: a body that decodes but breaks OTLP's rules (ids, times). */
  static OtlpRefusal invalid(String message) {
    return new OtlpRefusal(400, "VALIDATION_ERROR", message);
  }

  /** 415 {@code UNSUPPORTED_MEDIA_TYPE}: a content type or encoding the route does not take. */
  static OtlpRefusal unsupported(String message) {
    return new OtlpRefusal(415, "UNSUPPORTED_MEDIA_TYPE", message);
  }

  Reply reply() {
    return Reply.error(status, errorCode, getMessage());
  }
}
