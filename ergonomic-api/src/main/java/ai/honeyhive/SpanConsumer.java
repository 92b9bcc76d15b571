package ai.honeyhive;

/**
 * A block of code to trace that is handed its open span and returns nothing, for
 * {@link EventBuilder#run(SpanConsumer)} and {@link ModelEventBuilder#run(SpanConsumer)}. Like {@link SpanRunnable} it
 * may throw a checked exception, which is recorded and rethrown.
 *
 * @param <S> the span's type: {@link Span}, or {@link ModelSpan} for a model event
 * @param <E> the exception the body may throw
 */
@FunctionalInterface
public interface SpanConsumer<S extends Span, E extends Throwable> {
  /**
   * Runs the block in {@code span}.
   *
   * @param span the open span timing the block; the block need not close it
   * @throws E if the block fails
   */
  void accept(S span) throws E;
}
