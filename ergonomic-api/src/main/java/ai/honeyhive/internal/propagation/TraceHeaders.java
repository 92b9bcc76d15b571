package ai.honeyhive.internal.propagation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HoneyHive side of trace context, as the API uses it: writes {@code traceparent} and {@code baggage} for a scope,
 * into whatever holds a request's headers, and reads the trace an incoming request continues from its headers, in
 * whatever form they come. The formats are their own classes': {@link Traceparent}, {@link HoneyHiveBaggage} (on
 * {@link BaggageCodec}), and {@link ContextReader} for what is read and in which order. Reading never throws; what it
 * could not use is logged at debug level (logger {@code ai.honeyhive.propagation}).
 */
public final class TraceHeaders {
  /** The logger of trace propagation, {@code ai.honeyhive.propagation}. */
  public static final Logger log = LoggerFactory.getLogger("ai.honeyhive.propagation");

  public static final String TRACEPARENT = Traceparent.HEADER;
  public static final String BAGGAGE = HoneyHiveBaggage.HEADER;

  private TraceHeaders() {}

  /** Calls {@code setter} with {@code traceparent} (when it can be formed) and {@code baggage} for {@code scope}. */
  public static void inject(TraceContext scope, BiConsumer<String, String> setter) {
    String traceparent = Traceparent.format(scope.sessionId(), scope.parentEventId());
    if (traceparent != null) {
      setter.accept(TRACEPARENT, traceparent);
    }
    setter.accept(BAGGAGE, HoneyHiveBaggage.write(scope));
  }

  /**
   * Puts the headers of {@code scope} into {@code headers}, replacing an entry of the same name in any letter case,
   * and keeping the members of an existing {@code baggage} entry that are not HoneyHive's.
   */
  public static void inject(TraceContext scope, Map<String, String> headers) {
    inject(scope, (name, value) -> {
      String key = name;
      for (String existing : new ArrayList<>(headers.keySet())) {
        if (existing != null && existing.equalsIgnoreCase(name)) {
          key = existing;
          break;
        }
      }
      String merged = name.equals(BAGGAGE) ? mergeBaggage(value, headers.get(key)) : value;
      headers.put(key, merged);
    });
  }

  /**
   * Returns {@code ours} followed by the members of {@code existing} (one or more baggage header values, comma
   * separated; may be null) whose keys are not HoneyHive's: a member from another system survives, a stale HoneyHive
   * member is replaced.
   */
  public static String mergeBaggage(String ours, String existing) {
    return HoneyHiveBaggage.merge(ours, existing);
  }

  /** Returns what makes {@code value} an invalid W3C traceparent, or null when it is valid. */
  public static String traceparentProblem(String value) {
    return Traceparent.problem(value);
  }

  /** Reads a map of headers: values may be strings or collections (or arrays) of strings; names in any case. */
  public static IncomingTrace extract(Map<String, ?> headers) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    if (headers == null) {
      log.debug("continuing a trace from no headers (null)");
    } else {
      for (Map.Entry<String, ?> entry : headers.entrySet()) {
        String name = entry.getKey() == null ? null : entry.getKey().strip().toLowerCase(Locale.ROOT);
        if (name != null && ContextReader.HEADER_NAMES.contains(name)) {
          addValues(name, entry.getValue(), byName.computeIfAbsent(name, key -> new ArrayList<>()));
        }
      }
    }
    return ContextReader.read(name -> byName.getOrDefault(name, List.of()));
  }

  /** Reads headers through a getter that returns a header's value (several joined with commas) or null. */
  public static IncomingTrace extractWith(Function<String, String> getter) {
    return ContextReader.read(name -> {
      String value = getter.apply(name);
      return value == null ? List.of() : List.of(value);
    });
  }

  private static void addValues(String name, Object value, List<String> into) {
    if (value == null) {
      return;
    }
    if (value instanceof CharSequence) {
      into.add(value.toString());
    } else if (value instanceof Collection<?>) {
      for (Object element : (Collection<?>) value) {
        addValues(name, element, into);
      }
    } else if (value instanceof Object[]) {
      for (Object element : (Object[]) value) {
        addValues(name, element, into);
      }
    } else {
      log.debug("ignoring header {}: its value is a {}, not a string or a collection of strings", name,
          value.getClass().getName());
    }
  }
}
