package ai.honeyhive.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which stored events a {@code POST /v1/datapoints/batch} turns into datapoints, in the order they arrived.
 *
 * <p>The deprecated {@code events} lists the ids to use (unknown ids are skipped). Otherwise the candidates are the
 * events matching every {@code filters} condition (an array of {@code {field, operator, value, type}} as in a search,
 * see {@link SearchFilter}, or an object of dotted fields and the values they must equal) whose {@code start_time}
 * lies in {@code dateRange} ({@code $gte}/{@code $lte}, inclusive, either optional); then with {@code selectAll: true}
 * every candidate that {@code checkState} does not mark false, else the candidates {@code checkState} marks true, or
 * all of them when there is no {@code checkState}.
 */
final class EventSelection {
  private EventSelection() {}

  static List<StoredEvent> select(Map<String, Object> body, List<StoredEvent> events) {
    List<String> ids = DatasetStore.strings(body.get("events"));
    if (ids != null) {
      Map<String, StoredEvent> byId = new LinkedHashMap<>();
      events.forEach(event -> byId.put(event.eventId(), event));
      List<StoredEvent> listed = new ArrayList<>();
      ids.stream().map(byId::get).filter(Objects::nonNull).filter(event -> !listed.contains(event))
          .forEach(listed::add);
      return listed;
    }
    Map<String, Object> checkState = Json.object(body.get("checkState"));
    boolean selectAll = Boolean.TRUE.equals(body.get("selectAll"));
    List<StoredEvent> selected = new ArrayList<>();
    for (StoredEvent event : events) {
      if (!matchesFilters(body.get("filters"), event.toMap()) || !inDateRange(body.get("dateRange"), event)) {
        continue;
      }
      Object checked = checkState == null ? null : checkState.get(event.eventId());
      boolean keep = selectAll || checkState == null || checkState.isEmpty()
          ? !Boolean.FALSE.equals(checked)
          : Boolean.TRUE.equals(checked);
      if (keep) {
        selected.add(event);
      }
    }
    return selected;
  }

  private static boolean matchesFilters(Object filters, Map<String, Object> event) {
    List<Object> conditions = Json.array(filters);
    if (conditions != null) {
      return conditions.stream().map(Json::object).filter(Objects::nonNull)
          .allMatch(condition -> SearchFilter.from(condition).matches(event));
    }
    Map<String, Object> equalities = Json.object(filters);
    if (equalities == null) {
      return true;
    }
    return equalities.entrySet().stream()
        .allMatch(entry -> sameValue(SearchFilter.lookup(event, entry.getKey()), entry.getValue()));
  }

  /** JSON equality, numbers by value ({@code 1} equals {@code 1.0}). */
  private static boolean sameValue(Object actual, Object expected) {
    if (actual instanceof Number && expected instanceof Number) {
      return new BigDecimal(actual.toString()).compareTo(new BigDecimal(expected.toString())) == 0;
    }
    return Objects.equals(actual, expected);
  }

  private static boolean inDateRange(Object dateRange, StoredEvent event) {
    Map<String, Object> range = Json.object(dateRange);
    if (range == null) {
      return true;
    }
    Long start = event.startTime();
    Instant from = range.get("$gte") == null ? null : SearchFilter.instant(range.get("$gte"));
    Instant to = range.get("$lte") == null ? null : SearchFilter.instant(range.get("$lte"));
    if (from == null && to == null) {
      return true;
    }
    if (start == null) {
      return false;
    }
    return (from == null || start >= from.toEpochMilli()) && (to == null || start <= to.toEpochMilli());
  }
}
