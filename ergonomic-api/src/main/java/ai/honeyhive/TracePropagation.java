package ai.honeyhive;

import ai.honeyhive.internal.propagation.TraceHeaders;
import java.net.http.HttpRequest;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the trace context of the current scope to outgoing HTTP requests, so the service called continues the trace
 * ({@link HoneyHive#continueTrace(java.util.Map, String)}). The headers and their formats are described on
 * {@link EventScope}.
 *
 * <h2>What "inside a span" means</h2>
 * A request is inside a scope (a {@link Span}, {@link Session} or {@link ContinuedTrace}) when that scope is
 * <em>current</em> on the thread that builds the request: between {@link EventScope#makeCurrent()} and closing the
 * {@link CurrentScope} it returns, and while the body of a {@code call(...)} or {@code run(...)} runs (its span is
 * current). Opening a span with {@code start()} makes nothing current. The current scope is a thread-local: it flows
 * to other threads only through {@link HoneyHiveContext}.
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(TracePropagation.okHttpInterceptor())
 *     .build();
 *
 * try (Span call = chain.tool("inventory-service").start();
 *      CurrentScope current = call.makeCurrent()) {
 *   http.newCall(new Request.Builder().url(inventoryUrl).build()).execute();
 * }
 * }</pre>
 *
 * <p>With the JDK's client: {@code TracePropagation.inject(HttpRequest.newBuilder(uri))} inside the scope, or
 * {@code span.injectHeaders(builder::setHeader)} with any scope at hand.
 */
public final class TracePropagation {
  private TracePropagation() {}

  /**
   * Returns an OkHttp interceptor that adds {@code traceparent} and {@code baggage} to each request made inside a
   * scope. The scope is the request's tag of type {@link EventScope} when it has one
   * ({@code new Request.Builder().tag(EventScope.class, span)}), else the {@linkplain EventScope#current() current
   * scope} of the thread running the interceptor; a request with neither passes unchanged. Register it with
   * {@code addInterceptor}: for a synchronous {@code execute()} that is the calling thread, so the current scope
   * applies. For {@code enqueue()} OkHttp runs interceptors on its own threads, where no scope is current: tag those
   * requests. An existing {@code traceparent} is replaced; the members of an existing {@code baggage} header that are
   * not HoneyHive's are kept.
   *
   * @return the interceptor; stateless, share it between clients
   */
  public static Interceptor okHttpInterceptor() {
    return PropagatingInterceptor.INSTANCE;
  }

  /**
   * Sets {@code traceparent} and {@code baggage} on {@code request} for the {@linkplain EventScope#current() current
   * scope} of the calling thread, replacing headers of those names; with no current scope, leaves it unchanged. To
   * inject a scope that is not current: {@code scope.injectHeaders(request::setHeader)}.
   *
   * @param request the request being built
   * @return {@code request}
   * @throws NullPointerException if {@code request} is null
   */
  public static HttpRequest.Builder inject(HttpRequest.Builder request) {
    Checks.notNull("request", request);
    EventScope scope = CurrentScope.get();
    if (scope != null) {
      scope.injectHeaders(request::setHeader);
    }
    return request;
  }

  private static final class PropagatingInterceptor implements Interceptor {
    static final PropagatingInterceptor INSTANCE = new PropagatingInterceptor();

    @Override
    public Response intercept(Chain chain) throws java.io.IOException {
      Request request = chain.request();
      EventScope scope = request.tag(EventScope.class);
      if (scope == null) {
        scope = CurrentScope.get();
      }
      if (scope == null) {
        return chain.proceed(request);
      }
      Request.Builder traced = request.newBuilder();
      String existingBaggage = String.join(",", request.headers(TraceHeaders.BAGGAGE));
      scope.injectHeaders((name, value) -> traced.header(name,
          name.equals(TraceHeaders.BAGGAGE) ? TraceHeaders.mergeBaggage(value, existingBaggage) : value));
      return chain.proceed(traced.build());
    }

    @Override
    public String toString() {
      return "TracePropagation.okHttpInterceptor()";
    }
  }
}
