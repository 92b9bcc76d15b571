package ai.honeyhive.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every {@link WireProbe} gets the verdict of HoneyHive's spec from Prism serving the spec at {@code -Dprism.url}:
 * in CI ({@code .ci/run}) this project's spec, so that it accepts and refuses what HoneyHive's does; by hand, Prism
 * serving HoneyHive's own spec 1.9.0, which checks the probes themselves (see contract-tests/README.md).
 */
@EnabledIfSystemProperty(named = "prism.url", matches = "https?://.+")
class PrismWireProbesTest {
  @Test
  void everyProbeGetsTheVerdictOfHoneyHivesSpecFromPrism() {
    String url = System.getProperty("prism.url").replaceAll("/$", "");
    OkHttpClient http = new OkHttpClient();
    for (WireProbe setup : WireProbe.setup()) {
      setup.send(http, url);
    }
    List<String> table = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (WireProbe probe : WireProbe.all()) {
      int status = probe.send(http, url);
      String verdict = WireProbe.verdict(status);
      table.add(String.format("| %s | %s | %s | %s (%d) |", probe.item(), probe.name(), probe.expected(), verdict,
          status));
      if (!verdict.equals(probe.expected())) {
        wrong.add(probe + ": expected " + probe.expected() + " but " + verdict);
      }
    }
    System.out.println("Prism at " + url + "\n| item | probe | HoneyHive's spec | Prism |\n|---|---|---|---|\n"
        + String.join("\n", table));

    assertThat(wrong).as("probes whose verdict from Prism differs from HoneyHive's spec").isEmpty();
  }
}
