package ai.honeyhive.internal.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The delivery queue: a bounded, lock-free, multi-producer multi-consumer ring (Dmitry Vyukov's bounded MPMC queue)
 * that also bounds the summed size estimate of its items. Writers offer from any thread; the exporter polls, and so do
 * writers evicting the oldest item under {@link ai.honeyhive.QueueFullPolicy#DROP_OLDEST}. Neither side takes a lock or allocates:
 * each slot carries a sequence number that hands it from producer to consumer, and each item's size estimate sits in
 * a parallel array.
 *
 * <p>Items get consecutive positions, from 0, in the order their producers claimed them; items leave in position
 * order. {@link #tail()} is the number of positions claimed so far.
 */
public final class WriteQueue {
  private final int capacity;
  private final long maxBytes;
  private final Object[] items;
  private final long[] sizes;
  private final AtomicLongArray sequences;
  private final PaddedLong tail = new PaddedLong();
  private final PaddedLong head = new PaddedLong();
  private final PaddedLong bytes = new PaddedLong();

  public WriteQueue(int capacity, long maxBytes) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.items = new Object[capacity];
    this.sizes = new long[capacity];
    this.sequences = new AtomicLongArray(capacity);
    for (int i = 0; i < capacity; i++) {
      sequences.set(i, i);
    }
  }

  /**
   * Adds {@code item} unless the queue holds {@code capacity} items, or its size estimates would exceed
   * {@code maxBytes} (an item is always accepted into a queue that holds no bytes, however large).
   *
   * @return the item's position, or -1 when full
   */
  public long offer(Object item, long size) {
    long total = bytes.addAndGet(size);
    if (total > maxBytes && total != size) {
      bytes.addAndGet(-size);
      return -1;
    }
    long pos = tail.get();
    for (;;) {
      int index = (int) (pos % capacity);
      long dif = sequences.getAcquire(index) - pos;
      if (dif == 0) {
        long witness = tail.compareAndExchange(pos, pos + 1);
        if (witness == pos) {
          items[index] = item;
          sizes[index] = size;
          sequences.setRelease(index, pos + 1);
          return pos;
        }
        pos = witness;
      } else if (dif < 0) {
        bytes.addAndGet(-size);
        return -1;
      } else {
        pos = tail.get();
      }
    }
  }

  /**
   * Removes the oldest item. Returns null when there is none, or when the oldest position is claimed but its producer
   * has not yet stored the item (for nanoseconds).
   *
   * @param out if not null, receives the item's size estimate at index 0 and its position at index 1
   */
  public Object poll(long[] out) {
    long pos = head.get();
    for (;;) {
      int index = (int) (pos % capacity);
      long dif = sequences.getAcquire(index) - (pos + 1);
      if (dif == 0) {
        long witness = head.compareAndExchange(pos, pos + 1);
        if (witness == pos) {
          Object item = items[index];
          long size = sizes[index];
          items[index] = null;
          sequences.setRelease(index, pos + capacity);
          bytes.addAndGet(-size);
          if (out != null) {
            out[0] = size;
            out[1] = pos;
          }
          return item;
        }
        pos = witness;
      } else if (dif < 0) {
        return null;
      } else {
        pos = head.get();
      }
    }
  }

  /** Returns how many positions producers have claimed: the position the next item will get. */
  public long tail() {
    return tail.get();
  }

  /** Returns how many items have left the queue. */
  public long head() {
    return head.get();
  }

  /** Returns how many items are in the queue (claimed positions whose items may still be being stored included). */
  public int size() {
    long size = tail.get() - head.get();
    return (int) Math.max(0, Math.min(size, capacity));
  }

  /** Returns the summed size estimates of the items in the queue. */
  public long bytes() {
    return Math.max(0, bytes.get());
  }

  /**
   * An {@link AtomicLong} followed by enough padding that two of them never share a 64-byte cache line, so producers
   * claiming the tail do not slow down the consumer moving the head.
   */
  @SuppressWarnings({"unused", "serial"})
  private static final class PaddedLong extends AtomicLong {
    public long p1;
    public long p2;
    public long p3;
    public long p4;
    public long p5;
    public long p6;
    public long p7;
  }
}
