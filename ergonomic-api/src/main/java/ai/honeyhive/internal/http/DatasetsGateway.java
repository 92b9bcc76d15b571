package ai.honeyhive.internal.http;

import ai.honeyhive.client.api.DatapointsApi;
import ai.honeyhive.client.api.DatasetsApi;
import ai.honeyhive.client.model.AddDatapointsResponse;
import ai.honeyhive.client.model.AddDatapointsToDatasetRequest;
import ai.honeyhive.client.model.CreateDatasetRequest;
import ai.honeyhive.client.model.CreateDatasetResponse;
import ai.honeyhive.client.model.Datapoint;
import ai.honeyhive.client.model.Dataset;
import ai.honeyhive.client.model.GetDatapointsResponse;
import ai.honeyhive.client.model.GetDatasetsResponse;
import ai.honeyhive.client.model.RemoveDatapointResponse;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.List;
import retrofit2.Retrofit;

/**
 * HoneyHive's dataset and datapoint routes, through the same retries and error mapping as every other call. A disabled
 * client's gateway answers every call with a 404 saying so: it holds no datasets.
 */
public final class DatasetsGateway {
  private final DatasetsApi datasets;
  private final DatapointsApi datapoints;
  private final Calls calls;

  private DatasetsGateway(DatasetsApi datasets, DatapointsApi datapoints, Calls calls) {
    this.datasets = datasets;
    this.datapoints = datapoints;
    this.calls = calls;
  }

  /** The gateway of a client that sends. */
  public static DatasetsGateway of(Retrofit retrofit, Calls calls) {
    return new DatasetsGateway(retrofit.create(DatasetsApi.class), retrofit.create(DatapointsApi.class), calls);
  }

  /** The gateway of a disabled client. */
  public static DatasetsGateway disabled() {
    return new DatasetsGateway(null, null, null);
  }

  /** {@code GET /v1/datasets}, filtered by id and name when not null. */
  public List<Dataset> getDatasets(String datasetId, String name) {
    String request = "GET /v1/datasets";
    GetDatasetsResponse found = Answers.required(request,
        calls().execute(request, datasets.getDatasets(datasetId, name)));
    return found.getDatasets() == null ? List.of() : found.getDatasets();
  }

  /** {@code POST /v1/datasets}; returns the new dataset's id. */
  public String createDataset(CreateDatasetRequest dataset) {
    String request = "POST /v1/datasets";
    CreateDatasetResponse created = Answers.required(request,
        calls().execute(request, datasets.createDataset(dataset)));
    if (created.getResult() == null || created.getResult().getInsertedId() == null) {
      throw new HoneyHiveException(request + " succeeded but its response named no dataset id", null);
    }
    return created.getResult().getInsertedId();
  }

  /** {@code DELETE /v1/datasets/{dataset_id}}. */
  public void deleteDataset(String datasetId) {
    calls().send("DELETE /v1/datasets/" + datasetId, datasets.deleteDataset(datasetId));
  }

  /** {@code POST /v1/datasets/{dataset_id}/datapoints}; returns the new datapoints' ids. */
  public List<String> addDatapoints(String datasetId, AddDatapointsToDatasetRequest rows) {
    String request = "POST /v1/datasets/" + datasetId + "/datapoints";
    AddDatapointsResponse added = Answers.required(request,
        calls().execute(request, datasets.addDatapoints(datasetId, rows)));
    return added.getDatapointIds() == null ? List.of() : added.getDatapointIds();
  }

  /** {@code DELETE /v1/datasets/{dataset_id}/datapoints/{datapoint_id}}; returns whether it was in the dataset. */
  public boolean removeDatapoint(String datasetId, String datapointId) {
    String request = "DELETE /v1/datasets/" + datasetId + "/datapoints/" + datapointId;
    RemoveDatapointResponse removed = calls().sendReading(request, datasets.removeDatapoint(datasetId, datapointId));
    return removed == null || !Boolean.FALSE.equals(removed.getDereferenced());
  }

  /** {@code GET /v1/datapoints?datapoint_ids[]=...}. */
  public List<Datapoint> getDatapoints(List<String> datapointIds) {
    String request = "GET /v1/datapoints";
    GetDatapointsResponse found = Answers.required(request,
        calls().execute(request, datapoints.getDatapoints(datapointIds, null)));
    return found.getDatapoints() == null ? List.of() : found.getDatapoints();
  }

  private Calls calls() {
    if (calls == null) {
      throw Answers.disabled("datasets");
    }
    return calls;
  }

}
