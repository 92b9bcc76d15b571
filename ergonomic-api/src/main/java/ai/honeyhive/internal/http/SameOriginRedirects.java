package ai.honeyhive.internal.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Refuses a redirect that leaves the request's origin (scheme, host and port): OkHttp follows a 307 or 308 with the
 * same method and body, so a redirect to another host would hand it the event payload and the custom headers (OkHttp
 * drops only {@code Authorization}), and the write would count as sent. A network interceptor, so it sees each
 * redirect before OkHttp follows it; a redirect within the origin is followed as OkHttp does.
 */
public final class SameOriginRedirects implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    if (!response.isRedirect()) {
      return response;
    }
    String location = response.header("Location");
    HttpUrl target = location == null ? null : request.url().resolve(location);
    if (target == null || sameOrigin(request.url(), target)) {
      return response; // OkHttp does not follow a redirect without a usable Location; a same-origin one it follows.
    }
    response.close();
    throw new CrossOriginRedirectException("the server redirected (" + response.code() + ") from "
        + origin(request.url()) + " to " + origin(target)
        + "; a redirect to another host is not followed, so the request was not sent there");
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** Scheme, host and port only: a Location's path or query could carry anything. */
  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** A redirect to another origin, refused: not a connection failure, so it is never retried. */
  public static final class CrossOriginRedirectException extends IOException {
    private static final long serialVersionUID = 1L;

    public CrossOriginRedirectException(String message) {
      super(message);
    }
  }
}
