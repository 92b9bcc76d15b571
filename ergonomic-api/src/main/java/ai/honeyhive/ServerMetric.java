package ai.honeyhive;

import java.util.Locale;

/**
 * The definition of a metric HoneyHive computes on its servers (an evaluator of ingested events and experiment
 * sessions): Python code or an LLM prompt, what it returns, whether it needs ground truth. Immutable: each setter
 * returns a new definition. Create it with {@link Metrics#create}, version and deploy it, or try it on an event with
 * {@link Metrics#tryOn} first.
 *
 * <pre>{@code
 * ServerMetric length = ServerMetric.python("answer_length",
 *         "def metric(event):\n    return len(event['outputs']['answer'])")
 *     .returnType("float").description("characters in the answer");
 * }</pre>
 */
public final class ServerMetric {
  private final String name;
  private final String type;
  private final String criteria;
  private final String description;
  private final String returnType;
  private final boolean needsGroundTruth;
  private final String modelProvider;
  private final String modelName;

  private ServerMetric(String name, String type, String criteria, String description, String returnType,
      boolean needsGroundTruth, String modelProvider, String modelName) {
    this.name = name;
    this.type = type;
    this.criteria = criteria;
    this.description = description;
    this.returnType = returnType;
    this.needsGroundTruth = needsGroundTruth;
    this.modelProvider = modelProvider;
    this.modelName = modelName;
  }

  /**
   * A metric computed by Python code, HoneyHive's {@code PYTHON} type. Returns a float unless set otherwise.
   *
   * @param name the metric's name; not blank
   * @param code the code, as HoneyHive's editor takes it; not blank
   * @return the definition
   * @throws IllegalArgumentException if an argument is blank
   */
  public static ServerMetric python(String name, String code) {
    return new ServerMetric(Checks.name("name", name), "PYTHON", Checks.name("code", code), null, "float", false,
        null, null);
  }

  /**
   * A metric computed by a language model from a prompt, HoneyHive's {@code LLM} type.
   *
   * @param name the metric's name; not blank
   * @param prompt the evaluation prompt; not blank
   * @param provider the model's provider, such as {@code "openai"}; not blank
   * @param model the model, such as {@code "gpt-4o"}; not blank
   * @return the definition
   * @throws IllegalArgumentException if an argument is blank
   */
  public static ServerMetric llm(String name, String prompt, String provider, String model) {
    return new ServerMetric(Checks.name("name", name), "LLM", Checks.name("prompt", prompt), null, "float", false,
        Checks.name("provider", provider), Checks.name("model", model));
  }

  /**
   * Returns this definition with a description.
   *
   * @param description what the metric measures; not blank
   * @return a new definition
   * @throws IllegalArgumentException if {@code description} is blank
   */
  public ServerMetric description(String description) {
    return new ServerMetric(name, type, criteria, Checks.name("description", description), returnType,
        needsGroundTruth, modelProvider, modelName);
  }

  /**
   * Returns this definition with another return type. Default {@code float}.
   *
   * @param returnType {@code float}, {@code boolean}, {@code string} or {@code categorical}
   * @return a new definition
   * @throws IllegalArgumentException if {@code returnType} is none of those
   */
  public ServerMetric returnType(String returnType) {
    String type = Checks.name("returnType", returnType).toLowerCase(Locale.ROOT);
    if (!type.equals("float") && !type.equals("boolean") && !type.equals("string") && !type.equals("categorical")) {
      throw new IllegalArgumentException("returnType must be float, boolean, string or categorical, but was '"
          + returnType + "'");
    }
    return new ServerMetric(name, this.type, criteria, description, type, needsGroundTruth, modelProvider, modelName);
  }

  /**
   * Returns this definition needing the event's ground truth ({@code feedback.ground_truth}), or not. Default false.
   *
   * @param needsGroundTruth whether the metric reads the ground truth
   * @return a new definition
   */
  public ServerMetric needsGroundTruth(boolean needsGroundTruth) {
    return new ServerMetric(name, type, criteria, description, returnType, needsGroundTruth, modelProvider, modelName);
  }

  /**
   * Returns the metric's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  String type() {
    return type;
  }

  String criteria() {
    return criteria;
  }

  String descriptionText() {
    return description;
  }

  String returnTypeName() {
    return returnType;
  }

  boolean needsGroundTruthFlag() {
    return needsGroundTruth;
  }

  String modelProvider() {
    return modelProvider;
  }

  String modelName() {
    return modelName;
  }

  @Override
  public String toString() {
    return "ServerMetric{" + type + " '" + name + "', returns " + returnType + "}";
  }
}
