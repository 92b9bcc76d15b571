package ai.honeyhive;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The entries of one free-form field of an event draft ({@code inputs}, {@code metadata}, ...): an insertion-ordered
 * map of string keys kept in a single array of alternating keys and values.
 *
 * <p>Why not {@link java.util.LinkedHashMap}: an event's maps are built on the caller's thread and read once, by an
 * exporter on another core, when the batch is written. A {@code LinkedHashMap} of seven entries is a table and seven
 * nodes, each a separate object to allocate and later to fetch from the other core's cache; here it is one array,
 * two or three cache lines. Lookups scan the keys while there are at most {@value #SCAN_LIMIT} entries, and use a
 * hash index beyond.
 *
 * <p>Keys are never null (the draft rejects them before). Entries cannot be removed: a draft only adds and replaces.
 * Not thread-safe.
 */
final class FieldMap extends AbstractMap<String, Object> {
  /** Up to this many entries a lookup compares the keys in turn; more build {@link #index}. */
  static final int SCAN_LIMIT = 8;

  /** Key 0, value 0, key 1, value 1, ...; the first {@code 2 * size} slots are used. */
  private Object[] entries;
  private int size;
  /** Where each key is, once there are more than {@link #SCAN_LIMIT} entries. */
  private HashMap<String, Integer> index;
  private Set<Entry<String, Object>> entrySet;

  FieldMap() {
    entries = new Object[8];
  }

  /** A copy of {@code other}: its arrays copied, no key looked up again (every span's start copies its builder's). */
  FieldMap(FieldMap other) {
    entries = Arrays.copyOf(other.entries, Math.max(8, 2 * other.size));
    size = other.size;
    index = other.index == null ? null : new HashMap<>(other.index);
  }

  /** A copy of {@code map}, in its iteration order. */
  FieldMap(Map<String, ?> map) {
    entries = new Object[Math.max(8, 2 * map.size())];
    map.forEach(this::put);
  }

  /** Makes room for {@code entries} entries in all, so that adding up to that many does not grow the array. */
  void ensureCapacity(int entries) {
    if (2 * entries > this.entries.length) {
      this.entries = Arrays.copyOf(this.entries, 2 * entries);
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return slotOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int slot = slotOf(key);
    return slot < 0 ? null : entries[slot + 1];
  }

  /** Adds or replaces the entry of {@code key}; a new key goes last, a replaced one keeps its place. */
  @Override
  public Object put(String key, Object value) {
    Objects.requireNonNull(key, "key");
    int slot = slotOf(key);
    if (slot >= 0) {
      Object replaced = entries[slot + 1];
      entries[slot + 1] = value;
      return replaced;
    }
    slot = 2 * size;
    if (slot == entries.length) {
      entries = Arrays.copyOf(entries, 2 * entries.length);
    }
    entries[slot] = key;
    entries[slot + 1] = value;
    size++;
    if (index != null) {
      index.put(key, slot);
    } else if (size > SCAN_LIMIT) {
      index = new HashMap<>();
      for (int i = 0; i < size; i++) {
        index.put((String) entries[2 * i], 2 * i);
      }
    }
    return null;
  }

  /** The slot of {@code key} in {@link #entries}, or -1. */
  private int slotOf(Object key) {
    if (index != null) {
      Integer slot = index.get(key);
      return slot == null ? -1 : slot;
    }
    if (key == null) {
      return -1;
    }
    int hash = key.hashCode();
    for (int slot = 0, end = 2 * size; slot < end; slot += 2) {
      Object candidate = entries[slot];
      if (candidate == key || (candidate.hashCode() == hash && candidate.equals(key))) {
        return slot;
      }
    }
    return -1;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    int expected = size;
    for (int slot = 0, end = 2 * size; slot < end; slot += 2) {
      action.accept((String) entries[slot], entries[slot + 1]);
    }
    if (size != expected) {
      throw new ConcurrentModificationException();
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> set = entrySet;
    if (set == null) {
      set = entrySet = new Entries();
    }
    return set;
  }

  /** A read-only view of the entries, in order. */
  private final class Entries extends AbstractSet<Entry<String, Object>> {
    @Override
    public int size() {
      return size;
    }

    @Override
    public Iterator<Entry<String, Object>> iterator() {
      return new Iterator<>() {
        private final int expected = size;
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Entry<String, Object> next() {
          if (size != expected) {
            throw new ConcurrentModificationException();
          }
          if (next >= size) {
            throw new NoSuchElementException();
          }
          int slot = 2 * next++;
          return new SimpleImmutableEntry<>((String) entries[slot], entries[slot + 1]);
        }
      };
    }
  }
}
