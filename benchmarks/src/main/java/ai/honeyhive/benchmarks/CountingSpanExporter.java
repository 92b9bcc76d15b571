package ai.honeyhive.benchmarks;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the spans its delegate exported or failed to export, so a benchmark can check that every span it made was
 * delivered (a BatchSpanProcessor drops spans silently when its queue is full).
 */
final class CountingSpanExporter implements SpanExporter {
  private final SpanExporter delegate;
  final LongAdder exported = new LongAdder();
  final LongAdder failed = new LongAdder();

  CountingSpanExporter(SpanExporter delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int count = spans.size();
    CompletableResultCode result = delegate.export(spans);
    result.whenComplete(() -> (result.isSuccess() ? exported : failed).add(count));
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
