package ai.honeyhive;

import ai.honeyhive.internal.experiment.EvaluatorScores;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one datapoint of an experiment as HoneyHive's run protocol wants it: a session linked to the run by
 * {@code metadata.run_id}, {@code dataset_id} and {@code datapoint_id}; the task inside a chain span with the same
 * metadata, made the current scope; the evaluators' metrics on that chain event; then one update of the session with
 * the outputs and {@code feedback.ground_truth}. Never throws: a task or evaluator that throws fails its datapoint.
 */
final class ExperimentRunner {
  private static final Logger log = LoggerFactory.getLogger(Experiment.class);

  private final HoneyHive client;
  private final String runId;
  private final String runName;
  private final String datasetId;
  private final String taskName;
  private final ExperimentTask task;
  private final Map<String, Evaluator> evaluators;

  ExperimentRunner(HoneyHive client, String runId, String runName, String datasetId, String taskName,
      ExperimentTask task, Map<String, Evaluator> evaluators) {
    this.client = client;
    this.runId = runId;
    this.runName = runName;
    this.datasetId = datasetId;
    this.taskName = taskName;
    this.task = task;
    this.evaluators = evaluators;
  }

  DatapointResult run(Datapoint datapoint) {
    long started = System.nanoTime();
    Map<String, Object> link = Map.of("run_id", runId, "dataset_id", datasetId, "datapoint_id", datapoint.id());
    Session session;
    try {
      session = client.session(runName).source("evaluation").inputs(datapoint.inputs()).metadata(link).start();
    } catch (RuntimeException e) { // refused at once (a closed client): the datapoint cannot be traced
      return new DatapointResult(datapoint, null, null, Map.of(), "session start refused: " + e, elapsed(started));
    }
    Object output = null;
    String error = null;
    Map<String, Object> metrics = new LinkedHashMap<>();
    try (Span chain = session.chain(taskName).inputs(datapoint.inputs()).metadata(link).start()) {
      CurrentScope.Entered entered = CurrentScope.enter(chain);
      try {
        output = task.run(datapoint);
      } catch (Exception | Error e) {
        error = EventDraft.describe(e);
        chain.error(e);
      } finally {
        entered.close();
      }
      if (error == null) {
        error = evaluate(output, datapoint, metrics);
        if (!metrics.isEmpty()) {
          chain.metrics(metrics);
        }
      }
      Map<String, Object> outputs = outputs(output);
      if (!outputs.isEmpty()) {
        chain.outputs(outputs);
      }
    } catch (RuntimeException e) { // the outputs or metrics are not JSON: recorded as the datapoint's error
      error = error != null ? error : "could not record the datapoint: " + e.getMessage();
    }
    enrich(session, output, datapoint, elapsed(started));
    return new DatapointResult(datapoint, session.sessionId(), output, Map.copyOf(metrics), error, elapsed(started));
  }

  /** Runs every evaluator; returns the first failure, or null. */
  private String evaluate(Object output, Datapoint datapoint, Map<String, Object> metrics) {
    String failure = null;
    for (Map.Entry<String, Evaluator> evaluator : evaluators.entrySet()) {
      try {
        Object score = evaluator.getValue().evaluate(output, datapoint.inputs(), datapoint.groundTruth());
        metrics.putAll(EvaluatorScores.of(evaluator.getKey(), score));
      } catch (Exception | Error e) {
        failure = failure != null ? failure : "evaluator " + evaluator.getKey() + ": " + EventDraft.describe(e);
      }
    }
    return failure;
  }

  /**
   * One update of the session: its end and duration, its outputs and the datapoint's ground truth as
   * {@code feedback.ground_truth}.
   */
  private void enrich(Session session, Object output, Datapoint datapoint, Duration duration) {
    try {
      EventUpdate update = session.update().endTime(Instant.now()).duration(duration);
      Map<String, Object> outputs = outputs(output);
      if (!outputs.isEmpty()) {
        update.outputs(outputs);
      }
      if (!datapoint.groundTruth().isEmpty()) {
        update.feedback(Map.of("ground_truth", datapoint.groundTruth()));
      }
      update.send();
    } catch (RuntimeException e) {
      log.warn("could not update session {} of datapoint {}: {}", session.sessionId(), datapoint.id(), e.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> outputs(Object output) {
    if (output == null) {
      return Map.of();
    }
    if (output instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    return Map.of("output", output instanceof List<?> || output instanceof Number || output instanceof Boolean
        ? output : output.toString());
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
