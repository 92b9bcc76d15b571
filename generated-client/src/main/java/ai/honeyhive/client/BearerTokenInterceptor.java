package ai.honeyhive.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <api key>} to every request. HoneyHive keys are project-scoped: the server derives
 * the project from the key.
 *
 * <p>The key never appears in {@link #toString()}.
 */
public final class BearerTokenInterceptor implements Interceptor {
  private final String headerValue;

  /**
   * Creates an interceptor for {@code apiKey}.
   *
   * @param apiKey the HoneyHive API key
   * @throws NullPointerException if {@code apiKey} is null
   * @throws IllegalArgumentException if {@code apiKey} is blank
   */
  public BearerTokenInterceptor(String apiKey) {
    if (apiKey == null) throw new NullPointerException("apiKey == null");
    if (apiKey.isBlank()) throw new IllegalArgumentException("apiKey is blank");
    this.headerValue = "Bearer " + apiKey.strip();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("Authorization", headerValue).build());
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor{apiKey=<redacted>}";
  }
}
