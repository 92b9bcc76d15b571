package ai.honeyhive.internal.delivery;

import ai.honeyhive.internal.http.Calls;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that send windows of events when more than one request may be in flight, so that the encoding and
 * sending of one batch overlaps another's (see {@link ai.honeyhive.HoneyHive.Builder#maxConcurrentExports}); the exporter then
 * only cuts the windows and hands them over. Each worker takes one window at a time from the exporter and reports its
 * end to {@link Ended}; it never decides what to send.
 *
 * <p>A worker counts as available only once its loop runs, so an executor that never runs the task (or rejects it)
 * leaves the exporter sending alone instead of waiting.
 */
public final class ExportWorkers {
  /** Told, on the worker's thread, that a handed-off window has ended. */
  public interface Ended {
    public void windowEnded(long sequence, long end);
  }

  private final Worker[] workers;
  private volatile boolean stopped;

  /**
   * Starts {@code count} workers (none for 0) on {@code executor}, or on daemon threads of their own when it is null.
   */
  public ExportWorkers(int count, BatchSender sender, Ended ended, Executor executor, String threadName) {
    workers = new Worker[count];
    for (int i = 0; i < count; i++) {
      Worker worker = new Worker(sender, ended);
      workers[i] = worker;
      if (executor == null) {
        Thread thread = new Thread(worker, threadName + "-" + (i + 2));
        thread.setDaemon(true);
        worker.thread = thread; // Available at once: a window handed over before it runs waits for it.
        thread.start();
      } else {
        try {
          executor.execute(worker);
        } catch (RejectedExecutionException e) {
          DeliveryCounters.log.warn("the executor rejected a HoneyHive export worker; sending with fewer: {}",
              e.getMessage());
        }
      }
    }
  }

  /**
   * Hands {@code window} to an idle worker.
   *
   * @return false, keeping the window, if no worker is idle
   */
  public boolean offer(List<Object> window, long sequence, long end) {
    for (Worker worker : workers) {
      if (worker.tryTake(window, sequence, end)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any worker's loop runs: one that never started (an executor that did not run it) takes no window. */
  public boolean anyRunning() {
    for (Worker worker : workers) {
      if (worker.thread != null) {
        return true;
      }
    }
    return false;
  }

  /** How many writes the workers are sending. */
  public int inFlight() {
    int sum = 0;
    for (Worker worker : workers) {
      List<Object> window = worker.window;
      sum += window == null ? 0 : window.size();
    }
    return sum;
  }

  /**
   * Waits until no worker is sending a window, at most {@code nanos}; returns whether they are all idle. With
   * {@code untilInterrupted}, an interrupt of the waiting thread (close abandoning the exporter) ends the wait too;
   * without, the interrupt is cleared and the wait goes on, so that what the workers send is counted before the
   * exporter reports that it stopped.
   */
  public boolean awaitIdle(long nanos, boolean untilInterrupted) {
    long deadline = System.nanoTime() + nanos;
    for (Worker worker : workers) {
      while (worker.window != null) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        if (Thread.interrupted() && untilInterrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(50));
      }
    }
    return true;
  }

  /** Whether {@code thread} is running a worker's loop. */
  public boolean owns(Thread thread) {
    for (Worker worker : workers) {
      if (worker.thread == thread) {
        return true;
      }
    }
    return false;
  }

  /** Cancels the requests the workers are making and interrupts them: the close deadline passed. */
  public void abandon(Calls calls) {
    for (Worker worker : workers) {
      Thread thread = worker.thread;
      if (thread != null && thread != Thread.currentThread()) {
        if (calls != null) {
          calls.cancelCallsOf(thread);
        }
        thread.interrupt();
      }
    }
  }

  /** Lets the workers' loops end once idle; the exporter calls this when it stops. */
  public void stop() {
    stopped = true;
    for (Worker worker : workers) {
      Thread thread = worker.thread;
      if (thread != null) {
        LockSupport.unpark(thread);
      }
    }
  }

  private final class Worker implements Runnable {
    private final BatchSender sender;
    private final Ended ended;
    /** The thread running this worker's loop, while it runs. */
    public volatile Thread thread;
    /** The window being sent, or null when idle. Set by the exporter, cleared by this worker. */
    public volatile List<Object> window;
    private long sequence;
    private long end;

    public Worker(BatchSender sender, Ended ended) {
      this.sender = sender;
      this.ended = ended;
    }

    /** Called by the exporter thread only, as are {@link #offer} and {@link #stop}: no offer races a stop. */
    public boolean tryTake(List<Object> offered, long offeredSequence, long offeredEnd) {
      Thread running = thread;
      if (running == null || window != null || stopped) {
        return false;
      }
      sequence = offeredSequence;
      end = offeredEnd;
      window = offered; // The volatile write publishes sequence and end.
      LockSupport.unpark(running);
      return true;
    }

    @Override
    public void run() {
      thread = Thread.currentThread();
      try {
        while (true) {
          List<Object> work = window;
          if (work == null) {
            if (stopped) {
              return;
            }
            LockSupport.park(this);
            Thread.interrupted(); // An interrupt matters while sending (close abandons the request), not here.
            continue;
          }
          long workSequence = sequence; // Published by the volatile read of window above.
          long workEnd = end;
          try {
            sender.send(work);
          } catch (Throwable t) {
            DeliveryCounters.log.error("a HoneyHive export worker failed sending a batch", t);
          } finally {
            window = null; // Idle first: the end wakes the exporter, which may look at the workers at once.
            ended.windowEnded(workSequence, workEnd);
          }
        }
      } finally {
        thread = null;
        Thread.interrupted(); // Leave a caller-supplied executor's thread as it was.
      }
    }
  }
}
