package ai.honeyhive;

/**
 * Hears how an experiment advances: once after each datapoint ends (succeeded or failed), from the thread that ran
 * it; calls may come from several threads at once, but never two for the same count. A listener that throws is
 * logged and ignored: it never fails the experiment.
 */
@FunctionalInterface
public interface ExperimentListener {
  /**
   * Called after a datapoint ended.
   *
   * @param progress the counts so far
   */
  void onProgress(ExperimentProgress progress);
}
