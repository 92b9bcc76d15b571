package ai.honeyhive;

import java.util.Map;

/**
 * Scores one datapoint's output on the client. Its result becomes metrics of the datapoint's chain event, by the rules
 * of HoneyHive's Python SDK: a number, boolean or string is the metric named after the evaluator; a one-element list
 * is its element; a map gives the evaluator's name from its {@code score}, {@code <name>_explanation} from its
 * {@code explanation}, and {@code <name>_<key>} for each other number, boolean or string; anything else gives no
 * metric.
 */
@FunctionalInterface
public interface Evaluator {
  /**
   * Scores an output.
   *
   * @param output what the task returned (not wrapped: a map, a string, ...), or null
   * @param inputs the datapoint's inputs
   * @param groundTruth the datapoint's ground truth; empty when it has none
   * @return the score, as described on {@link Evaluator}
   * @throws Exception anything: the datapoint is then failed (its other evaluators still run) and the experiment goes on
   */
  Object evaluate(Object output, Map<String, Object> inputs, Map<String, Object> groundTruth) throws Exception;
}
