package ai.honeyhive;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of search results, as returned by {@link EventSearch#fetch()}. Events come in the server's order: by start
 * time, newest first.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class EventPage {
  private final List<Event> events;
  private final int page;
  private final int pageSize;
  private final Long totalCount;

  /**
   * Creates a page.
   *
   * @param events the page's events; copied
   * @param page the page number, from 1
   * @param pageSize the page size that was asked for
   * @param totalCount the server's {@code count}, or null when it sent none
   */
  EventPage(List<Event> events, int page, int pageSize, Long totalCount) {
    this.events = List.copyOf(events);
    this.page = page;
    this.pageSize = pageSize;
    this.totalCount = totalCount;
  }

  /**
   * Returns the page's events, newest first. Never null; empty when nothing (more) matched. Unmodifiable.
   *
   * @return the events; never null
   */
  public List<Event> events() {
    return events;
  }

  /**
   * Returns the number of this page, counting from 1.
   *
   * @return the page number, from 1
   */
  public int page() {
    return page;
  }

  /**
   * Returns the page size that was asked for (the API's {@code limit}); the last page may hold fewer events.
   *
   * @return the requested page size
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Returns how many events matched the whole search (all pages), when the server said so in its {@code count};
   * empty when the response had no count.
   *
   * @return the total count, or empty when unknown
   */
  public OptionalLong totalCount() {
    return totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount);
  }

  /**
   * Returns whether the next page may hold more events: true when this page is full and the server's count (if it
   * sent one) says not every match has been returned yet. A full page without a count answers true, so the next page
   * may turn out empty.
   *
   * @return false when this is certainly the last page
   */
  public boolean hasNextPage() {
    if (events.size() < pageSize) {
      return false;
    }
    if (totalCount == null) {
      return true;
    }
    long returnedSoFar = (long) (page - 1) * pageSize + events.size();
    return returnedSoFar < totalCount;
  }

  /** Returns true when {@code o} is an {@code EventPage} with equal events, page, page size and total count. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EventPage)) {
      return false;
    }
    EventPage other = (EventPage) o;
    return page == other.page
        && pageSize == other.pageSize
        && Objects.equals(totalCount, other.totalCount)
        && events.equals(other.events);
  }

  /** Returns a hash code consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(events, page, pageSize, totalCount);
  }

  /**
   * Returns a summary such as {@code EventPage{page=2, pageSize=100, events=100, totalCount=250}}, without the events
   * themselves; the format may change between versions.
   */
  @Override
  public String toString() {
    return "EventPage{page=" + page
        + ", pageSize=" + pageSize
        + ", events=" + events.size()
        + ", totalCount=" + (totalCount == null ? "unknown" : totalCount)
        + '}';
  }
}
