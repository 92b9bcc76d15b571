package ai.honeyhive.internal.http;

import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Identifies this SDK the way HoneyHive's official SDKs do ({@code hh-client-language}, {@code hh-client-package},
 * {@code hh-client-version}, a User-Agent naming it), then adds the caller's custom headers.
 */
public final class ClientHeadersInterceptor implements Interceptor {
  private final String userAgent = ClientVersion.userAgent();
  private final Map<String, String> customHeaders;

  public ClientHeadersInterceptor(Map<String, String> customHeaders) {
    this.customHeaders = Map.copyOf(customHeaders);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder request = chain.request().newBuilder()
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .header("hh-client-language", "java")
        .header("hh-client-package", ClientVersion.PACKAGE)
        .header("hh-client-version", ClientVersion.VERSION);
    customHeaders.forEach(request::header);
    return chain.proceed(request.build());
  }
}
