package ai.honeyhive.internal.delivery;

import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.errors.HoneyHiveException;
import com.squareup.moshi.JsonAdapter;
import java.util.Collection;
import java.util.Map;

/**
 * Describes why one event could not be written as JSON, naming the field path of the value that failed (such as
 * {@code inputs.user}) when it can be found: a value that passed the call-site check but throws while it is encoded,
 * such as a record whose accessor throws. Used once a batch that failed to encode was split down to the event alone.
 */
public final class EncodeFailure {
  private static final JsonAdapter<Object> OBJECTS = HoneyHiveJson.moshi().adapter(Object.class);

  private EncodeFailure() {}

  /**
   * Returns the failure to report for {@code event}, which could not be encoded because of {@code cause}. Encodes
   * its free-form values one by one to find the failing one, except after an {@link OutOfMemoryError}, which the
   * second attempt would likely repeat.
   */
  public static HoneyHiveException of(Event event, Throwable cause) {
    String path = null;
    if (!(cause instanceof OutOfMemoryError)) {
      try {
        path = locate(event);
      } catch (OutOfMemoryError e) {
        path = null; // Encoding a value alone ran out of memory too: report the event without a path.
      }
    }
    Throwable root = cause;
    while (root instanceof HoneyHiveException && root.getCause() != null) {
      root = root.getCause(); // Name what the value threw, not the request that carried it.
    }
    // Without a path, the failure may not be the event's (an interceptor of a caller-supplied client, say).
    return new HoneyHiveException("event " + event.getEventId()
        + (path == null ? " could not be sent" : " could not be written as JSON: " + path + " failed") + ": " + root,
        cause);
  }

  /** The path of the first free-form value of {@code event} that fails to encode, or null if none does now. */
  public static String locate(Event event) {
    String[] names = {"inputs", "outputs", "metadata", "config", "metrics", "feedback", "user_properties"};
    Object[] maps = {event.getInputs(), event.getOutputs(), event.getMetadata(), event.getConfig(),
        event.getMetrics(), event.getFeedback(), event.getUserProperties()};
    for (int i = 0; i < names.length; i++) {
      String path = locate(names[i], maps[i], 0);
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  /** The path of the deepest value under {@code path} that fails to encode, or null when {@code value} encodes. */
  private static String locate(String path, Object value, int depth) {
    if (value == null || !fails(value)) {
      return null;
    }
    if (depth < HoneyHiveJson.MAX_NESTING_DEPTH) {
      if (value instanceof Map) {
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          String found = locate(path + "." + entry.getKey(), entry.getValue(), depth + 1);
          if (found != null) {
            return found;
          }
        }
      } else if (value instanceof Collection) {
        int index = 0;
        for (Object element : (Collection<?>) value) {
          String found = locate(path + "[" + index++ + "]", element, depth + 1);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return path;
  }

  private static boolean fails(Object value) {
    try {
      OBJECTS.toJson(value);
      return false;
    } catch (OutOfMemoryError e) {
      throw e; // Not this value's fault alone: let the caller report the event without a path.
    } catch (Throwable t) {
      return true;
    }
  }
}
