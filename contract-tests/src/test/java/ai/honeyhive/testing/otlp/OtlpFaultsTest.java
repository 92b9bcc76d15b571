package ai.honeyhive.testing.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.FaultPlan;
import ai.honeyhive.testing.FaultSchedule;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.RecordedExchange;
import ai.honeyhive.testing.ServerFault;
import org.junit.jupiter.api.Test;

/** Faults scheduled on the OTLP route, by its operation id {@code otlpExportTraces}. */
class OtlpFaultsTest {
  @Test
  void a503ScheduledOnTheRouteAnswersFirstThenTheRetryIsStored() {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.builder()
        .faults(FaultPlan.builder(ServerFault.serverError(503)).schedule(FaultSchedule.firstRequests(1))
            .operations("otlpExportTraces").build())
        .start()) {
      byte[] body = Spans.request(Spans.root()).toByteArray();

      OtlpPost.Answer first = OtlpPost.protobuf(server, body);
      assertThat(first.status()).isEqualTo(503);
      assertThat(server.events()).isEmpty();

      OtlpPost.Answer retry = OtlpPost.protobuf(server, body);
      assertThat(retry.status()).isEqualTo(200);
      assertThat(server.event(OtlpRouteTest.ROOT_EVENT)).isPresent();
      assertThat(server.injectedFaults()).extracting(RecordedExchange::injectedFault)
          .containsExactly("server-error-503");
      assertThat(server.validationErrors()).isEmpty();
    }
  }

  @Test
  void aFaultOnAnotherOperationLeavesTheRouteAlone() {
    try (HoneyHiveTestServer server = HoneyHiveTestServer.builder()
        .faults(FaultPlan.builder(ServerFault.serverError(503)).operations("createEvent").build())
        .start()) {
      assertThat(OtlpPost.protobuf(server, Spans.request(Spans.root()).toByteArray()).status()).isEqualTo(200);
    }
  }

  @Test
  void aPlanNamingAnOperationNeitherInTheSpecNorTheOtlpRouteIsStillRejected() {
    assertThatThrownBy(() -> HoneyHiveTestServer.builder()
        .faults(FaultPlan.builder(ServerFault.serverError(503)).operations("otlpExportLogs").build()).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("otlpExportLogs");
  }
}
