package ai.honeyhive;

import java.util.List;

/**
 * A dataset stored in HoneyHive, as read when it was returned: its id, name, description and the ids of its
 * datapoints. Immutable; read it again ({@link Datasets#get}) to see later changes.
 */
public final class Dataset {
  private final String id;
  private final String name;
  private final String description;
  private final List<String> datapointIds;

  Dataset(String id, String name, String description, List<String> datapointIds) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.datapointIds = List.copyOf(datapointIds);
  }

  /**
   * Returns the dataset's id: an opaque string (HoneyHive's are 24 hex digits today).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the dataset's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the dataset's description.
   *
   * @return the description, or null when it has none
   */
  public String description() {
    return description;
  }

  /**
   * Returns the ids of the dataset's datapoints, in HoneyHive's order.
   *
   * @return the ids; unmodifiable
   */
  public List<String> datapointIds() {
    return datapointIds;
  }

  @Override
  public String toString() {
    return "Dataset{id=" + id + ", name=" + name + ", datapoints=" + datapointIds.size() + "}";
  }
}
