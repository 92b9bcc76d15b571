package ai.honeyhive.internal.http;

import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.model.LegacyBatchFailureResponse;
import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.HoneyHiveException;
import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/** Runs one Retrofit call and maps every failure to a {@link HoneyHiveException}. */
public final class Calls {
  private static final Logger log = LoggerFactory.getLogger(Calls.class);
  private static final JsonAdapter<LegacyBatchFailureResponse> PARTIAL_SUCCESS =
      HoneyHiveJson.moshi().adapter(LegacyBatchFailureResponse.class);

  private final ErrorMapper errors;
  /** Calls being executed and their threads, so that {@link #cancelCallsOf} can abandon them at close. */
  private final Map<Call<?>, Thread> inFlight = new ConcurrentHashMap<>();

  public Calls(ErrorMapper errors) {
    this.errors = errors;
  }

  /**
   * Executes {@code call} (retries happen below, in {@link RetryInterceptor}).
   *
   * @param request the request line for messages, such as {@code "POST /v1/events"}
   * @return the decoded body; null for operations without one
   */
  public <T> T execute(String request, Call<T> call) {
    return execute(request, call, true);
  }

  /**
   * Executes a write whose answer carries nothing the caller needs: the status decides. A 2xx whose body cannot be
   * decoded (empty, truncated) still means the server accepted the write, so it is not reported as a failure; doing so
   * would invite the caller to send the event again.
   */
  public void send(String request, Call<?> call) {
    execute(request, call, false);
  }

  /**
   * Executes a write whose answer the caller reads if it can: returns the decoded body, or null when a 2xx body could
   * not be decoded (the write was accepted all the same, as for {@link #send}).
   */
  public <T> T sendReading(String request, Call<T> call) {
    return execute(request, call, false);
  }

  /**
   * Executes a legacy batch: returns null when every event was stored, or the body of a partial success (HTTP 500
   * listing the {@code event_ids} that were stored); any other failure is thrown like {@link #send}'s.
   */
  public LegacyBatchFailureResponse sendBatch(String request, Call<?> call) {
    Response<?> response = exchange(request, call, false);
    if (response == null || response.isSuccessful()) {
      return null;
    }
    ResponseBody errorBody = response.errorBody();
    String text = "";
    MediaType type = null;
    if (errorBody != null) {
      type = errorBody.contentType();
      try (errorBody) {
        text = errorBody.string();
      } catch (IOException e) {
        text = "";
      }
    }
    if (response.code() == 500) {
      LegacyBatchFailureResponse partial = parsePartialSuccess(text);
      if (partial != null) {
        return partial;
      }
    }
    throw errors.toException(request, response.code(), response.headers(), ResponseBody.create(text, type));
  }

  /** Returns the body of a partial success: a JSON object with an {@code event_ids} array; else null. */
  public static LegacyBatchFailureResponse parsePartialSuccess(String text) {
    if (!text.trim().startsWith("{")) {
      return null;
    }
    try {
      LegacyBatchFailureResponse partial = PARTIAL_SUCCESS.fromJson(text);
      return partial != null && partial.getEventIds() != null ? partial : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Cancels the calls {@code thread} is executing (the exporter's, when the close deadline passed); each then fails
   * with a {@link HoneyHiveConnectionException}. Calls of other threads go on.
   */
  public void cancelCallsOf(Thread thread) {
    inFlight.forEach((call, owner) -> {
      if (owner == thread) {
        call.cancel();
      }
    });
  }

  private <T> T execute(String request, Call<T> call, boolean bodyRequired) {
    Response<T> response = exchange(request, call, bodyRequired);
    if (response == null) {
      return null;
    }
    if (response.isSuccessful()) {
      return response.body();
    }
    throw errors.toException(request, response.code(), response.headers(), response.errorBody());
  }

  /**
   * Executes {@code call}, mapping failures to reach the server to exceptions; returns the response whatever its
   * status, or null for an accepted write whose body could not be read.
   */
  private <T> Response<T> exchange(String request, Call<T> call, boolean bodyRequired) {
    Response<T> response;
    inFlight.put(call, Thread.currentThread());
    try {
      response = call.execute();
    } catch (RetryInterceptor.AttemptsExhaustedException e) {
      IOException last = e.last();
      if (last instanceof SameOriginRedirects.CrossOriginRedirectException) {
        throw new HoneyHiveException(request + " failed: " + last.getMessage(), last);
      }
      String retries = e.retries == 0 ? "" : " after " + e.retries + (e.retries == 1 ? " retry" : " retries");
      throw new HoneyHiveConnectionException(
          request + " failed" + retries + ": " + last, last, isTimeout(last));
    } catch (DecodeFailureMarkingFactory.UndecodableResponseException e) {
      if (!bodyRequired) {
        log.debug("{} was accepted; its response body could not be read: {}", request, e.getMessage());
        return null;
      }
      throw new HoneyHiveException(request + " succeeded but its response could not be read: " + e.getMessage(),
          e.getCause());
    } catch (InterruptedIOException e) {
      throw new HoneyHiveConnectionException(request + " was interrupted or timed out: " + e, e, true);
    } catch (IOException e) {
      // Failed before the request reached the network: an interceptor of a caller-supplied client, for example.
      throw new HoneyHiveConnectionException(request + " could not be sent: " + e, e, false);
    } catch (RuntimeException e) {
      throw new HoneyHiveException(request + " could not be sent: " + e, e);
    } finally {
      inFlight.remove(call);
    }
    return response;
  }

  private static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
  }
}
