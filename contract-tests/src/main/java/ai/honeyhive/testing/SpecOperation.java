package ai.honeyhive.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operation of the spec: its id, HTTP method and path template, such as {@code GET /v1/events/{event_id}}.
 *
 * @param operationId the spec's {@code operationId}
 * @param method the HTTP method, upper case
 * @param pathTemplate the path as the spec writes it, with {@code {name}} segments
 */
record SpecOperation(String operationId, String method, String pathTemplate) {
  /**
   * Matches {@code path} against the template segment by segment; a {@code {name}} segment matches any one non-empty
   * segment.
   *
   * @return the path parameters by name, or null when the path does not match
   */
  Map<String, String> match(String path) {
    String[] want = segments(pathTemplate);
    String[] got = segments(path);
    if (want.length != got.length) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}")) {
        if (got[i].isEmpty()) {
          return null;
        }
        parameters.put(want[i].substring(1, want[i].length() - 1), got[i]);
      } else if (!want[i].equals(got[i])) {
        return null;
      }
    }
    return parameters;
  }

  /** The number of {@code {name}} segments: a literal path wins over a templated one. */
  int templateSegments() {
    int count = 0;
    for (String segment : segments(pathTemplate)) {
      if (segment.startsWith("{")) {
        count++;
      }
    }
    return count;
  }

  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.split("/", -1);
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate + " (" + operationId + ")";
  }
}
