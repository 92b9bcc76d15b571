package ai.honeyhive.springai.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many observed calls have an open event, so that an application closing down can wait for the ones still
 * running (a stream's observations stop only after its last part has reached the caller).
 */
public final class OpenCalls {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition none = lock.newCondition();
  private int open;

  /** Counts a call whose event was opened. */
  public void opened() {
    lock.lock();
    try {
      open++;
    } finally {
      lock.unlock();
    }
  }

  /** Counts the end of a call {@link #opened} counted. */
  public void closed() {
    lock.lock();
    try {
      if (open > 0 && --open == 0) {
        none.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns how many calls are open now. */
  public int count() {
    lock.lock();
    try {
      return open;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no call is open, for at most {@code timeout}.
   *
   * @return whether none is open
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitNone(Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (open > 0) {
        if (left <= 0) {
          return false;
        }
        left = none.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
