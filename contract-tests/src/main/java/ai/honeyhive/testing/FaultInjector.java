package ai.honeyhive.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * The {@link Fault} behind {@link HoneyHiveTestServer.Builder#faults}: offers each request to the plans in order,
 * counts it for every plan of its operation, and applies the fault of the first plan whose schedule strikes.
 * Decisions are serialized, so schedules count requests in the order the server decides on them.
 */
final class FaultInjector implements Fault {
  private final List<FaultPlan> plans;
  private final List<FaultSchedule.Counter> counters = new ArrayList<>();

  private FaultInjector(List<FaultPlan> plans) {
    this.plans = List.copyOf(plans);
    plans.forEach(plan -> counters.add(plan.schedule().start()));
  }

  /**
   * Returns the fault for {@code plans}, or {@link Fault#NONE} when there are none.
   *
   * @throws IllegalArgumentException if a plan names an operation that {@code spec} does not have (other than the
   *     OTLP route's {@link OtlpRoutes#OPERATION_ID})
   */
  static Fault of(List<FaultPlan> plans, ApiSpec spec) {
    if (plans.isEmpty()) {
      return Fault.NONE;
    }
    Set<String> known = new LinkedHashSet<>();
    spec.operations().forEach(operation -> known.add(operation.operationId()));
    known.add(OtlpRoutes.OPERATION_ID); // the OTLP route, which the spec does not have
    for (FaultPlan plan : plans) {
      for (String operationId : plan.operations()) {
        if (!known.contains(operationId)) {
          throw new IllegalArgumentException(plan + " names operation '" + operationId
              + "', which the spec does not have; its operations are " + known);
        }
      }
    }
    return new FaultInjector(plans);
  }

  @Override
  public MockResponse apply(IncomingRequest request, Handler normal) {
    ServerFault fault = choose(request.operationId());
    return fault == null ? normal.handle(request) : FaultAnswers.apply(fault, request, normal);
  }

  private synchronized ServerFault choose(String operationId) {
    ServerFault chosen = null;
    for (int i = 0; i < plans.size(); i++) {
      FaultPlan plan = plans.get(i);
      if (plan.appliesTo(operationId) && counters.get(i).next() && chosen == null) {
        chosen = plan.fault();
      }
    }
    return chosen;
  }
}
