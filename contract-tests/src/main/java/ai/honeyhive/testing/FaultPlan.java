package ai.honeyhive.testing;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A fault the test server injects on a schedule, optionally only into some operations: "the first two
 * {@code createEvent} requests answer 503". Immutable; give plans to {@link HoneyHiveTestServer.Builder#faults}.
 *
 * <pre>{@code
 * HoneyHiveTestServer server = HoneyHiveTestServer.builder()
 *     .faults(FaultPlan.builder(ServerFault.serverError(503))
 *         .schedule(FaultSchedule.firstRequests(2))
 *         .operations("createEvent")
 *         .build())
 *     .start();
 * ...
 * assertThat(server.injectedFaults()).hasSize(2);
 * }</pre>
 *
 * <p>Each request is offered to the server's plans in order. Every plan whose operations include the request counts
 * it ({@link FaultSchedule}); the first plan whose schedule strikes applies its fault, and later plans leave the
 * request alone. A request that matches no operation of the spec counts only for plans without operations.
 */
public final class FaultPlan {
  private final ServerFault fault;
  private final FaultSchedule schedule;
  private final Set<String> operations;

  private FaultPlan(Builder builder) {
    this.fault = builder.fault;
    this.schedule = builder.schedule;
    this.operations = Collections.unmodifiableSet(new LinkedHashSet<>(builder.operations));
  }

  /**
   * Returns a builder of a plan that injects {@code fault} into every request, until its schedule or operations
   * are narrowed.
   *
   * @param fault what goes wrong
   * @return a new builder
   * @throws NullPointerException if {@code fault} is null
   */
  public static Builder builder(ServerFault fault) {
    return new Builder(fault);
  }

  /**
   * Returns what goes wrong.
   *
   * @return the fault
   */
  public ServerFault fault() {
    return fault;
  }

  /**
   * Returns when it goes wrong.
   *
   * @return the schedule
   */
  public FaultSchedule schedule() {
    return schedule;
  }

  /**
   * Returns the {@code operationId}s the plan is limited to; empty when it applies to every request.
   *
   * @return the operation ids, unmodifiable
   */
  public Set<String> operations() {
    return operations;
  }

  /**
   * Returns a builder that starts from this plan's settings.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    return new Builder(fault).schedule(schedule).operations(operations.toArray(new String[0]));
  }

  /** Whether the plan counts a request of {@code operationId} (null when the request matched no operation). */
  boolean appliesTo(String operationId) {
    return operations.isEmpty() || (operationId != null && operations.contains(operationId));
  }

  /**
   * Returns the fault, schedule and operations, such as {@code FaultPlan{ServerFault{server-error-503}, first 2
   * requests, [createEvent]}}; the format may change.
   */
  @Override
  public String toString() {
    return "FaultPlan{" + fault + ", " + schedule + ", " + (operations.isEmpty() ? "every operation" : operations)
        + "}";
  }

  /** Configures a {@link FaultPlan}. Not thread-safe. */
  public static final class Builder {
    private final ServerFault fault;
    private FaultSchedule schedule = FaultSchedule.always();
    private Set<String> operations = Set.of();

    Builder(ServerFault fault) {
      if (fault == null) {
        throw new NullPointerException("fault == null");
      }
      this.fault = fault;
    }

    /**
     * Sets when the fault strikes. Default {@link FaultSchedule#always()}.
     *
     * @param schedule the schedule
     * @return this builder
     * @throws NullPointerException if {@code schedule} is null
     */
    public Builder schedule(FaultSchedule schedule) {
      if (schedule == null) {
        throw new NullPointerException("schedule == null");
      }
      this.schedule = schedule;
      return this;
    }

    /**
     * Limits the plan to requests of these operations, by the spec's {@code operationId}, such as
     * {@code "createEvent"} or {@code "createEventBatchLegacy"}; replaces an earlier limit. Default: every request.
     * No ids means every request. {@link HoneyHiveTestServer.Builder#start()} rejects ids the spec does not have,
     * except {@code "otlpExportTraces"}: the OTLP route {@code POST /opentelemetry/v1/traces}, which is not in the spec.
     *
     * @param operationIds the operation ids
     * @return this builder
     * @throws NullPointerException if {@code operationIds} or one of them is null
     * @throws IllegalArgumentException if an id is blank
     */
    public Builder operations(String... operationIds) {
      if (operationIds == null) {
        throw new NullPointerException("operationIds == null");
      }
      Set<String> ids = new LinkedHashSet<>();
      for (String id : Arrays.asList(operationIds)) {
        if (id == null) {
          throw new NullPointerException("operationIds has a null id");
        }
        if (id.isBlank()) {
          throw new IllegalArgumentException("operationIds has a blank id");
        }
        ids.add(id);
      }
      this.operations = ids;
      return this;
    }

    /**
     * Builds the plan.
     *
     * @return the plan
     */
    public FaultPlan build() {
      return new FaultPlan(this);
    }
  }
}
