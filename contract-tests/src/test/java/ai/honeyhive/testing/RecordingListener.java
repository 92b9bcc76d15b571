package ai.honeyhive.testing;

import ai.honeyhive.DeliveryListener;
import ai.honeyhive.DropReason;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A delivery listener for tests: keeps the ids reported failed and dropped. Thread-safe. */
public final class RecordingListener implements DeliveryListener {
  /** The ids reported failed. */
  public final Set<String> failed = ConcurrentHashMap.newKeySet();
  /** The ids reported dropped. */
  public final Set<String> dropped = ConcurrentHashMap.newKeySet();

  @Override
  public void onFailed(List<String> ids, HoneyHiveException cause) {
    failed.addAll(ids);
  }

  @Override
  public void onDropped(List<String> ids, DropReason reason) {
    dropped.addAll(ids);
  }
}
