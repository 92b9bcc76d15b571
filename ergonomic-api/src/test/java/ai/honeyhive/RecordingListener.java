package ai.honeyhive;

import ai.honeyhive.errors.HoneyHiveException;
import java.util.ArrayList;
import java.util.List;

/** A {@link DeliveryListener} that records what it hears, for tests. Thread-safe. */
final class RecordingListener implements DeliveryListener {
  /** One {@link #onFailed} call. */
  record Failure(List<String> ids, HoneyHiveException cause, String thread) {}

  /** One {@link #onDropped} call. */
  record Drop(List<String> ids, DropReason reason) {}

  private final List<Failure> failures = new ArrayList<>();
  private final List<Drop> drops = new ArrayList<>();

  @Override
  public synchronized void onFailed(List<String> ids, HoneyHiveException cause) {
    failures.add(new Failure(List.copyOf(ids), cause, Thread.currentThread().getName()));
  }

  @Override
  public synchronized void onDropped(List<String> ids, DropReason reason) {
    drops.add(new Drop(List.copyOf(ids), reason));
  }

  synchronized List<Failure> failures() {
    return List.copyOf(failures);
  }

  /** Returns the ids of every failed write, in the order they were reported. */
  synchronized List<String> failedIds() {
    List<String> ids = new ArrayList<>();
    failures.forEach(failure -> ids.addAll(failure.ids()));
    return ids;
  }

  synchronized List<Drop> drops() {
    return List.copyOf(drops);
  }

  /** Returns the ids of every dropped write with {@code reason}, in the order they were reported. */
  synchronized List<String> droppedIds(DropReason reason) {
    List<String> ids = new ArrayList<>();
    drops.stream().filter(drop -> drop.reason() == reason).forEach(drop -> ids.addAll(drop.ids()));
    return ids;
  }
}
