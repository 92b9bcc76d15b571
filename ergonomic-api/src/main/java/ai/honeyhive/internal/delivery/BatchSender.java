package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.Sleeper;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.errors.HoneyHiveApiException;
import ai.honeyhive.errors.HoneyHiveConnectionException;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.errors.InternalServerException;
import ai.honeyhive.internal.http.BatchResult;
import ai.honeyhive.internal.http.Gateway;
import ai.honeyhive.internal.http.RetryInterceptor;
import ai.honeyhive.internal.http.RetryPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one window of queued writes (the exporter's batch) and settles each write: sent, failed or dropped. Runs on
 * the exporter's thread only; never throws.
 *
 * <h2>Order</h2>
 * Writes of one session keep their order: its start before its events, an update after the events written before
 * it. Writes of different sessions are independent, which lets the events of many sessions share one request. The
 * window is sent in rounds: each session's leading session starts and updates (one request each), then the leading
 * events of every session together in one batch, and so on until the window is empty. An update of an arbitrary event
 * ({@link ai.honeyhive.HoneyHive#updateEvent}, session unknown) is a barrier: everything before it is sent first. An imported
 * session ({@link ai.honeyhive.SessionImport}) is a lane of its own, sent in one request of its own, never split: a rejected one
 * fails whole, since its parts sent apart would become separate sessions.
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>Each request is retried per the client's {@link RetryPolicy} (in {@link RetryInterceptor}).
 *   <li>A batch answered 400, 413 or 422, or one that cannot be serialized (a value that throws while it is
 *       written, {@link Error}s included), is split in halves, recursively, until the rejected events are alone; each
 *       is then failed with the server's message about it (or the path of the value that could not be written), and
 *       the rest is delivered. Isolating one bad event among
 *       {@code n} takes about {@code 2 log2(n)} extra requests, isolating all of them at most {@code 2n - 1}.
 *   <li>A partial success (legacy routes) counts the stored events as sent and sends only the others again, after
 *       the policy's backoff, up to {@code maxRetries} times.
 *   <li>Any other failure fails the whole request's writes.
 * </ul>
 */
public final class BatchSender {
  private final Gateway gateway;
  private final DeliveryCounters counters;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  /** Set when the close deadline passed: what is not sent yet is dropped instead. */
  public volatile boolean abandoned;

  public BatchSender(Gateway gateway, DeliveryCounters counters, RetryPolicy policy, Sleeper sleeper) {
    this.gateway = gateway;
    this.counters = counters;
    this.policy = policy;
    this.sleeper = sleeper;
  }

  /**
   * Sends {@code window} (events and {@link Write}s in queue order); returns when each has ended. Never throws: each
   * request's failure, {@link Error}s included, ends the writes it carried (see {@link #sendEvents}). Should anything
   * else throw between requests, every write of the window is reported failed with the cause rather than lost, even
   * though some of them may already have been counted.
   */
  public void send(List<Object> window) {
    try {
      sendInOrder(window);
    } catch (Throwable t) {
      DeliveryCounters.log.error("a HoneyHive batch of {} writes failed; reporting all of them failed", window.size(),
          t);
      failAll(window, t);
    }
  }

  /**
   * Reports every write of {@code window} failed with {@code t}: the last resort when a window could not be sent
   * for a reason that no single request explains.
   */
  public void failAll(List<Object> window, Throwable t) {
    if (window.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(window.size());
    for (Object item : window) {
      if (item instanceof Write) {
        ids.addAll(((Write) item).ids());
        ((Write) item).complete(new HoneyHiveException(item + " could not be sent: " + t, t));
      } else {
        ids.add(DeliveryCounters.idOf(item));
      }
    }
    counters.failed(ids, new HoneyHiveException("a batch of " + window.size() + " writes could not be sent: " + t, t));
  }

  private void sendInOrder(List<Object> window) {
    int start = 0;
    for (int i = 0; i < window.size(); i++) {
      Object item = window.get(i);
      if (item instanceof Write && ((Write) item).lane == null) {
        sendInLanes(window.subList(start, i));
        sendWrite((Write) item);
        start = i + 1;
      }
    }
    sendInLanes(window.subList(start, window.size()));
  }

  @SuppressWarnings("unchecked")
  private void sendInLanes(List<Object> items) {
    if (items.isEmpty()) {
      return;
    }
    boolean onlyEvents = true;
    for (Object item : items) {
      if (!(item instanceof Event)) {
        onlyEvents = false;
        break;
      }
    }
    if (onlyEvents) {
      sendEvents(new ArrayList<>((List<Event>) (List<?>) items), 0);
      return;
    }
    Map<String, ArrayDeque<Object>> lanes = new LinkedHashMap<>();
    for (Object item : items) {
      String lane = item instanceof Event ? ((Event) item).getSessionId() : ((Write) item).lane.toString();
      lanes.computeIfAbsent(lane, key -> new ArrayDeque<>()).add(item);
    }
    while (!lanes.isEmpty()) {
      for (ArrayDeque<Object> lane : lanes.values()) {
        while (lane.peek() instanceof Write) {
          sendWrite((Write) lane.poll());
        }
      }
      List<Event> batch = new ArrayList<>();
      for (ArrayDeque<Object> lane : lanes.values()) {
        while (lane.peek() instanceof Event) {
          batch.add((Event) lane.poll());
        }
      }
      lanes.values().removeIf(ArrayDeque::isEmpty);
      if (!batch.isEmpty()) {
        sendEvents(batch, 0);
      }
    }
  }

  private void sendWrite(Write write) {
    if (abandoned) {
      counters.dropped(write, DropReason.CLOSED);
      write.complete(new HoneyHiveException("not sent: the client was closed before " + write + " could be sent",
          null));
      return;
    }
    String importedId = null;
    try {
      if (write.imported != null) {
        importedId = gateway.postImport(write.imported.properties, write.imported.events);
      } else if (write.session != null) {
        gateway.postSession(write.session);
      } else {
        gateway.putEvent(write.id, write.update);
      }
    } catch (HoneyHiveException e) {
      counters.failed(write.ids(), e);
      write.complete(e);
      return;
    } catch (Throwable e) { // An Error too (a value that throws while encoded): it fails this write, nothing more.
      HoneyHiveException failure = new HoneyHiveException(write + " could not be sent: " + e, e);
      counters.failed(write.ids(), failure);
      write.complete(failure);
      return;
    }
    counters.sent(write.count());
    write.complete(null);
    write.completeImport(importedId);
  }

  /** Sends {@code events} in one request; {@code attempt} counts the re-sends after partial successes. */
  private void sendEvents(List<Event> events, int attempt) {
    if (abandoned) {
      counters.dropped(new ArrayList<>(events), DropReason.CLOSED);
      return;
    }
    BatchResult result;
    try {
      result = gateway.postEvents(events);
    } catch (HoneyHiveException e) {
      if (isRejection(e) && events.size() > 1) {
        split(events);
      } else if (isRejection(e) && e.getClass() == HoneyHiveException.class) {
        fail(events, EncodeFailure.of(events.get(0), e)); // Could not be written: name the value.
      } else {
        fail(events, e);
      }
      return;
    } catch (RuntimeException e) {
      fail(events, new HoneyHiveException("a batch of " + events.size() + " events could not be sent: " + e, e));
      return;
    } catch (Error e) {
      // Thrown while the body was written (an accessor that throws an Error, a StackOverflowError, an
      // OutOfMemoryError on one huge event): isolate the event that throws, as a rejected batch is, and fail only it.
      if (events.size() > 1) {
        split(events);
      } else {
        fail(events, EncodeFailure.of(events.get(0), e));
      }
      return;
    }
    if (result.notStored.isEmpty()) {
      counters.sent(events.size());
      return;
    }
    List<Event> notStored = new ArrayList<>(result.notStored.size());
    for (Event event : events) {
      if (result.notStored.contains(event.getEventId())) {
        notStored.add(event);
      }
    }
    counters.sent(events.size() - notStored.size());
    if (attempt >= policy.maxRetries) {
      fail(notStored, new InternalServerException(result.request, 500, Map.of(), "partial success: "
          + notStored.size() + " of " + events.size() + " events were not stored"
          + (attempt == 0 ? "" : " after " + attempt + (attempt == 1 ? " re-send" : " re-sends"))
          + describe(result.errors), null));
      return;
    }
    try {
      sleeper.sleep(policy.delayBeforeRetry(attempt, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(notStored, new HoneyHiveConnectionException(
          result.request + " was interrupted before the events it did not store were sent again", e, false));
      return;
    }
    counters.retried.increment();
    sendEvents(notStored, attempt + 1);
  }

  /** Sends {@code events} again in two halves, to isolate the events the failure was about. */
  private void split(List<Event> events) {
    int half = events.size() / 2;
    counters.retried.add(2);
    sendEvents(new ArrayList<>(events.subList(0, half)), 0);
    sendEvents(new ArrayList<>(events.subList(half, events.size())), 0);
  }

  private void fail(List<Event> events, HoneyHiveException cause) {
    List<String> ids = new ArrayList<>(events.size());
    for (Event event : events) {
      ids.add(String.valueOf(event.getEventId()));
    }
    counters.failed(ids, cause);
  }

  /**
   * Whether splitting the batch can isolate the cause: the API rejected the content (400, 422) or its size (413), or
   * the request could not even be written (a value that cannot be serialized, changed after it was logged).
   */
  private static boolean isRejection(HoneyHiveException e) {
    if (e instanceof HoneyHiveApiException) {
      int status = ((HoneyHiveApiException) e).statusCode();
      return status == 400 || status == 413 || status == 422;
    }
    return e.getClass() == HoneyHiveException.class && e.getCause() instanceof RuntimeException;
  }

  private static String describe(List<String> errors) {
    if (errors.isEmpty()) {
      return "";
    }
    String joined = String.join("; ", errors.subList(0, Math.min(errors.size(), 5)));
    return ": " + (errors.size() > 5 ? joined + "; ..." : joined);
  }
}
