package ai.honeyhive.testing;

import java.util.LinkedHashSet;
import java.util.Set;

/** The operations of the spec on the classpath, for tests outside this package that talk to another server. */
public final class SpecOperations {
  private static final ApiSpec SPEC = ApiSpec.of(ApiSpec.defaultText());

  private SpecOperations() {}

  /**
   * Returns the {@code operationId} that {@code method} and {@code path} match, or null when none does.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param path the encoded path, such as {@code /v1/events}
   * @return the operation id, or null
   */
  public static String operationId(String method, String path) {
    ApiSpec.Match match = SPEC.match(method, path);
    return match.operation() == null ? null : match.operation().operationId();
  }

  /**
   * Returns every {@code operationId} of the spec, in document order.
   *
   * @return the operation ids
   */
  public static Set<String> all() {
    Set<String> ids = new LinkedHashSet<>();
    SPEC.operations().forEach(operation -> ids.add(operation.operationId()));
    return ids;
  }
}
