package ai.honeyhive.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * What the framework-call benchmarks share: the fake OpenAI endpoint, the HoneyHive client (null without the
 * integration), the caller's allocation count, and the pacing and reports around each iteration and invocation.
 * Subclasses set {@link #openAi} and {@link #client} in their trial setup.
 */
abstract class FrameworkCallState {
  /** The fake OpenAI endpoint over loopback, or null with the in-process transport. */
  LoopbackSink openAi;
  /** The HoneyHive client the integration sends with, or null without the integration. */
  IntegrationClient client;
  final CallerBytes callerBytes = new CallerBytes();

  @Setup(Level.Iteration)
  public void before() {
    if (client != null) {
      client.settle();
    }
    callerBytes.start();
  }

  @Setup(Level.Invocation)
  public void pace() {
    callerBytes.call();
    if (client != null) {
      client.pace();
    }
  }

  @TearDown(Level.Iteration)
  public void after(BenchmarkParams benchmark, IterationParams iteration) {
    callerBytes.report(benchmark, iteration);
    if (client != null) {
      client.report();
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    if (client != null) {
      client.close();
    }
    if (openAi != null) {
      openAi.close();
    }
  }
}
