package ai.honeyhive.internal.http;

import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.NotFoundException;
import java.util.Map;

/** What the evaluation gateways do with an answer that has no body, and a call on a disabled client. */
final class Answers {
  private Answers() {}

  /** Returns {@code body}; a 2xx without one is a failure naming the request. */
  static <T> T required(String request, T body) {
    if (body == null) {
      throw new HoneyHiveException(request + " succeeded but its response had no body", null);
    }
    return body;
  }

  /** The failure of a read or write on a disabled client: it holds nothing, as a 404 says. */
  static NotFoundException disabled(String request) {
    return new NotFoundException(request, 404, Map.of(), "the HoneyHive client is disabled", null);
  }
}
