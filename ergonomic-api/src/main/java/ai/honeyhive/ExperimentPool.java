package ai.honeyhive;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an experiment's datapoints on {@code concurrency} daemon threads of its own, until all ended or the deadline
 * passed or the calling thread was interrupted (then the rest are cancelled: not started ones never run, running ones
 * are interrupted), and reports progress after each one. Owns its threads for one run: they are gone when it returns.
 */
final class ExperimentPool {
  private static final Logger log = LoggerFactory.getLogger(Experiment.class);

  private final int concurrency;
  private final Duration deadline;
  private final ExperimentListener listener;
  private final PrintStream progressLine;

  /** What the run of every datapoint came to. */
  record Outcome(List<DatapointResult> results, boolean cancelled, Duration duration) {}

  ExperimentPool(int concurrency, Duration deadline, ExperimentListener listener, boolean printProgress) {
    this.concurrency = concurrency;
    this.deadline = deadline;
    this.listener = listener;
    this.progressLine = printProgress ? System.err : null;
  }

  Outcome runAll(List<Datapoint> datapoints, Function<Datapoint, DatapointResult> run) {
    long started = System.nanoTime();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, datapoints.size()), task -> {
      Thread thread = new Thread(task, "honeyhive-experiment-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    Progress progress = new Progress(datapoints.size(), started);
    List<Future<DatapointResult>> futures = new ArrayList<>(datapoints.size());
    try {
      for (Datapoint datapoint : datapoints) {
        futures.add(pool.submit(() -> progress.ended(run.apply(datapoint))));
      }
      boolean cancelled = false;
      List<DatapointResult> results = new ArrayList<>(datapoints.size());
      for (int i = 0; i < futures.size(); i++) {
        DatapointResult result = cancelled ? null : await(futures.get(i), started);
        if (result == null) {
          cancelled = true;
          futures.get(i).cancel(true);
          result = notRun(datapoints.get(i), futures.get(i));
        }
        results.add(result);
      }
      progress.finish();
      return new Outcome(results, cancelled, Duration.ofNanos(System.nanoTime() - started));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits for one datapoint within the deadline; null when the deadline passed or this thread was interrupted. */
  private DatapointResult await(Future<DatapointResult> future, long started) {
    try {
      if (deadline == null) {
        return future.get();
      }
      long left = deadline.toNanos() - (System.nanoTime() - started);
      return future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | CancellationException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) { // the runner catches everything: only a bug gets here
      throw new IllegalStateException("a datapoint's run failed unexpectedly", e.getCause());
    }
  }

  /** The result of a datapoint cancelled: its own if it ended meanwhile, else one saying it never ran. */
  private static DatapointResult notRun(Datapoint datapoint, Future<DatapointResult> future) {
    if (future.isDone() && !future.isCancelled()) {
      try {
        return future.get();
      } catch (InterruptedException | ExecutionException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new DatapointResult(datapoint, null, null, Map.of(), "cancelled: the experiment's deadline passed or it"
        + " was interrupted before this datapoint ended", Duration.ZERO);
  }

  /** Counts ended datapoints and tells the listener and the progress line; one lock, held briefly. */
  private final class Progress {
    private final int total;
    private final long started;
    private int done;
    private int failed;

    Progress(int total, long started) {
      this.total = total;
      this.started = started;
    }

    DatapointResult ended(DatapointResult result) {
      ExperimentProgress now;
      synchronized (this) {
        done++;
        failed += result.succeeded() ? 0 : 1;
        now = new ExperimentProgress(done, failed, total, Duration.ofNanos(System.nanoTime() - started));
        if (progressLine != null) {
          progressLine.print("\r" + now + "   ");
          progressLine.flush();
        }
      }
      if (listener != null) {
        try {
          listener.onProgress(now);
        } catch (RuntimeException e) {
          log.warn("the experiment's listener threw; ignored: {}", e.toString());
        }
      }
      return result;
    }

    synchronized void finish() {
      if (progressLine != null && done > 0) {
        progressLine.println();
      }
    }
  }
}
