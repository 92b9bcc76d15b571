package ai.honeyhive;

import java.util.List;
import java.util.Map;

/** The two calls an experiment makes on HoneyHive's runs: create one, finish it. Thread-safe. */
interface RunApi {
  /**
   * Creates the run, status {@code pending}, and returns its id as the server answered it (which wins over the one
   * sent).
   *
   * @param datasetId a stored dataset's id, or null for an in-memory dataset (its {@code EXT-} id goes in
   *     {@code metadata.offline_dataset_id}, as HoneyHive's backend wants)
   */
  String create(String runId, String name, String datasetId, List<String> datapointIds,
      Map<String, Object> configuration, Map<String, Object> metadata);

  /** Finishes the run with {@code status}, naming its sessions in {@code event_ids}. */
  void finish(String runId, String name, String status, List<String> sessionIds, Map<String, Object> metadata);

  /** HoneyHive's summary of the run, averaged; null when it cannot be read (never throws). */
  RunSummary summary(String runId);
}
