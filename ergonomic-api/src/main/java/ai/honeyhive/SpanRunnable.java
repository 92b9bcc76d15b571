package ai.honeyhive;

/**
 * A block of code to trace, for {@link BaseEventBuilder#run}. Unlike {@link Runnable} it may throw a checked
 * exception, which is recorded and rethrown.
 *
 * @param <E> the exception the body may throw
 */
@FunctionalInterface
public interface SpanRunnable<E extends Throwable> {
  /**
   * Runs the block.
   *
   * @throws E if the block fails
   */
  void run() throws E;
}
