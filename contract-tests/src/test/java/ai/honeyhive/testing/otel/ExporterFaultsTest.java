package ai.honeyhive.testing.otel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.DeliveryReport;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.opentelemetry.HoneyHiveSpanExporter;
import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.FaultSchedule;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordingListener;
import ai.honeyhive.testing.ServerFault;
import ai.honeyhive.testing.StoredEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exporter inherits the client's delivery guarantees: under a server that fails half of the requests (one retry
 * each), every span ends exactly once as sent or failed (reported to the listener), the report's counts add up, a
 * span reported failed was not stored and every other one was stored once.
 */
class ExporterFaultsTest {
  private static final int TRACES = 10;
  private static final int SPANS_PER_TRACE = 20;

  @ParameterizedTest
  @ValueSource(ints = {503, 429})
  void everySpanEndsExactlyOnceAndTheReportAddsUp(int status) {
    ServerFault fault = status == 429 ? ServerFault.rateLimited(Duration.ofSeconds(1)) : ServerFault.serverError(503);
    FaultPlan plan = FaultPlan.builder(fault).schedule(FaultSchedule.random(0.5, status))
        .operations("createSession", "createEventBatch", "createSessionEventBatch").build();
    RecordingListener listener = new RecordingListener();
    Set<String> failed = listener.failed;
    Set<String> dropped = listener.dropped;
    List<String> eventIds = new ArrayList<>();
    DeliveryReport report;
    try (HoneyHiveTestServer server = HoneyHiveTestServer.builder().faults(plan).start()) {
      try (HoneyHive hh = server.clientBuilder().shutdownHook(false).maxBatchSize(25).maxRetries(1)
          .sleeper(duration -> { })
          .deliveryListener(listener)
          .build()) {
        HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(hh);
        SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxExportBatchSize(64).build()).build();
        Tracer tracer = provider.get("faults");
        for (int t = 0; t < TRACES; t++) {
          Span root = tracer.spanBuilder("request-" + t).startSpan();
          UUID session = OtelIds.sessionOfTrace(root.getSpanContext().getTraceId());
          eventIds.add(OtelIds.eventOfSpan(session, root.getSpanContext().getSpanId()).toString());
          Scope rootScope = root.makeCurrent();
          try {
            for (int s = 1; s < SPANS_PER_TRACE; s++) {
              Span child = tracer.spanBuilder("step-" + s).setAttribute("gen_ai.operation.name", "chat").startSpan();
              eventIds.add(OtelIds.eventOfSpan(session, child.getSpanContext().getSpanId()).toString());
              child.end();
            }
          } finally {
            rootScope.close();
            root.end();
          }
        }
        assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
        report = hh.flush(Duration.ofSeconds(60));
        provider.close();
      }

      int writes = TRACES + TRACES * SPANS_PER_TRACE; // one session start per trace, one event per span
      assertThat(report.pending()).isZero();
      assertThat(report.sent() + report.failed() + report.dropped()).isEqualTo(writes);
      assertThat(report.dropped()).isZero();
      assertThat(dropped).isEmpty();
      assertThat(report.failed()).isPositive();
      assertThat(server.injectedFaults()).isNotEmpty();
      Map<String, Long> stored = server.events().stream().filter(event -> !event.isSession())
          .collect(Collectors.groupingBy(StoredEvent::eventId, Collectors.counting()));
      for (String id : eventIds) {
        if (failed.contains(id)) {
          assertThat(server.deliveryCount(id)).as("deliveries of %s, reported failed", id).isZero();
        } else {
          assertThat(stored.get(id)).as("copies stored of %s", id).isEqualTo(1);
        }
      }
      assertThat(server.validationErrors()).isEmpty();
      System.out.printf("exporter under %d: %d writes, %d sent, %d failed, %d faults injected%n", status, writes,
          report.sent(), report.failed(), server.injectedFaults().size());
    }
  }
}
