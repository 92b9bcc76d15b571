package ai.honeyhive;

import java.util.Map;

/**
 * One datapoint of two compared runs ({@link Runs#pairs}): the events of its sessions with the same name, one from
 * each run, as HoneyHive's JSON. Immutable.
 */
public final class DatapointPair {
  private final String datapointId;
  private final Map<String, Object> newEvent;
  private final Map<String, Object> oldEvent;

  DatapointPair(String datapointId, Map<String, Object> newEvent, Map<String, Object> oldEvent) {
    this.datapointId = datapointId;
    this.newEvent = newEvent == null ? Map.of() : Map.copyOf(newEvent);
    this.oldEvent = oldEvent == null ? Map.of() : Map.copyOf(oldEvent);
  }

  /**
   * Returns the datapoint both runs ran.
   *
   * @return the datapoint id
   */
  public String datapointId() {
    return datapointId;
  }

  /**
   * Returns the newer run's event ({@code event_1} in HoneyHive's answer: its spec does not say which run is which;
   * the test server, and this client, read the first as the run named first in the path).
   *
   * @return the event's fields, such as {@code outputs} and {@code metrics}; empty when HoneyHive gave none
   */
  public Map<String, Object> newEvent() {
    return newEvent;
  }

  /**
   * Returns the older run's event ({@code event_2}).
   *
   * @return the event's fields; empty when HoneyHive gave none
   */
  public Map<String, Object> oldEvent() {
    return oldEvent;
  }

  @Override
  public String toString() {
    return "DatapointPair{" + datapointId + "}";
  }
}
