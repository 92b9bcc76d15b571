package ai.honeyhive;

import ai.honeyhive.internal.wire.JsonValues;
import java.util.Map;
import java.util.Optional;

/**
 * Enriches the span that is current on this thread, from code that was not handed it: a helper deep in the call
 * stack, a library, an interceptor. The counterpart of {@code enrich_span(...)} in HoneyHive's Python SDK.
 *
 * <pre>{@code
 * session.chain("answer").call(() -> answer(question));
 *
 * Answer answer(String question) {            // knows nothing of HoneyHive's types
 *   List<Doc> docs = index.search(question);
 *   CurrentSpan.metadata(Map.of("docs", docs.size()));
 *   CurrentSpan.metrics(Map.of("top_score", docs.get(0).score()));
 *   return llm.answer(question, docs);
 * }
 * }</pre>
 *
 * <h2>Which span is current</h2>
 * The span whose body runs on this thread: {@code call} and {@code run} of the event builders make their span current
 * while the body runs; {@link EventScope#makeCurrent()} makes any span current until its handle is closed; and the
 * tasks of an executor wrapped by {@link HoneyHiveContext} run in the scope current when they were submitted. A span
 * only {@link BaseEventBuilder#start() started} is not current until made so. When the current scope is not a span
 * (a {@link Session} or a {@link ContinuedTrace} made current) or there is none, no span is current.
 *
 * <h2>When no span is current</h2>
 * Every method here is then a no-op that returns false: code that enriches may run inside a span or not without
 * checking. The arguments are checked either way (null maps, values that cannot be written as JSON), so a bad value
 * fails in a test run without a span as it would in production with one. A span that is current but already closed
 * takes the call and sends nothing more, as {@link Span} documents.
 *
 * <p>The map methods add their entries to what the span holds, later values winning, like every map setter of this
 * client ({@link Span}). Thread-safe: this class holds no state; the current scope is the calling thread's.
 */
public final class CurrentSpan {
  private CurrentSpan() {}

  /**
   * Returns the span current on this thread, for what the other methods do not cover: its id, nesting events under it,
   * or a {@link ModelSpan}'s helpers ({@code CurrentSpan.get().filter(ModelSpan.class::isInstance)}).
   *
   * @return the current span, or empty when no span is current (see the class comment)
   */
  public static Optional<Span> get() {
    return Optional.ofNullable(span());
  }

  /**
   * Adds input data to the current span; see {@link Span#inputs}.
   *
   * @param inputs the entries to add to those set before (later values win); values must be writable as JSON
   * @return true if a span was current to receive them, false if none was (nothing happens then)
   * @throws NullPointerException if {@code inputs} is null or has a null key, span or not
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, span or not
   */
  public static boolean inputs(Map<String, ?> inputs) {
    Span span = checked("inputs", inputs);
    if (span == null) {
      return false;
    }
    span.inputs(inputs);
    return true;
  }

  /**
   * Adds output data to the current span; see {@link Span#outputs}.
   *
   * @param outputs the entries to add to those set before (later values win); values must be writable as JSON
   * @return true if a span was current to receive them, false if none was (nothing happens then)
   * @throws NullPointerException if {@code outputs} is null or has a null key, span or not
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, span or not
   */
  public static boolean outputs(Map<String, ?> outputs) {
    Span span = checked("outputs", outputs);
    if (span == null) {
      return false;
    }
    span.outputs(outputs);
    return true;
  }

  /**
   * Adds configuration to the current span; see {@link Span#config}.
   *
   * @param config the entries to add to those set before (later values win); values must be writable as JSON
   * @return true if a span was current to receive them, false if none was (nothing happens then)
   * @throws NullPointerException if {@code config} is null or has a null key, span or not
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, span or not
   */
  public static boolean config(Map<String, ?> config) {
    Span span = checked("config", config);
    if (span == null) {
      return false;
    }
    span.config(config);
    return true;
  }

  /**
   * Adds metadata to the current span; see {@link Span#metadata}.
   *
   * @param metadata the entries to add to those set before (later values win); values must be writable as JSON
   * @return true if a span was current to receive them, false if none was (nothing happens then)
   * @throws NullPointerException if {@code metadata} is null or has a null key, span or not
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, span or not
   */
  public static boolean metadata(Map<String, ?> metadata) {
    Span span = checked("metadata", metadata);
    if (span == null) {
      return false;
    }
    span.metadata(metadata);
    return true;
  }

  /**
   * Adds metric values to the current span; see {@link Span#metrics}.
   *
   * @param metrics the entries to add to those set before (later values win); values must be writable as JSON
   * @return true if a span was current to receive them, false if none was (nothing happens then)
   * @throws NullPointerException if {@code metrics} is null or has a null key, span or not
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, span or not
   */
  public static boolean metrics(Map<String, ?> metrics) {
    Span span = checked("metrics", metrics);
    if (span == null) {
      return false;
    }
    span.metrics(metrics);
    return true;
  }

  /**
   * Adds feedback to the current span; see {@link Span#feedback}.
   *
   * @param feedback the entries to add to those set before (later values win); values must be writable as JSON
   * @return true if a span was current to receive them, false if none was (nothing happens then)
   * @throws NullPointerException if {@code feedback} is null or has a null key, span or not
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, span or not
   */
  public static boolean feedback(Map<String, ?> feedback) {
    Span span = checked("feedback", feedback);
    if (span == null) {
      return false;
    }
    span.feedback(feedback);
    return true;
  }

  /**
   * Adds end-user properties to the current span; see {@link Span#userProperties}.
   *
   * @param userProperties the entries to add to those set before (later values win); values must be writable as JSON
   * @return true if a span was current to receive them, false if none was (nothing happens then)
   * @throws NullPointerException if {@code userProperties} is null or has a null key, span or not
   * @throws IllegalArgumentException naming the path of a value that cannot be written as JSON, span or not
   */
  public static boolean userProperties(Map<String, ?> userProperties) {
    Span span = checked("userProperties", userProperties);
    if (span == null) {
      return false;
    }
    span.userProperties(userProperties);
    return true;
  }

  /**
   * Marks the current span failed with {@code message}; see {@link Span#error(String)}.
   *
   * @param message a description of the failure
   * @return true if a span was current to receive it, false if none was (nothing happens then)
   * @throws NullPointerException if {@code message} is null, span or not
   */
  public static boolean error(String message) {
    Checks.notNull("error", message);
    Span span = span();
    if (span == null) {
      return false;
    }
    span.error(message);
    return true;
  }

  /**
   * Marks the current span failed with {@code error}'s class and message; see {@link Span#error(Throwable)}.
   *
   * @param error the failure; its stack trace is not recorded
   * @return true if a span was current to receive it, false if none was (nothing happens then)
   * @throws NullPointerException if {@code error} is null, span or not
   */
  public static boolean error(Throwable error) {
    Checks.notNull("error", error);
    Span span = span();
    if (span == null) {
      return false;
    }
    span.error(error);
    return true;
  }

  private static Span span() {
    return CurrentScope.get() instanceof Span span ? span : null;
  }

  /**
   * Returns the current span, or null after checking {@code values} as the span would: with a span current, the span
   * checks them when it takes them.
   */
  private static Span checked(String field, Map<String, ?> values) {
    Span span = span();
    if (span == null) {
      Checks.notNull(field, values);
      for (Map.Entry<String, ?> entry : values.entrySet()) {
        if (entry.getKey() == null) {
          throw new NullPointerException(field + " has a null key");
        }
        JsonValues.check(field, entry.getKey(), entry.getValue());
      }
    }
    return span;
  }
}
