package ai.honeyhive;

import java.util.ArrayList;
import java.util.List;

/**
 * Which fields of the rows added to a dataset ({@link Datasets#add}) become each datapoint's {@code inputs}, its
 * {@code ground_truth} and its {@code history}: HoneyHive's {@code mapping}. Immutable; built by chaining:
 *
 * <pre>{@code
 * DatasetMapping mapping = DatasetMapping.inputs("question", "context").groundTruth("answer");
 * }</pre>
 *
 * What HoneyHive does with fields the mapping names nowhere is not documented (the test server keeps them in the
 * datapoint's {@code metadata}): name every field you need.
 */
public final class DatasetMapping {
  private final List<String> inputs;
  private final List<String> groundTruth;
  private final List<String> history;

  private DatasetMapping(List<String> inputs, List<String> groundTruth, List<String> history) {
    this.inputs = inputs;
    this.groundTruth = groundTruth;
    this.history = history;
  }

  /**
   * Returns a mapping whose datapoints take {@code fields} as their inputs.
   *
   * @param fields the names of the row fields; at least one, none blank
   * @return the mapping
   * @throws IllegalArgumentException if no field is given or one is blank
   */
  public static DatasetMapping inputs(String... fields) {
    return new DatasetMapping(names("inputs", fields), List.of(), List.of());
  }

  /**
   * Returns this mapping, its datapoints also taking {@code fields} as their ground truth.
   *
   * @param fields the names of the row fields; at least one, none blank
   * @return a new mapping
   * @throws IllegalArgumentException if no field is given or one is blank
   */
  public DatasetMapping groundTruth(String... fields) {
    return new DatasetMapping(inputs, names("groundTruth", fields), history);
  }

  /**
   * Returns this mapping, its datapoints also taking {@code fields} as their chat history.
   *
   * @param fields the names of the row fields; at least one, none blank
   * @return a new mapping
   * @throws IllegalArgumentException if no field is given or one is blank
   */
  public DatasetMapping history(String... fields) {
    return new DatasetMapping(inputs, groundTruth, names("history", fields));
  }

  /**
   * Returns the fields that become inputs.
   *
   * @return the field names; unmodifiable
   */
  public List<String> inputFields() {
    return inputs;
  }

  /**
   * Returns the fields that become the ground truth.
   *
   * @return the field names; unmodifiable, empty when none
   */
  public List<String> groundTruthFields() {
    return groundTruth;
  }

  /**
   * Returns the fields that become the history.
   *
   * @return the field names; unmodifiable, empty when none
   */
  public List<String> historyFields() {
    return history;
  }

  private static List<String> names(String what, String... fields) {
    Checks.notNull(what, fields);
    if (fields.length == 0) {
      throw new IllegalArgumentException(what + " needs at least one field name");
    }
    List<String> names = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      names.add(Checks.name(what + "[" + i + "]", fields[i]));
    }
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return "DatasetMapping{inputs=" + inputs + ", groundTruth=" + groundTruth + ", history=" + history + "}";
  }
}
