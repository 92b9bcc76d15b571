package ai.honeyhive.opentelemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;

/**
 * Run by {@link AgentExtensionIT} in a child JVM under the OpenTelemetry Java agent, with nothing but OpenTelemetry's
 * API beside it on the class path: an application that makes one span through {@link GlobalOpenTelemetry}, as
 * instrumented code would. Prints the span's trace id, gives the agent's batch span processor time to export, exits;
 * the agent's shutdown then flushes.
 */
public final class AgentExtensionMain {
  private AgentExtensionMain() {}

  public static void main(String[] args) throws InterruptedException {
    Span span = GlobalOpenTelemetry.getTracer("app").spanBuilder("agent-span")
        .setAttribute("app.user", "u-42")
        .startSpan();
    span.end();
    System.out.println("trace=" + span.getSpanContext().getTraceId());
    Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "1000"));
  }
}
