package ai.honeyhive.testing.contract;

import ai.honeyhive.testing.HoneyHiveTestServer;
import org.junit.jupiter.api.AfterEach;

/**
 * A test of the contract suite: after each test, what its server saw counts toward {@link ContractCoverage}. The
 * implementing class registers {@code HoneyHiveTestServerExtension}, which hands this method the test's server.
 */
interface ContractTest {
  @AfterEach
  default void recordContractCoverage(HoneyHiveTestServer server) {
    ContractCoverage.record(server);
  }
}
