package ai.honeyhive;

/**
 * A block of code to trace that returns a value, for {@link BaseEventBuilder#call}. Unlike
 * {@link java.util.concurrent.Callable} it declares only the exception its body throws, so a lambda that throws no
 * checked exception needs no {@code try}.
 *
 * @param <T> the result type
 * @param <E> the exception the body may throw
 */
@FunctionalInterface
public interface SpanCallable<T, E extends Throwable> {
  /**
   * Runs the block and returns its result.
   *
   * @return the block's result
   * @throws E if the block fails
   */
  T call() throws E;
}
