package ai.honeyhive.internal.propagation;

import ai.honeyhive.internal.wire.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HoneyHive side of trace context: writes {@code traceparent} and {@code baggage} for a scope, and reads the
 * session, parent, project, source and session name back from incoming headers in every form HoneyHive's SDKs use
 * (the W3C Baggage format itself is {@link BaggageCodec}'s). Reading never throws; what it could not use is logged at
 * debug level (logger {@code ai.honeyhive.propagation}).
 *
 * <p>Written:
 * <pre>
 * traceparent: 00-{session id, 32 hex digits}-{last 16 hex digits of the parent event id}-01
 * baggage: session_id={uuid},parent_id={uuid},honeyhive_parent_id={uuid},source={text},project={text},
 *          session_name={text}
 * </pre>
 * The parent under both keys: HoneyHive's Python SDK reads {@code parent_id}, earlier versions of this client read only
 * {@code honeyhive_parent_id}. Both only when the parent is not the session itself; {@code source}, {@code project}
 * and {@code session_name} only when known; values percent-encoded as W3C Baggage requires.
 *
 * <p>Read, when two keys of one field disagree: the first usable one in the order of the key lists below wins. For
 * the parent, {@code honeyhive_parent_id} wins over {@code parent_id}: an earlier version of this client in the middle
 * of a call chain writes a fresh {@code honeyhive_parent_id} but forwards the {@code parent_id} it received untouched,
 * as a member of another system.
 */
public final class TraceHeaders {
  public static final Logger log = LoggerFactory.getLogger("ai.honeyhive.propagation");

  public static final String TRACEPARENT = "traceparent";
  public static final String BAGGAGE = "baggage";

  public static final String SESSION_KEY = "session_id";
  /** The parent key HoneyHive's Python SDK reads. */
  public static final String PARENT_KEY = "parent_id";
  /** The parent key earlier versions of this client read (they ignore {@link #PARENT_KEY}). */
  public static final String LEGACY_PARENT_KEY = "honeyhive_parent_id";
  public static final String SOURCE_KEY = "source";
  public static final String PROJECT_KEY = "project";
  public static final String SESSION_NAME_KEY = "session_name";

  /** Baggage keys, in the order they are tried; matched exactly, as W3C Baggage keys are case-sensitive. */
  public static final List<String> SESSION_KEYS = List.of("session_id", "honeyhive_session_id", "honeyhive.session_id");
  public static final List<String> PARENT_KEYS = List.of("honeyhive_parent_id", "honeyhive.parent_id", "parent_id");
  public static final List<String> PROJECT_KEYS = List.of("project", "honeyhive_project", "honeyhive.project");
  public static final List<String> SOURCE_KEYS = List.of("source", "honeyhive_source", "honeyhive.source");
  public static final List<String> SESSION_NAME_KEYS = List.of("session_name");

  /**
   * Plain header names (compared in lower case): the baggage keys, plus hyphenated forms of the prefixed ones, since
   * proxies such as nginx drop header names that contain an underscore by default.
   */
  public static final List<String> SESSION_HEADERS = headerNames(SESSION_KEYS, "honeyhive-session-id");
  public static final List<String> PARENT_HEADERS = headerNames(PARENT_KEYS, "honeyhive-parent-id");
  public static final List<String> PROJECT_HEADERS = headerNames(PROJECT_KEYS, "honeyhive-project");
  public static final List<String> SOURCE_HEADERS = headerNames(SOURCE_KEYS, "honeyhive-source");
  public static final List<String> SESSION_NAME_HEADERS = headerNames(SESSION_NAME_KEYS, "honeyhive-session-name");

  private static final List<String> OWN_BAGGAGE_KEYS =
      concat(SESSION_KEYS, PARENT_KEYS, PROJECT_KEYS, SOURCE_KEYS, SESSION_NAME_KEYS);
  /** Every header name extraction reads, in lower case. */
  public static final List<String> READ_HEADERS =
      concat(List.of(TRACEPARENT, BAGGAGE), SESSION_HEADERS, PARENT_HEADERS, PROJECT_HEADERS, SOURCE_HEADERS,
          SESSION_NAME_HEADERS);

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final UUID NIL = new UUID(0, 0);

  private TraceHeaders() {}

  // ---- Writing ---------------------------------------------------------------------------------------------------

  /** Calls {@code setter} with {@code traceparent} (when it can be formed) and {@code baggage} for {@code scope}. */
  public static void inject(TraceContext scope, BiConsumer<String, String> setter) {
    String traceparent = traceparent(scope.sessionId(), scope.parentEventId());
    if (traceparent != null) {
      setter.accept(TRACEPARENT, traceparent);
    }
    setter.accept(BAGGAGE, baggage(scope));
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

  /** Returns the traceparent for a session and parent, or null when either id is all zeros (W3C forbids that). */
  public static String traceparent(UUID sessionId, UUID parentEventId) {
    long spanId = parentEventId.getLeastSignificantBits();
    if (sessionId.equals(NIL) || spanId == 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(55).append("00-").append(hex(sessionId)).append('-');
    hex(spanId, out);
    return out.append("-01").toString();
  }

  public static String baggage(TraceContext scope) {
    StringBuilder out = new StringBuilder(SESSION_KEY).append('=').append(scope.sessionId());
    UUID parent = scope.parentEventId();
    if (!parent.equals(scope.sessionId())) {
      out.append(',').append(PARENT_KEY).append('=').append(parent);
      out.append(',').append(LEGACY_PARENT_KEY).append('=').append(parent);
    }
    appendText(out, SOURCE_KEY, scope.source());
    appendText(out, PROJECT_KEY, scope.project());
    appendText(out, SESSION_NAME_KEY, scope.sessionName());
    return out.toString();
  }

  private static void appendText(StringBuilder out, String key, String value) {
    if (value != null) {
      out.append(',').append(key).append('=').append(BaggageCodec.encode(value));
    }
  }

  /**
   * Returns {@code ours} followed by the members of {@code existing} (one or more baggage header values, comma
   * separated; may be null) whose keys are not HoneyHive's: a member from another system survives, a stale HoneyHive
   * member is replaced.
   */
  public static String mergeBaggage(String ours, String existing) {
    return BaggageCodec.merge(ours, existing, OWN_BAGGAGE_KEYS);
  }

  /** Returns the 32 hex digits of {@code id}. */
  public static String hex(UUID id) {
    StringBuilder out = new StringBuilder(32);
    hex(id.getMostSignificantBits(), out);
    hex(id.getLeastSignificantBits(), out);
    return out.toString();
  }

  private static void hex(long value, StringBuilder out) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      out.append(HEX[(int) (value >>> shift) & 0xf]);
    }
  }

  // ---- Reading ---------------------------------------------------------------------------------------------------

  /**
   * What arrived: each field null when absent or unusable. {@code parentId} is null when the parent is the session.
   */
  public static final class Extracted {
    public final UUID sessionId;
    public final UUID parentId;
    public final String project;
    public final String source;
    public final String sessionName;

    public Extracted(UUID sessionId, UUID parentId, String project, String source, String sessionName) {
      this.sessionId = sessionId;
      this.parentId = parentId;
      this.project = project;
      this.source = source;
      this.sessionName = sessionName;
    }
  }

  /** Reads a map of headers: values may be strings or collections (or arrays) of strings; names in any case. */
  public static Extracted extract(Map<String, ?> headers) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    if (headers == null) {
      log.debug("continuing a trace from no headers (null)");
    } else {
      for (Map.Entry<String, ?> entry : headers.entrySet()) {
        String name = entry.getKey() == null ? null : entry.getKey().strip().toLowerCase(Locale.ROOT);
        if (name != null && READ_HEADERS.contains(name)) {
          addValues(name, entry.getValue(), byName.computeIfAbsent(name, key -> new ArrayList<>()));
        }
      }
    }
    return extract(name -> byName.getOrDefault(name, List.of()));
  }

  /** Reads headers through a getter that returns a header's value (several joined with commas) or null. */
  public static Extracted extractWith(Function<String, String> getter) {
    return extract(name -> {
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

  private static Extracted extract(Function<String, List<String>> header) {
    Map<String, List<String>> baggage = BaggageCodec.parse(header.apply(BAGGAGE));
    UUID sessionId = firstUuid("session id", SESSION_KEYS, SESSION_HEADERS, baggage, header);
    UUID parentId = firstUuid("parent id", PARENT_KEYS, PARENT_HEADERS, baggage, header);
    String project = firstText(PROJECT_KEYS, PROJECT_HEADERS, baggage, header);
    String source = firstText(SOURCE_KEYS, SOURCE_HEADERS, baggage, header);
    String sessionName = firstText(SESSION_NAME_KEYS, SESSION_NAME_HEADERS, baggage, header);
    if (parentId != null) {
      logDisagreement(parentId, baggage.getOrDefault(PARENT_KEY, List.of()));
    }
    checkTraceparent(header.apply(TRACEPARENT), sessionId, parentId);
    if (sessionId == null) {
      if (parentId != null) {
        log.debug("ignoring parent id {}: no usable session id came with it", parentId);
      }
      return new Extracted(null, null, project, source, sessionName);
    }
    if (sessionId.equals(parentId)) {
      parentId = null; // The session itself: events become its top-level steps.
    }
    return new Extracted(sessionId, parentId, project, source, sessionName);
  }

  /** Logs (debug) a {@code parent_id} member that names another parent than the one chosen. */
  private static void logDisagreement(UUID chosen, List<String> plainParentValues) {
    for (String value : plainParentValues) {
      if (!value.strip().equalsIgnoreCase(chosen.toString())) {
        log.debug("baggage member {}='{}' disagrees with parent {}, read from a HoneyHive key that takes precedence"
            + " (an earlier client in the chain forwarded a stale {}?)", PARENT_KEY,
            BaggageCodec.abbreviate(value.strip()), chosen, PARENT_KEY);
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

  /**
   * Checks the incoming traceparent against W3C Trace Context and logs (debug) what is wrong with it or how it
   * differs from the baggage. The baggage is authoritative: a proxy or an OpenTelemetry agent between the services
   * may restart or re-parent the trace, and the trace context alone cannot carry HoneyHive's UUIDs.
   */
  private static void checkTraceparent(List<String> values, UUID sessionId, UUID parentId) {
    if (values.isEmpty()) {
      return;
    }
    if (values.size() > 1) {
      log.debug("ignoring traceparent: {} headers arrived, W3C allows one", values.size());
      return;
    }
    String value = values.get(0).strip();
    String problem = traceparentProblem(value);
    if (problem != null) {
      log.debug("ignoring traceparent '{}': {}", BaggageCodec.abbreviate(value), problem);
      return;
    }
    if (sessionId != null && !value.regionMatches(3, hex(sessionId), 0, 32)) {
      log.debug("traceparent's trace id is not session {} (another tracer or a proxy started this trace); "
          + "using the baggage", sessionId);
    } else if (parentId != null && !value.regionMatches(36, hex(parentId), 16, 16)) {
      log.debug("traceparent's parent id does not end parent event {} (a proxy re-parented the request?); "
          + "using the baggage", parentId);
    }
  }

  /** Returns what makes {@code value} an invalid W3C traceparent, or null when it is valid. */
  public static String traceparentProblem(String value) {
    if (value.length() < 55) {
      return "too short";
    }
    if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
      return "expected version-traceid-parentid-flags";
    }
    String version = value.substring(0, 2);
    if (!isLowerHex(version) || version.equals("ff")) {
      return "invalid version";
    }
    if (version.equals("00") ? value.length() != 55 : value.length() > 55 && value.charAt(55) != '-') {
      return "unexpected data after the flags";
    }
    String traceId = value.substring(3, 35);
    if (!isLowerHex(traceId) || traceId.chars().allMatch(c -> c == '0')) {
      return "invalid trace id";
    }
    String spanId = value.substring(36, 52);
    if (!isLowerHex(spanId) || spanId.chars().allMatch(c -> c == '0')) {
      return "invalid parent id";
    }
    if (!isLowerHex(value.substring(53, 55))) {
      return "invalid flags";
    }
    return null;
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static List<String> headerNames(List<String> keys, String hyphenated) {
    List<String> names = new ArrayList<>(keys);
    names.add(hyphenated);
    return List.copyOf(names);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
