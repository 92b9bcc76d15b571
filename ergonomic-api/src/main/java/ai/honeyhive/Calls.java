package ai.honeyhive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/** Runs one Retrofit call and maps every failure to a {@link HoneyHiveException}. */
final class Calls {
  private static final Logger log = LoggerFactory.getLogger(Calls.class);

  private final ErrorMapper errors;

  Calls(ErrorMapper errors) {
    this.errors = errors;
  }

  /**
   * Executes {@code call} (retries happen below, in {@link RetryInterceptor}).
   *
   * @param request the request line for messages, such as {@code "POST /v1/events"}
   * @return the decoded body; null for operations without one
   */
  <T> T execute(String request, Call<T> call) {
    return execute(request, call, true);
  }

  /**
   * Executes a write whose answer carries nothing the caller needs: the status decides. A 2xx whose body cannot be
   * decoded (empty, truncated) still means the server accepted the write, so it is not reported as a failure; doing so
   * would invite the caller to send the event again.
   */
  void send(String request, Call<?> call) {
    execute(request, call, false);
  }

  private <T> T execute(String request, Call<T> call, boolean bodyRequired) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (RetryInterceptor.AttemptsExhaustedException e) {
      IOException last = e.last();
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
    }
    if (response.isSuccessful()) {
      return response.body();
    }
    throw errors.toException(request, response.code(), response.headers(), response.errorBody());
  }

  private static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
  }
}
