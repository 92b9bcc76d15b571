package ai.honeyhive.internal.http;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Wraps the JSON converter so that a failure to decode a response body is told apart from every other failure of a
 * call: {@link Calls} may forgive the first for writes (the server's status already said it accepted them), never the
 * others (a request that was never sent is not accepted).
 */
public final class DecodeFailureMarkingFactory extends Converter.Factory {
  private final Converter.Factory delegate;

  public DecodeFailureMarkingFactory(Converter.Factory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> converter = delegate.responseBodyConverter(type, annotations, retrofit);
    if (converter == null) {
      return null;
    }
    return body -> {
      try {
        return converter.convert(body);
      } catch (IOException | RuntimeException e) {
        throw new UndecodableResponseException(e);
      }
    };
  }

  @Override
  public Converter<?, okhttp3.RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    return delegate.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  /** A 2xx response arrived, but its body is not what the spec promised. */
  public static final class UndecodableResponseException extends IOException {
    private static final long serialVersionUID = 1L;

    public UndecodableResponseException(Exception cause) {
      super(cause.toString(), cause);
    }
  }
}
