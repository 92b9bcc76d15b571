package ai.honeyhive;

/**
 * The code an experiment evaluates, run once per datapoint inside a chain span that is the current scope, so the
 * spans and model events it logs ({@link CurrentSpan}, or on {@link EventScope#current()}) nest under it.
 */
@FunctionalInterface
public interface ExperimentTask {
  /**
   * Runs the task on one datapoint.
   *
   * @param datapoint the case to work on
   * @return the output: a map becomes the session's and the chain event's {@code outputs}; any other value is stored
   *     as {@code {"output": value}}; null stores none
   * @throws Exception anything: the datapoint is then failed, with the exception's class and message as its error, and
   *     the experiment goes on
   */
  Object run(Datapoint datapoint) throws Exception;
}
