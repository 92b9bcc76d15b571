package ai.honeyhive.internal.propagation;

import static ai.honeyhive.internal.propagation.HoneyHiveBaggage.PARENT_KEYS;
import static ai.honeyhive.internal.propagation.HoneyHiveBaggage.PROJECT_KEYS;
import static ai.honeyhive.internal.propagation.HoneyHiveBaggage.SESSION_KEYS;
import static ai.honeyhive.internal.propagation.HoneyHiveBaggage.SESSION_NAME_KEYS;
import static ai.honeyhive.internal.propagation.HoneyHiveBaggage.SOURCE_KEYS;

import ai.honeyhive.internal.wire.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the trace an incoming request continues from its headers, in every form HoneyHive's SDKs write: each field
 * from the first usable value under its baggage keys (in the order of {@link HoneyHiveBaggage}'s key lists), else
 * under its plain header names; the {@code traceparent} is only checked ({@link Traceparent#check}). Never throws:
 * what it could not use is logged at debug level (logger {@code ai.honeyhive.propagation}).
 */
final class ContextReader {
  private static final Logger log = LoggerFactory.getLogger("ai.honeyhive.propagation");
  private static final UUID NIL = new UUID(0, 0);

  /**
   * Plain header names (compared in lower case): the baggage keys, plus hyphenated forms of the prefixed ones, since
   * proxies such as nginx drop header names that contain an underscore by default.
   */
  private static final List<String> SESSION_HEADERS = headerNames(SESSION_KEYS, "honeyhive-session-id");
  private static final List<String> PARENT_HEADERS = headerNames(PARENT_KEYS, "honeyhive-parent-id");
  private static final List<String> PROJECT_HEADERS = headerNames(PROJECT_KEYS, "honeyhive-project");
  private static final List<String> SOURCE_HEADERS = headerNames(SOURCE_KEYS, "honeyhive-source");
  private static final List<String> SESSION_NAME_HEADERS = headerNames(SESSION_NAME_KEYS, "honeyhive-session-name");

  /** Every header name a read looks at, in lower case. */
  static final List<String> HEADER_NAMES = HoneyHiveBaggage.concat(
      List.of(Traceparent.HEADER, HoneyHiveBaggage.HEADER), SESSION_HEADERS, PARENT_HEADERS, PROJECT_HEADERS,
      SOURCE_HEADERS, SESSION_NAME_HEADERS);

  private ContextReader() {}

  /**
   * Reads the headers {@code header} returns: given a name of {@link #HEADER_NAMES}, its values in order of arrival,
   * empty when absent.
   */
  static IncomingTrace read(Function<String, List<String>> header) {
    Map<String, List<String>> baggage = BaggageCodec.parse(header.apply(HoneyHiveBaggage.HEADER));
    UUID sessionId = firstUuid("session id", SESSION_KEYS, SESSION_HEADERS, baggage, header);
    UUID parentId = firstUuid("parent id", PARENT_KEYS, PARENT_HEADERS, baggage, header);
    String project = firstText(PROJECT_KEYS, PROJECT_HEADERS, baggage, header);
    String source = firstText(SOURCE_KEYS, SOURCE_HEADERS, baggage, header);
    String sessionName = firstText(SESSION_NAME_KEYS, SESSION_NAME_HEADERS, baggage, header);
    if (parentId != null) {
      logDisagreement(parentId, baggage.getOrDefault(HoneyHiveBaggage.PARENT_KEY, List.of()));
    }
    Traceparent.check(header.apply(Traceparent.HEADER), sessionId, parentId);
    if (sessionId == null) {
      if (parentId != null) {
        log.debug("ignoring parent id {}: no usable session id came with it", parentId);
      }
      return new IncomingTrace(null, null, project, source, sessionName);
    }
    if (sessionId.equals(parentId)) {
      parentId = null; // The session itself: events become its top-level steps.
    }
    return new IncomingTrace(sessionId, parentId, project, source, sessionName);
  }

  /** Logs (debug) a {@code parent_id} member that names another parent than the one chosen. */
  private static void logDisagreement(UUID chosen, List<String> plainParentValues) {
    for (String value : plainParentValues) {
      if (!value.strip().equalsIgnoreCase(chosen.toString())) {
        log.debug("baggage member {}='{}' disagrees with parent {}, read from a HoneyHive key that takes precedence"
            + " (an earlier client in the chain forwarded a stale {}?)", HoneyHiveBaggage.PARENT_KEY,
            BaggageCodec.abbreviate(value.strip()), chosen, HoneyHiveBaggage.PARENT_KEY);
        return;
      }
    }
  }

  private static UUID firstUuid(String what, List<String> keys, List<String> headerNames,
      Map<String, List<String>> baggage, Function<String, List<String>> header) {
    for (String key : keys) {
      for (String value : baggage.getOrDefault(key, List.of())) {
        UUID id = uuid(what, "baggage member " + key, value);
        if (id != null) {
          return id;
        }
      }
    }
    for (String name : headerNames) {
      for (String value : header.apply(name)) {
        UUID id = uuid(what, "header " + name, value);
        if (id != null) {
          return id;
        }
      }
    }
    return null;
  }

  private static UUID uuid(String what, String where, String value) {
    String trimmed = value.strip();
    UUID id;
    try {
      id = Ids.parse(what, trimmed);
    } catch (IllegalArgumentException e) {
      log.debug("ignoring {}: {} '{}' is not a UUID", where, what, BaggageCodec.abbreviate(trimmed));
      return null;
    }
    if (id.equals(NIL)) {
      log.debug("ignoring {}: {} is the nil UUID", where, what);
      return null;
    }
    return id;
  }

  private static String firstText(List<String> keys, List<String> headerNames, Map<String, List<String>> baggage,
      Function<String, List<String>> header) {
    for (String key : keys) {
      for (String value : baggage.getOrDefault(key, List.of())) {
        if (!value.isBlank()) {
          return value.strip();
        }
      }
    }
    for (String name : headerNames) {
      for (String value : header.apply(name)) {
        if (!value.isBlank()) {
          return value.strip();
        }
      }
    }
    return null;
  }

  private static List<String> headerNames(List<String> keys, String hyphenated) {
    List<String> names = new ArrayList<>(keys);
    names.add(hyphenated);
    return List.copyOf(names);
  }
}
