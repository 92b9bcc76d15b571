package ai.honeyhive.internal.delivery;

import ai.honeyhive.DeliveryListener;
import ai.honeyhive.DropReason;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How writes ended: the counters behind {@link ai.honeyhive.DeliveryStats}, and the one place that tells the
 * {@link DeliveryListener} and the log about failures and drops. Thread-safe; counting does not contend
 * ({@link LongAdder}).
 */
public final class DeliveryCounters {
  public static final Logger log = LoggerFactory.getLogger("ai.honeyhive.delivery");
  /** Drops are logged at most this often, with the count since the last line: a full queue drops in bursts. */
  private static final long DROP_LOG_INTERVAL_NANOS = 10_000_000_000L;

  public final LongAdder sent = new LongAdder();
  public final LongAdder failed = new LongAdder();
  public final LongAdder dropped = new LongAdder();
  public final LongAdder retried = new LongAdder();
  /** How often the exporter's loop failed and was started again. */
  public final LongAdder exporterRestarts = new LongAdder();
  private volatile HoneyHiveException lastError;
  private final DeliveryListener listener;
  private final AtomicLong lastDropLogNanos = new AtomicLong(System.nanoTime() - DROP_LOG_INTERVAL_NANOS);
  private final AtomicLong droppedSinceLog = new AtomicLong();
  private volatile DropReason lastDropReason;

  public DeliveryCounters(DeliveryListener listener) {
    this.listener = listener;
  }

  public void sent(int count) {
    sent.add(count);
  }

  /** Counts {@code ids} as failed for good, remembers {@code cause}, logs it and tells the listener. */
  public void failed(List<String> ids, HoneyHiveException cause) {
    failed(ids, cause, true);
  }

  /**
   * Like {@link #failed(List, HoneyHiveException)}; {@code logIt} false when the failure is thrown to the caller
   * anyway (synchronous mode).
   */
  public void failed(List<String> ids, HoneyHiveException cause, boolean logIt) {
    failed.add(ids.size());
    lastError = cause;
    if (!logIt) {
      log.debug("could not deliver {}: {}", ids, cause.getMessage());
    } else if (ids.size() == 1) {
      log.warn("could not deliver {}: {}", ids.get(0), cause.getMessage());
    } else {
      log.warn("could not deliver {} writes (first {}): {}", ids.size(), ids.get(0), cause.getMessage());
    }
    if (listener != null) {
      try {
        listener.onFailed(Collections.unmodifiableList(ids), cause);
      } catch (Throwable e) { // An Error too: it must not end the batch being reported.
        log.warn("the delivery listener threw from onFailed", e);
      }
    }
  }

  /**
   * Counts one dropped write (an imported session counts as its events); logs a summary at most every 10 seconds;
   * tells the listener.
   */
  public void dropped(Object write, DropReason reason) {
    int count = countOf(write);
    dropped.add(count);
    droppedSinceLog.addAndGet(count);
    lastDropReason = reason;
    logDropsIfDue(false);
    if (listener != null) {
      notifyDropped(write instanceof Write ? ((Write) write).ids() : List.of(idOf(write)), reason);
    }
  }

  /**
   * Logs the drops not logged yet, if the last such line is 10 seconds old (or {@code now} is true). The exporter
   * calls this as it cycles, so the end of a burst is reported without waiting for a later drop.
   */
  public void logDropsIfDue(boolean now) {
    if (droppedSinceLog.get() == 0) {
      return;
    }
    long time = System.nanoTime();
    long last = lastDropLogNanos.get();
    if ((now || time - last >= DROP_LOG_INTERVAL_NANOS) && lastDropLogNanos.compareAndSet(last, time)) {
      long count = droppedSinceLog.getAndSet(0);
      if (count > 0) {
        log.warn("dropped {} write(s) without sending them (latest reason {})", count, lastDropReason);
      }
    }
  }

  /**
   * Counts {@code count} writes whose ids are unknown as dropped (a spool record that cannot be read), logs
   * {@code what}, and tells the listener with an empty list of ids.
   */
  public void droppedUnread(int count, DropReason reason, String what) {
    dropped.add(count);
    log.warn("dropped {} write(s) that could not be read back ({}): {}", count, reason, what);
    if (listener != null) {
      notifyDropped(List.of(), reason);
    }
  }

  /** Counts and reports many dropped writes at once (close). */
  public void dropped(List<Object> writes, DropReason reason) {
    if (writes.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(writes.size());
    for (Object write : writes) {
      if (write instanceof Write) {
        ids.addAll(((Write) write).ids());
      } else {
        ids.add(idOf(write));
      }
    }
    dropped.add(ids.size());
    log.warn("dropped {} write(s) without sending them ({}), first {}", ids.size(), reason, ids.get(0));
    if (listener != null) {
      notifyDropped(Collections.unmodifiableList(ids), reason);
    }
  }

  private void notifyDropped(List<String> ids, DropReason reason) {
    try {
      listener.onDropped(ids, reason);
    } catch (Throwable e) {
      log.warn("the delivery listener threw from onDropped", e);
    }
  }

  public HoneyHiveException lastError() {
    return lastError;
  }

  /** How many writes {@code write} counts as: the events of an imported session, else one. */
  public static int countOf(Object write) {
    return write instanceof Write ? ((Write) write).count() : 1;
  }

  /** The id a write is reported by: the event's, the started session's, or the updated event's. */
  public static String idOf(Object write) {
    if (write instanceof ai.honeyhive.client.model.Event) {
      return String.valueOf(((ai.honeyhive.client.model.Event) write).getEventId());
    }
    return String.valueOf(((Write) write).id);
  }
}
