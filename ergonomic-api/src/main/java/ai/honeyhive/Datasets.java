package ai.honeyhive;

import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.model.AddDatapointsToDatasetRequest;
import ai.honeyhive.client.model.CreateDatasetRequest;
import ai.honeyhive.internal.http.DatasetsGateway;
import com.squareup.moshi.JsonAdapter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * HoneyHive's datasets: create, find, list and delete them, add rows to them with a {@link DatasetMapping}, remove
 * datapoints, and page through a dataset's datapoints. Returned by {@link HoneyHive#datasets()}. Thread-safe; every
 * call is made on the calling thread, one request each except {@link #datapoints}, which reads pages as the stream is
 * consumed. Failures are thrown as {@link ai.honeyhive.errors.HoneyHiveException}s (a dataset HoneyHive does not have:
 * {@link ai.honeyhive.errors.NotFoundException}), in every delivery mode: these are not traces.
 */
public final class Datasets {
  /** How many datapoint ids one page asks for: HoneyHive's Python SDK splits longer lists at 100. */
  static final int PAGE = 100;
  private static final JsonAdapter<Object> ANY = HoneyHiveJson.moshi().adapter(Object.class);

  private final DatasetsGateway gateway;

  Datasets(DatasetsGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Creates an empty dataset.
   *
   * @param name the dataset's name, at most 200 characters
   * @param description what the dataset is for, or null
   * @return the dataset
   * @throws IllegalArgumentException if {@code name} is blank or longer than 200 characters
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public Dataset create(String name, String description) {
    Checks.name("name", name);
    if (name.length() > 200) {
      throw new IllegalArgumentException("name must be at most 200 characters, but has " + name.length());
    }
    CreateDatasetRequest request = new CreateDatasetRequest().name(name);
    if (description != null) {
      request.description(description);
    }
    return new Dataset(gateway.createDataset(request), name, description, List.of());
  }

  /**
   * Returns the dataset {@code datasetId}.
   *
   * @param datasetId the dataset's id
   * @return the dataset, or empty when HoneyHive has none with this id
   * @throws IllegalArgumentException if {@code datasetId} is blank
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public Optional<Dataset> get(String datasetId) {
    Checks.name("datasetId", datasetId);
    return gateway.getDatasets(datasetId, null).stream().filter(dataset -> datasetId.equals(dataset.getId()))
        .findFirst().map(Datasets::dataset);
  }

  /**
   * Returns the first dataset named exactly {@code name}.
   *
   * @param name the name
   * @return the dataset, or empty when none has this name
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public Optional<Dataset> find(String name) {
    Checks.name("name", name);
    return gateway.getDatasets(null, name).stream().filter(dataset -> name.equals(dataset.getName()))
        .findFirst().map(Datasets::dataset);
  }

  /**
   * Returns every dataset of the project.
   *
   * @return the datasets
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public List<Dataset> list() {
    return gateway.getDatasets(null, null).stream().map(Datasets::dataset).toList();
  }

  /**
   * Deletes the dataset {@code datasetId}. Its datapoints are not deleted.
   *
   * @param datasetId the dataset's id
   * @throws IllegalArgumentException if {@code datasetId} is blank
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public void delete(String datasetId) {
    gateway.deleteDataset(Checks.name("datasetId", datasetId));
  }

  /**
   * Adds one datapoint per row to the dataset {@code datasetId}, {@code mapping} saying which fields become the
   * inputs, ground truth and history.
   *
   * @param datasetId the dataset's id
   * @param rows the rows, at least one: maps with string keys, or Java objects written as JSON the way Moshi writes
   *     them (a public record by its components, a public class by its fields)
   * @param mapping which fields go where
   * @return the new datapoints' ids, in the rows' order
   * @throws IllegalArgumentException if {@code rows} is empty, or a row cannot be written as a JSON object (naming
   *     its index)
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public List<String> add(String datasetId, List<?> rows, DatasetMapping mapping) {
    Checks.name("datasetId", datasetId);
    Checks.notNull("rows", rows);
    Checks.notNull("mapping", mapping);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("rows must hold at least one row");
    }
    List<Map<String, Object>> data = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      data.add(row(i, rows.get(i)));
    }
    ai.honeyhive.client.model.DatapointMapping wire = new ai.honeyhive.client.model.DatapointMapping()
        .inputs(new ArrayList<>(mapping.inputFields()))
        .groundTruth(new ArrayList<>(mapping.groundTruthFields()))
        .history(new ArrayList<>(mapping.historyFields()));
    return gateway.addDatapoints(datasetId, new AddDatapointsToDatasetRequest().data(data).mapping(wire));
  }

  /**
   * Removes the datapoint {@code datapointId} from the dataset {@code datasetId}; the datapoint itself is kept.
   *
   * @param datasetId the dataset's id
   * @param datapointId the datapoint's id
   * @return true when it was in the dataset; false when it was not (so a retry is harmless)
   * @throws IllegalArgumentException if an id is blank
   * @throws ai.honeyhive.errors.HoneyHiveException if the call fails after its retries
   */
  public boolean remove(String datasetId, String datapointId) {
    return gateway.removeDatapoint(Checks.name("datasetId", datasetId), Checks.name("datapointId", datapointId));
  }

  /**
   * Returns the datapoints of {@code dataset}, in its order, read lazily {@value #PAGE} at a time as the stream is
   * consumed. Datapoints deleted since {@code dataset} was read are skipped.
   *
   * @param dataset the dataset
   * @return the datapoints; a page that fails throws its {@link ai.honeyhive.errors.HoneyHiveException} from the
   *     stream's terminal operation
   * @throws NullPointerException if {@code dataset} is null
   */
  public Stream<Datapoint> datapoints(Dataset dataset) {
    Checks.notNull("dataset", dataset);
    Iterator<Datapoint> pages = new DatapointPages(gateway, dataset.datapointIds());
    return StreamSupport.stream(Spliterators.spliterator(pages, dataset.datapointIds().size(),
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> row(int index, Object row) {
    Checks.notNull("rows[" + index + "]", row);
    Object value;
    try {
      value = row instanceof Map ? row : ANY.toJsonValue(row);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("rows[" + index + "] (" + row.getClass().getName()
          + ") cannot be written as JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("rows[" + index + "] must be written as a JSON object, but "
          + row.getClass().getName() + " is written as " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    return (Map<String, Object>) value;
  }

  private static Dataset dataset(ai.honeyhive.client.model.Dataset dataset) {
    return new Dataset(dataset.getId(), dataset.getName(), dataset.getDescription(),
        dataset.getDatapoints() == null ? List.of() : dataset.getDatapoints());
  }

  @Override
  public String toString() {
    return "Datasets{}";
  }

  /** Reads a dataset's datapoints a page at a time. Not thread-safe: one per stream. */
  private static final class DatapointPages implements Iterator<Datapoint> {
    private final DatasetsGateway gateway;
    private final List<String> ids;
    private int nextPage;
    private int index;
    private Iterator<ai.honeyhive.client.model.Datapoint> page = java.util.Collections.emptyIterator();

    DatapointPages(DatasetsGateway gateway, List<String> ids) {
      this.gateway = gateway;
      this.ids = ids;
    }

    @Override
    public boolean hasNext() {
      while (!page.hasNext() && nextPage < ids.size()) {
        List<String> wanted = ids.subList(nextPage, Math.min(ids.size(), nextPage + PAGE));
        nextPage += wanted.size();
        page = gateway.getDatapoints(wanted).iterator();
      }
      return page.hasNext();
    }

    @Override
    public Datapoint next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ExperimentData.of(page.next(), index++);
    }
  }
}
