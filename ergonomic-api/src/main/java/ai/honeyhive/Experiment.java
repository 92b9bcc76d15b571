package ai.honeyhive;

import ai.honeyhive.internal.experiment.ExternalIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An experiment being set up: a dataset, a task run on each datapoint, evaluators scoring each output; {@link #run()}
 * runs it as a HoneyHive run, the way HoneyHive's own SDKs do, so HoneyHive shows its results, summary and comparisons
 * with other runs. Created by {@link HoneyHive#experiment(String)}:
 *
 * <pre>{@code
 * ExperimentResult result = hh.experiment("nightly-rag")
 *     .dataset(List.of(Map.of("inputs", Map.of("question", "What is 2+2?"), "ground_truth", Map.of("answer", "4"))))
 *     .task(datapoint -> Map.of("answer", rag.answer((String) datapoint.inputs().get("question"))))
 *     .evaluator("exact", (output, inputs, truth) -> ((Map<?, ?>) output).get("answer").equals(truth.get("answer")))
 *     .concurrency(8)
 *     .run();
 * }</pre>
 *
 * <h2>The run protocol</h2>
 * {@link #run()} creates the run ({@code POST /v1/runs}, status {@code pending}); for each datapoint it starts a session
 * named after the run, source {@code evaluation}, whose metadata links it to the run ({@code run_id},
 * {@code dataset_id}, {@code datapoint_id}); runs the task in a chain span named after {@link #taskName} (default
 * {@code "task"}) with the same metadata, made the current scope so the task's own spans nest under it; puts the
 * evaluators' metrics on that chain event; updates the session with the outputs and {@code feedback.ground_truth};
 * flushes the client; and finishes the run ({@code PUT /v1/runs/{run_id}}) naming every session in
 * {@code event_ids}, with the status {@code completed}, {@code failed} (a datapoint failed) or {@code cancelled};
 * then reads HoneyHive's summary of the run ({@link ExperimentResult#summary()}).
 *
 * <p>Not thread-safe while being set up; {@link #run()} may be called more than once, each call a new run.
 */
public final class Experiment {
  private final HoneyHive client;
  private final RunApi runs;
  private final String name;
  private List<Map<String, ?>> datapoints;
  /** A stored dataset, instead of {@link #datapoints}; null for an in-memory one. */
  private Dataset stored;
  private final Datasets datasets;
  private ExperimentTask task;
  private String taskName = "task";
  private final Map<String, Evaluator> evaluators = new LinkedHashMap<>();
  private int concurrency = 10;
  private Duration deadline;
  private String runId;
  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private ExperimentListener listener;
  private Boolean progressLine;

  Experiment(HoneyHive client, RunApi runs, Datasets datasets, String name) {
    this.client = client;
    this.runs = runs;
    this.datasets = datasets;
    this.name = name;
  }

  /**
   * Uses an in-memory dataset: each map one datapoint, with the keys {@code inputs}, {@code ground_truth} (maps),
   * {@code history} (a list), {@code metadata} (a map), all optional, and optionally its own {@code id} or
   * {@code datapoint_id}. The dataset gets the id HoneyHive's Python SDK gives the same list ({@code EXT-} and 16 hex
   * digits of a hash of its JSON), and so does each datapoint without an id of its own, so runs over the same list
   * compare datapoint by datapoint, from Java or from Python.
   *
   * @param datapoints the datapoints, at least one; the list is copied
   * @return this experiment
   * @throws NullPointerException if {@code datapoints} or one of them is null
   * @throws IllegalArgumentException if {@code datapoints} is empty, or a datapoint's {@code inputs},
   *     {@code ground_truth} or {@code metadata} is not a map or its {@code history} not a list (naming its index)
   */
  public Experiment dataset(List<? extends Map<String, ?>> datapoints) {
    Checks.notNull("datapoints", datapoints);
    if (datapoints.isEmpty()) {
      throw new IllegalArgumentException("datapoints must hold at least one datapoint");
    }
    List<Map<String, ?>> copy = new ArrayList<>(datapoints.size());
    for (int i = 0; i < datapoints.size(); i++) {
      copy.add(ExperimentData.checked(i, datapoints.get(i)));
    }
    this.datapoints = copy;
    this.stored = null;
    return this;
  }

  /**
   * Uses a dataset stored in HoneyHive ({@link Datasets}): its datapoints are read when {@link #run()} starts, and the
   * run names the dataset ({@code dataset_id}), so HoneyHive links the run to it.
   *
   * @param dataset the dataset, with at least one datapoint
   * @return this experiment
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if the dataset has no datapoints
   */
  public Experiment dataset(Dataset dataset) {
    Checks.notNull("dataset", dataset);
    if (dataset.datapointIds().isEmpty()) {
      throw new IllegalArgumentException("dataset " + dataset.id() + " has no datapoints");
    }
    this.stored = dataset;
    this.datapoints = null;
    return this;
  }

  /**
   * Sets the code to evaluate, run once per datapoint.
   *
   * @param task the task
   * @return this experiment
   * @throws NullPointerException if {@code task} is null
   */
  public Experiment task(ExperimentTask task) {
    this.task = Checks.notNull("task", task);
    return this;
  }

  /**
   * Names the chain event the task runs in. Default {@code "task"}.
   *
   * @param taskName the name; not blank
   * @return this experiment
   * @throws IllegalArgumentException if {@code taskName} is blank
   */
  public Experiment taskName(String taskName) {
    this.taskName = Checks.name("taskName", taskName);
    return this;
  }

  /**
   * Adds a client-side evaluator, run on each output after the task, in the order added.
   *
   * @param name the metric's name (see {@link Evaluator} for the names a map result gives); not blank, and not the
   *     name of an evaluator added before
   * @param evaluator the evaluator
   * @return this experiment
   * @throws IllegalArgumentException if {@code name} is blank or taken
   * @throws NullPointerException if {@code evaluator} is null
   */
  public Experiment evaluator(String name, Evaluator evaluator) {
    Checks.name("name", name);
    Checks.notNull("evaluator", evaluator);
    if (evaluators.putIfAbsent(name, evaluator) != null) {
      throw new IllegalArgumentException("an evaluator named '" + name + "' was added already");
    }
    return this;
  }

  /**
   * Sets how many datapoints run at once. Default 10, as HoneyHive's Python SDK.
   *
   * @param concurrency 1 to 256
   * @return this experiment
   * @throws IllegalArgumentException if {@code concurrency} is out of range
   */
  public Experiment concurrency(int concurrency) {
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("concurrency must be between 1 and 256, but was " + concurrency);
    }
    this.concurrency = concurrency;
    return this;
  }

  /**
   * Sets the longest the datapoints may take, from the run's creation. Past it, datapoints not started are not run
   * (their results say so) and the run finishes as {@code cancelled}; datapoints running are interrupted and recorded
   * as they end. Default: none.
   *
   * @param deadline a positive duration
   * @return this experiment
   * @throws IllegalArgumentException if {@code deadline} is zero or negative
   */
  public Experiment deadline(Duration deadline) {
    Checks.notNull("deadline", deadline);
    if (deadline.isZero() || deadline.isNegative()) {
      throw new IllegalArgumentException("deadline must be positive, but was " + deadline);
    }
    this.deadline = deadline;
    return this;
  }

  /**
   * Uses {@code runId} for the run instead of a random UUID.
   *
   * @param runId the id; HoneyHive's run routes take UUIDs in their paths
   * @return this experiment
   * @throws IllegalArgumentException if {@code runId} is not a UUID
   */
  public Experiment runId(String runId) {
    this.runId = ai.honeyhive.internal.wire.Ids.parse("runId", runId).toString();
    return this;
  }

  /**
   * Adds metadata to the run, such as the prompt version or the commit.
   *
   * @param metadata the entries to add (later values win); values must be writable as JSON
   * @return this experiment
   * @throws NullPointerException if {@code metadata} is null
   */
  public Experiment metadata(Map<String, ?> metadata) {
    this.metadata.putAll(Checks.notNull("metadata", metadata));
    return this;
  }

  /**
   * Sets the listener told after each datapoint. Default: none.
   *
   * @param listener the listener
   * @return this experiment
   * @throws NullPointerException if {@code listener} is null
   */
  public Experiment listener(ExperimentListener listener) {
    this.listener = Checks.notNull("listener", listener);
    return this;
  }

  /**
   * Whether to print a progress line on standard error, rewritten after each datapoint. Default: only when the JVM has
   * a console ({@link System#console()}), so CI logs and redirected output stay clean.
   *
   * @param print true to print it, false never to
   * @return this experiment
   */
  public Experiment progressLine(boolean print) {
    this.progressLine = print;
    return this;
  }

  /**
   * Runs the experiment as described on {@link Experiment}, blocking until every datapoint ended (or the deadline),
   * the client was flushed and the run finished.
   *
   * @return the run's result
   * @throws IllegalStateException if no dataset or task was set, or a stored dataset's datapoints are gone
   * @throws ai.honeyhive.errors.HoneyHiveException if the run cannot be created (nothing ran) or finished (the
   *     datapoints ran and their sessions were sent)
   */
  public ExperimentResult run() {
    if ((datapoints == null && stored == null) || task == null) {
      throw new IllegalStateException("an experiment needs a dataset and a task: call dataset(...) and task(...)");
    }
    String datasetId = stored != null ? stored.id() : ExternalIds.datasetId(datapoints);
    List<Datapoint> cases = stored != null ? datasets.datapoints(stored).toList()
        : ExperimentData.datapoints(datapoints);
    if (cases.isEmpty()) {
      throw new IllegalStateException("dataset " + datasetId + " has no datapoints left: nothing to run");
    }
    String id = runId != null ? runId : UUID.randomUUID().toString();
    Map<String, Object> runMetadata = new LinkedHashMap<>(metadata);
    Map<String, Object> configuration = Map.of("function", taskName, "evaluators", List.copyOf(evaluators.keySet()),
        "max_workers", concurrency);
    String created = runs.create(id, name, stored != null ? datasetId : null,
        cases.stream().map(Datapoint::id).toList(), configuration, withOffline(runMetadata, datasetId));
    ExperimentRunner runner = new ExperimentRunner(client, created, name, datasetId, taskName, task,
        Map.copyOf(evaluators));
    boolean print = progressLine != null ? progressLine : System.console() != null;
    ExperimentPool.Outcome outcome = new ExperimentPool(concurrency, deadline, listener, print)
        .runAll(cases, runner::run);
    client.flush(Duration.ofSeconds(30));
    String status = outcome.cancelled() ? "cancelled"
        : outcome.results().stream().allMatch(DatapointResult::succeeded) ? "completed" : "failed";
    List<String> sessions = outcome.results().stream().map(DatapointResult::sessionId)
        .filter(session -> session != null).toList();
    runs.finish(created, name, status, sessions, withOffline(runMetadata, datasetId));
    return new ExperimentResult(created, name, datasetId, status, outcome.results(), outcome.duration(),
        runs.summary(created));
  }

  /** The run's metadata; for an in-memory dataset with its {@code EXT-} id as {@code offline_dataset_id}. */
  private Map<String, Object> withOffline(Map<String, Object> metadata, String datasetId) {
    Map<String, Object> copy = new LinkedHashMap<>(metadata);
    if (stored == null) {
      copy.put("offline_dataset_id", datasetId);
    }
    return copy;
  }

  @Override
  public String toString() {
    return "Experiment{name=" + name + ", datapoints=" + (datapoints == null ? 0 : datapoints.size())
        + ", evaluators=" + evaluators.keySet() + ", concurrency=" + concurrency + "}";
  }
}
