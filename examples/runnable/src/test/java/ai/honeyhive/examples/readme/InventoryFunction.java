package ai.honeyhive.examples.readme;

import ai.honeyhive.ContinuedTrace;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.examples.readme.Fakes.Stock;
import java.time.Duration;
import java.util.Map;

/** The README's serverless handler, as a function runtime would call it. */
// tag::serverless[]
class InventoryFunction {
  static final HoneyHive HH = HoneyHive.fromEnv();          // once per container, reused while it is warm
  private final Stock stock = new Stock();

  Map<String, Object> handleRequest(Map<String, String> headers, String sku) {
    return HH.flushAfter(Duration.ofSeconds(2), () -> {     // flushes in a finally: returned or thrown
      try (ContinuedTrace trace = HH.continueTrace(headers, "inventory-lambda")) {
        return Map.of("in_stock", trace.tool("stock-lookup").call(() -> stock.lookup(sku)));
      }
    });
  }
}
// end::serverless[]
