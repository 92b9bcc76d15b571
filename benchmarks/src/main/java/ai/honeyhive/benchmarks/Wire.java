package ai.honeyhive.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What reached the sink, reported by JMH beside each throughput score as a rate per second: {@code sinkMB} is request
 * body megabytes (10^6 bytes) per second, {@code sinkRequests} requests per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Wire {
  public double sinkMB;
  public long sinkRequests;

  @Setup(Level.Iteration)
  public void reset() {
    sinkMB = 0;
    sinkRequests = 0;
  }

  /** Adds what {@code sink} received since {@code bytesBefore} and {@code requestsBefore}. */
  void add(LoopbackSink sink, long bytesBefore, long requestsBefore) {
    sinkMB += (sink.bodyBytes() - bytesBefore) / 1e6;
    sinkRequests += sink.requests() - requestsBefore;
  }
}
