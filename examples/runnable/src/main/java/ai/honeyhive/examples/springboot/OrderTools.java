package ai.honeyhive.examples.springboot;

import java.util.Map;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/** The tool the model may call: the order system, here a map. */
@Component
public class OrderTools {
  private static final Map<String, String> ORDERS = Map.of(
      "A-100", "shipped on 2026-12-04, arriving on Tuesday",
      "A-101", "waiting for payment");

  /** Created by Spring. */
  public OrderTools() {}

  /**
   * Looks an order up.
   *
   * @param orderId the order's id
   * @return its status
   */
  @Tool(description = "Returns the status of an order")
  public String orderStatus(@ToolParam(description = "the order id, such as A-100") String orderId) {
    return orderId + " " + ORDERS.getOrDefault(orderId, "is not an order we know");
  }
}
