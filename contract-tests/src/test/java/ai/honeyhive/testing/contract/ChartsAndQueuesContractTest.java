package ai.honeyhive.testing.contract;

import static ai.honeyhive.testing.contract.MetricsContractTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.client.api.ChartsApi;
import ai.honeyhive.client.api.QueuesApi;
import ai.honeyhive.client.model.Chart;
import ai.honeyhive.client.model.ChartBucketing;
import ai.honeyhive.client.model.ChartQueryFilter;
import ai.honeyhive.client.model.ChartRelativeDateRange;
import ai.honeyhive.client.model.CreateChartRequest;
import ai.honeyhive.client.model.CreateQueueRequest;
import ai.honeyhive.client.model.EventFilter;
import ai.honeyhive.client.model.FilterOperator;
import ai.honeyhive.client.model.FilterValueType;
import ai.honeyhive.client.model.Queue;
import ai.honeyhive.client.model.QueueFilters;
import ai.honeyhive.client.model.QueueResponse;
import ai.honeyhive.client.model.QueueScopeType;
import ai.honeyhive.client.model.UpdateChartRequest;
import ai.honeyhive.client.model.UpdateQueueRequest;
import ai.honeyhive.testing.HoneyHiveTestServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import retrofit2.Response;

/** The generated client on the chart and annotation queue routes, through {@code hh.raw().retrofit()}. */
@ExtendWith(ai.honeyhive.testing.HoneyHiveTestServerExtension.class)
class ChartsAndQueuesContractTest implements ContractTest {
  @Test
  void aChartIsStoredWithItsDefaultsReadUpdatedAndDeleted(HoneyHive hh) throws IOException {
    ChartsApi charts = hh.raw().retrofit().create(ChartsApi.class);

    Chart created = ok(charts.createChart(new CreateChartRequest().name("Relevance per day")
        .metric("answer_relevance").func("avg").dateRange(new ChartRelativeDateRange().relative("7d"))
        .query(List.of(new ChartQueryFilter().field("source").operator("is").value("production")
            .type("string"))))).getData();
    String other = ok(charts.createChart(new CreateChartRequest().name("Cost").metric("cost"))).getData().getId();

    assertThat(created.getId()).hasSize(24);
    assertThat(created.getBucketing()).as("default").isEqualTo("day");
    assertThat(created.getDateRange()).isEqualTo(Map.of("relative", "7d"));
    assertThat(created.getGroupBy()).isNull();
    assertThat(created.getIsActive()).isTrue();
    assertThat(created.getUpdatedAt()).isNull();
    assertThat(created.getQuery()).singleElement().extracting(ChartQueryFilter::getValue).isEqualTo("production");
    assertThat(ok(charts.getCharts()).getData()).extracting(Chart::getId).containsExactly(created.getId(), other);

    Chart updated = ok(charts.updateChart(created.getId(), new UpdateChartRequest().bucketing(ChartBucketing.HOUR)
        .dateRange(Map.of("$gte", "2024-11-21T00:00:00Z", "$lte", 1732233600000L)))).getData();
    assertThat(updated.getBucketing()).isEqualTo("hour");
    assertThat(updated.getDateRange()).containsEntry("$gte", "2024-11-21T00:00:00Z");
    assertThat(updated.getName()).as("not sent, kept").isEqualTo("Relevance per day");
    assertThat(updated.getUpdatedAt()).isNotNull();
    assertThat(ok(charts.getChart(created.getId())).getData().getBucketing()).isEqualTo("hour");

    assertThat(ok(charts.deleteChart(created.getId())).getSuccess()).isTrue();
    assertThat(charts.getChart(created.getId()).execute().code()).isEqualTo(404);
    assertThat(charts.deleteChart(created.getId()).execute().code()).isEqualTo(404);
    assertThat(ok(charts.getCharts()).getData()).extracting(Chart::getId).containsExactly(other);
  }

  @Test
  void aQueueIsCreatedWith201AndItsDefaults(HoneyHive hh, HoneyHiveTestServer server) throws IOException {
    QueuesApi queues = hh.raw().retrofit().create(QueuesApi.class);

    Response<QueueResponse> created = queues.createQueue(new CreateQueueRequest().name("Low-rated answers")
        .eventIds(List.of("432ce9c3-51f2-4e77-9e9f-8c5eb085de62"))).execute();

    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().getMessage()).isNotBlank();
    Queue queue = created.body().getQueue();
    assertThat(queue.getName()).isEqualTo("Low-rated answers");
    assertThat(queue.getDescription()).isEmpty();
    assertThat(queue.getEnabled()).isTrue();
    assertThat(queue.getFilters().getFilterArray()).isEmpty();
    assertThat(queue.getScopeType()).isEqualTo(QueueScopeType.PROJECT);
    assertThat(queue.getIsActive()).isTrue();
    assertThat(ok(queues.getQueue(queue.getId())).getName()).isEqualTo("Low-rated answers");
  }

  @Test
  void queuesAreUpdatedFilteredByEnabledAndSoftDeleted(HoneyHive hh) throws IOException {
    QueuesApi queues = hh.raw().retrofit().create(QueuesApi.class);
    String low = ok(queues.createQueue(new CreateQueueRequest().name("Low-rated").filters(new QueueFilters()
        .filterArray(List.of(new EventFilter().field("feedback.rating").operator(FilterOperator.LESS_THAN)
            .value(3).type(FilterValueType.NUMBER)))))).getQueue().getId();
    String review = ok(queues.createQueue(new CreateQueueRequest().name("Review").description("weekly")))
        .getQueue().getId();

    Queue disabled = ok(queues.updateQueue(review, new UpdateQueueRequest().id(review).enabled(false)
        .addEventIds(List.of("e68c6ecc-18c4-4d40-8a81-3530767df842")))).getQueue();
    assertThat(disabled.getEnabled()).isFalse();
    assertThat(disabled.getDescription()).as("not sent, kept").isEqualTo("weekly");
    assertThat(disabled.getUpdatedAt()).isNotNull();
    assertThat(ok(queues.getQueues(true)).getQueues()).extracting(Queue::getId).containsExactly(low);
    assertThat(ok(queues.getQueues(false)).getQueues()).extracting(Queue::getId).containsExactly(review);
    assertThat(ok(queues.getQueues(null)).getQueues()).extracting(Queue::getId).containsExactly(low, review);
    assertThat(ok(queues.getQueue(low)).getFilters().getFilterArray()).singleElement()
        .extracting(EventFilter::getField).isEqualTo("feedback.rating");

    Response<QueueResponse> otherId = queues.updateQueue(review, new UpdateQueueRequest().id(low).name("x"))
        .execute();
    assertThat(otherId.code()).isEqualTo(400);
    assertThat(otherId.errorBody().string()).contains("id: must be the queue_id of the path");

    assertThat(ok(queues.deleteQueue(low)).getMessage()).isNotBlank();
    assertThat(queues.getQueue(low).execute().code()).isEqualTo(404);
    assertThat(queues.deleteQueue(low).execute().code()).isEqualTo(404);
    assertThat(ok(queues.getQueues(null)).getQueues()).extracting(Queue::getId).containsExactly(review);
  }
}
