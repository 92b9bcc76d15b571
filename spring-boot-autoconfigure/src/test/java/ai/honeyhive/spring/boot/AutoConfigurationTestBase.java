package ai.honeyhive.spring.boot;

import ai.honeyhive.testing.HoneyHiveTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A fresh HoneyHive test server per test, and a context runner of the auto-configuration pointed at it. */
abstract class AutoConfigurationTestBase {
  HoneyHiveTestServer server;
  ApplicationContextRunner runner;

  @BeforeEach
  void startServer() {
    server = HoneyHiveTestServer.start();
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HoneyHiveAutoConfiguration.class))
        .withPropertyValues("honeyhive.api-key=" + server.apiKey(), "honeyhive.base-url=" + server.baseUrl());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
