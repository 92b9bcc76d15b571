package ai.honeyhive;

import java.util.List;
import java.util.Map;

/**
 * One case of an experiment's dataset, handed to the {@link ExperimentTask}: its inputs, the expected answer
 * ({@code ground_truth}), an optional chat history and metadata. Immutable; the maps are unmodifiable.
 */
public final class Datapoint {
  private final String id;
  private final int index;
  private final Map<String, Object> inputs;
  private final Map<String, Object> groundTruth;
  private final List<Object> history;
  private final Map<String, Object> metadata;

  Datapoint(String id, int index, Map<String, Object> inputs, Map<String, Object> groundTruth, List<Object> history,
      Map<String, Object> metadata) {
    this.id = id;
    this.index = index;
    this.inputs = inputs;
    this.groundTruth = groundTruth;
    this.history = history;
    this.metadata = metadata;
  }

  /**
   * Returns the datapoint's id: HoneyHive's for a stored dataset; for an in-memory one its own {@code id} or
   * {@code datapoint_id}, else one made from its content and position as HoneyHive's Python SDK makes it
   * ({@code EXT-} and 16 hex digits), the same in every run of the same list.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the datapoint's position in its dataset, from 0.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * Returns the inputs the task works on.
   *
   * @return the inputs; empty when the datapoint has none
   */
  public Map<String, Object> inputs() {
    return inputs;
  }

  /**
   * Returns the expected answer, handed to the evaluators.
   *
   * @return the ground truth; empty when the datapoint has none
   */
  public Map<String, Object> groundTruth() {
    return groundTruth;
  }

  /**
   * Returns the chat history, for tasks that continue a conversation.
   *
   * @return the history; empty when the datapoint has none
   */
  public List<Object> history() {
    return history;
  }

  /**
   * Returns the datapoint's metadata.
   *
   * @return the metadata; empty when the datapoint has none
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "Datapoint{id=" + id + ", index=" + index + ", inputs=" + inputs.keySet() + "}";
  }
}
