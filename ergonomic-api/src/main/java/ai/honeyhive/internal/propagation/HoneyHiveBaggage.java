package ai.honeyhive.internal.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * HoneyHive's members of the W3C {@code baggage} header: the keys each field is written under and read from, writing
 * the members for a scope, and merging them into a header that already carries members of other systems. The format
 * itself is {@link BaggageCodec}'s.
 *
 * <p>Written:
 * <pre>
 * baggage: session_id={uuid},parent_id={uuid},honeyhive_parent_id={uuid},source={text},project={text},
 *          session_name={text}
 * </pre>
 * The parent under both keys: HoneyHive's Python SDK reads {@code parent_id}, earlier versions of this client read only
 * {@code honeyhive_parent_id}. Both only when the parent is not the session itself; {@code source}, {@code project}
 * and {@code session_name} only when known; values percent-encoded as W3C Baggage requires.
 */
final class HoneyHiveBaggage {
  /** The header's name. */
  static final String HEADER = "baggage";
  static final String SESSION_KEY = "session_id";
  /** The parent key HoneyHive's Python SDK reads. */
  static final String PARENT_KEY = "parent_id";
  /** The parent key earlier versions of this client read (they ignore {@link #PARENT_KEY}). */
  static final String LEGACY_PARENT_KEY = "honeyhive_parent_id";
  static final String SOURCE_KEY = "source";
  static final String PROJECT_KEY = "project";
  static final String SESSION_NAME_KEY = "session_name";

  /**
   * The keys each field is read from, in the order they are tried; matched exactly, as W3C Baggage keys are
   * case-sensitive. For the parent, {@code honeyhive_parent_id} wins over {@code parent_id}: an earlier version of this
   * client in the middle of a call chain writes a fresh {@code honeyhive_parent_id} but forwards the {@code parent_id}
   * it received untouched, as a member of another system.
   */
  static final List<String> SESSION_KEYS = List.of("session_id", "honeyhive_session_id", "honeyhive.session_id");
  static final List<String> PARENT_KEYS = List.of("honeyhive_parent_id", "honeyhive.parent_id", "parent_id");
  static final List<String> PROJECT_KEYS = List.of("project", "honeyhive_project", "honeyhive.project");
  static final List<String> SOURCE_KEYS = List.of("source", "honeyhive_source", "honeyhive.source");
  static final List<String> SESSION_NAME_KEYS = List.of("session_name");

  /** Every key that is HoneyHive's: a member under one of them in an existing header is replaced, not kept. */
  private static final List<String> OWN_KEYS =
      concat(SESSION_KEYS, PARENT_KEYS, PROJECT_KEYS, SOURCE_KEYS, SESSION_NAME_KEYS);

  private HoneyHiveBaggage() {}

  /** Returns the baggage header value for {@code scope}. */
  static String write(TraceContext scope) {
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

  /**
   * Returns {@code ours} followed by the members of {@code existing} (one or more baggage header values, comma
   * separated; may be null) whose keys are not HoneyHive's: a member from another system survives, a stale HoneyHive
   * member is replaced.
   */
  static String merge(String ours, String existing) {
    return BaggageCodec.merge(ours, existing, OWN_KEYS);
  }

  private static void appendText(StringBuilder out, String key, String value) {
    if (value != null) {
      out.append(',').append(key).append('=').append(BaggageCodec.encode(value));
    }
  }

  @SafeVarargs
  static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
