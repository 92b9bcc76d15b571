package ai.honeyhive.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

/**
 * Run in a child JVM by {@link AutoconfigureTest}: the SDK's autoconfiguration, configured by system properties only,
 * finds {@code otel.traces.exporter=honeyhive}; one span is made and the SDK closed. Prints the span's trace id.
 */
public final class AutoconfigureMain {
  private AutoconfigureMain() {}

  public static void main(String[] args) {
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
    Span span = sdk.getTracer("autoconfigure-test").spanBuilder("child-jvm-span").startSpan();
    span.end();
    sdk.close();
    System.out.println("trace=" + span.getSpanContext().getTraceId());
  }
}
