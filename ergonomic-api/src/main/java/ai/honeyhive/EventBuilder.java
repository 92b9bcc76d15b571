package ai.honeyhive;

import java.util.Map;
import java.util.function.Function;

/**
 * Builds a tool or chain event; see {@link BaseEventBuilder}. Created by {@link EventScope#tool} and
 * {@link EventScope#chain}. Besides the {@code call} and {@code run} of every builder, its own overloads hand the body
 * the open {@link Span}, to enrich it or nest events under it while the body runs:
 *
 * <pre>{@code
 * Answer answer = session.chain("answer").inputs(Map.of("question", q)).call(chain -> {
 *   List<Doc> docs = chain.tool("vector-search").call(() -> index.search(q));
 *   chain.metadata(Map.of("docs", docs.size()));
 *   return llm.answer(q, docs);
 * }, a -> Map.of("answer", a.text()));
 * }</pre>
 */
public final class EventBuilder extends BaseEventBuilder<EventBuilder> {
  EventBuilder(Client client, EventScope parent, EventType type, String name) {
    super(client, parent, type, name);
  }

  /**
   * Runs {@code body} inside a span, handing it the span, and returns its result; otherwise like
   * {@link #call(SpanCallable)}: an exception is recorded and rethrown, the span is sent when the body ends, and it
   * is the thread's current scope while the body runs.
   *
   * @param <T> the body's result type
   * @param <E> the exception the body may throw
   * @param body the code to time, given the open span
   * @return what {@code body} returned
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public <T, E extends Throwable> T call(SpanFunction<? super Span, T, E> body) throws E {
    Checks.notNull("body", body);
    return runIn(start(), body, null);
  }

  /**
   * Like {@link #call(SpanFunction)}, and records what {@code outputs} makes of the result in the event's
   * {@code outputs}; see {@link #call(SpanCallable, Function)} for when it is called and what happens if it fails.
   *
   * @param <T> the body's result type
   * @param <E> the exception the body may throw
   * @param body the code to time, given the open span
   * @param outputs makes the entries to record from the result, such as {@code r -> Map.of("answer", r)}
   * @return what {@code body} returned
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} or {@code outputs} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public <T, E extends Throwable> T call(SpanFunction<? super Span, T, E> body,
      Function<? super T, ? extends Map<String, ?>> outputs) throws E {
    Checks.notNull("body", body);
    Checks.notNull("outputs", outputs);
    return runIn(start(), body, outputs);
  }

  /**
   * Like {@link #call(SpanFunction)}, for a block without a result.
   *
   * @param <E> the exception the body may throw
   * @param body the code to time, given the open span
   * @throws E whatever {@code body} throws, after recording it in the span
   * @throws NullPointerException if {@code body} is null, before anything runs
   * @throws IllegalStateException in a {@link SessionImport}, before {@code body} runs (see {@link #start()})
   */
  public <E extends Throwable> void run(SpanConsumer<? super Span, E> body) throws E {
    Checks.notNull("body", body);
    runIn(start(), span -> {
      body.accept(span);
      return null;
    }, null);
  }
}
