package ai.honeyhive;

/**
 * A block of code to trace that is handed its open span and returns a value, for
 * {@link EventBuilder#call(SpanFunction)} and {@link ModelEventBuilder#call(SpanFunction)}. The body records on the
 * span what it learns while it runs, such as a model's token usage, without a cast: a model event's body gets a
 * {@link ModelSpan}. Like {@link SpanCallable} it declares only the exception its body throws.
 *
 * @param <S> the span's type: {@link Span}, or {@link ModelSpan} for a model event
 * @param <T> the result type
 * @param <E> the exception the body may throw
 */
@FunctionalInterface
public interface SpanFunction<S extends Span, T, E extends Throwable> {
  /**
   * Runs the block in {@code span} and returns its result.
   *
   * @param span the open span timing the block; the block need not close it
   * @return the block's result
   * @throws E if the block fails
   */
  T apply(S span) throws E;
}
