package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.HoneyHiveTestServerExtension;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test server gives every {@link WireProbe} the verdict HoneyHive's spec gives it: it accepts what HoneyHive's
 * own clients send (float times, ids that are not UUIDs, {@code "value": null}, legacy flat model fields, ...) and
 * refuses what HoneyHive refuses. {@code PrismContractTest} runs the same probes against Prism serving this
 * project's spec.
 */
class WireProbesTest {
  @RegisterExtension
  static final HoneyHiveTestServerExtension HONEYHIVE =
      HoneyHiveTestServerExtension.builder().failOnValidationErrors(false).build();

  @Test
  void everyProbeGetsTheVerdictOfHoneyHivesSpec(HoneyHiveTestServer server) {
    OkHttpClient http = new OkHttpClient();
    String url = server.baseUrl().replaceAll("/$", "");
    for (WireProbe setup : WireProbe.setup()) {
      assertThat(WireProbe.verdict(setup.send(http, url))).as("%s", setup).isEqualTo("accepted");
    }
    List<String> table = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (WireProbe probe : WireProbe.all()) {
      String verdict = WireProbe.verdict(probe.send(http, url));
      table.add(String.format("| %s | %s | %s | %s |", probe.item(), probe.name(), probe.expected(), verdict));
      if (!verdict.equals(probe.expected())) {
        wrong.add(probe + ": expected " + probe.expected() + " but " + verdict);
      }
    }
    System.out.println("| item | probe | HoneyHive's spec | test server |\n|---|---|---|---|\n"
        + String.join("\n", table));

    assertThat(wrong).as("probes whose verdict differs from HoneyHive's spec; the server found: %s",
        server.validationErrors()).isEmpty();
    int refused = (int) WireProbe.all().stream().filter(probe -> !probe.valid()).count();
    assertThat(server.validationErrors()).as("one finding or more per refused probe").hasSizeGreaterThanOrEqualTo(refused);
    ContractCoverage.recordExercised(server);
    for (int i = 0; i < refused; i++) {
      ContractCoverage.recordBrokenRequestCaught();
    }
  }
}
