package ai.honeyhive;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An append-only list of ids that many threads add to without a lock: the children of a session, to which every
 * thread of a service may log at once. An add claims an index with one atomic increment and stores the id in a chunk;
 * chunks double in size (16, 32, 64, ... slots), so a session with few children holds little memory and one with
 * millions needs no copying. Reads take a snapshot.
 */
final class IdList {
  private static final int FIRST_CHUNK = 16;
  private static final int MAX_CHUNKS = 13;
  /**
   * The most ids a list keeps: 131,056, about 6 MB of UUIDs, and a {@code children_ids} of 4.8 MB of JSON; more would
   * only make the parent's final request too large to be accepted. Children past it still name their parent in
   * {@code parent_id}, which is how HoneyHive builds the tree.
   */
  static final int MAX_IDS = FIRST_CHUNK * ((1 << MAX_CHUNKS) - 1);

  private final AtomicLong size = new AtomicLong();
  private final AtomicReferenceArray<AtomicReferenceArray<UUID>> chunks = new AtomicReferenceArray<>(MAX_CHUNKS);

  /**
   * Adds {@code id}, unless the list holds {@link #MAX_IDS} already.
   *
   * @return true when this add was the first one refused: the caller warns once
   */
  boolean add(UUID id) {
    long index = size.getAndIncrement();
    int chunk = chunkOf(index);
    if (chunk >= MAX_CHUNKS) {
      return index == MAX_IDS;
    }
    chunk(chunk).set((int) (index - startOf(chunk)), id);
    return false;
  }

  /**
   * Returns the ids added so far, in the order their adds claimed a place. An id whose add has claimed its place but
   * not yet stored it (a matter of nanoseconds) is waited for briefly, then left out.
   */
  List<UUID> snapshot() {
    long count = size.get();
    List<UUID> result = new ArrayList<>((int) Math.min(count, Integer.MAX_VALUE - 8));
    for (long index = 0; index < count; index++) {
      int chunk = chunkOf(index);
      if (chunk >= MAX_CHUNKS) {
        break;
      }
      AtomicReferenceArray<UUID> slots = chunk(chunk);
      int slot = (int) (index - startOf(chunk));
      UUID id = slots.get(slot);
      for (int spins = 0; id == null && spins < 10_000; spins++) {
        Thread.onSpinWait();
        id = slots.get(slot);
      }
      if (id != null) {
        result.add(id);
      }
    }
    return result;
  }

  boolean isEmpty() {
    return size.get() == 0;
  }

  private AtomicReferenceArray<UUID> chunk(int chunk) {
    AtomicReferenceArray<UUID> slots = chunks.get(chunk);
    if (slots == null) {
      AtomicReferenceArray<UUID> created = new AtomicReferenceArray<>(FIRST_CHUNK << chunk);
      slots = chunks.compareAndExchange(chunk, null, created);
      if (slots == null) {
        slots = created;
      }
    }
    return slots;
  }

  /** Chunk k holds indexes from 16 (2^k - 1) up to 16 (2^(k+1) - 1), exclusive. */
  private static int chunkOf(long index) {
    return 63 - Long.numberOfLeadingZeros(index / FIRST_CHUNK + 1);
  }

  private static long startOf(int chunk) {
    return (long) FIRST_CHUNK * ((1L << chunk) - 1);
  }
}
