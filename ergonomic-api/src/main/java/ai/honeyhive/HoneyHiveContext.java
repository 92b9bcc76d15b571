package ai.honeyhive;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Carries the current scope ({@link EventScope#current()}) into work that runs on other threads: executor tasks,
 * {@code CompletableFuture} stages, virtual threads. The current scope is a thread-local, so without this a task
 * submitted inside a span runs with no scope: {@link CurrentSpan} finds no span there, and
 * {@link TracePropagation} injects no trace into its HTTP calls.
 *
 * <pre>{@code
 * ExecutorService pool = HoneyHiveContext.wrap(Executors.newFixedThreadPool(8));
 *
 * session.chain("answer").call(chain -> {
 *   CompletableFuture<List<Doc>> docs = CompletableFuture.supplyAsync(() -> search(q), pool); // in chain's scope
 *   CompletableFuture<Profile> user = CompletableFuture.supplyAsync(() -> profile(id), pool);
 *   return llm.answer(q, docs.join(), user.join());
 * });
 *
 * List<Doc> search(String q) {   // on a pool thread, still in the chain's scope
 *   return EventScope.current().orElseThrow().tool("vector-search").call(() -> index.search(q));
 * }
 * }</pre>
 *
 * <p>A wrapped executor captures the scope current on the thread that <em>submits</em> each task, when it submits
 * it, and makes it current on the thread that runs the task while the task runs; a wrapped {@link Runnable} or
 * {@link Callable} captures the scope current when it is wrapped. When no scope was current, the task runs with none,
 * even on a thread where another was left current. Afterwards the running thread's own current scope is put back,
 * whatever the task left current, and whether it returned or threw. A {@code CompletableFuture} stage given a wrapped
 * executor ({@code supplyAsync(supplier, pool)}, {@code thenApplyAsync(fn, pool)}) is a task submitted when its
 * previous stage completes, so a chain of such stages keeps the scope it started in.
 *
 * <p>Compare OpenTelemetry's {@code Context.taskWrapping(Executor)} and {@code Context.current().wrap(Runnable)}. The
 * wrappers hold no lock and cost a thread-local read at submission and two writes around the task; they work on
 * platform and virtual threads alike. Thread-safe.
 */
public final class HoneyHiveContext {
  private HoneyHiveContext() {}

  /**
   * Returns an executor that runs each task on {@code executor} in the scope current when the task was submitted.
   * Wrapping a wrapped executor returns it unchanged.
   *
   * @param executor the executor that runs the tasks
   * @return the wrapping executor; it rejects what {@code executor} rejects
   * @throws NullPointerException if {@code executor} is null
   */
  public static Executor wrap(Executor executor) {
    Checks.notNull("executor", executor);
    if (executor instanceof ScopedExecutor || executor instanceof ScopedExecutorService) {
      return executor;
    }
    return new ScopedExecutor(executor);
  }

  /**
   * Returns an executor service that runs each task on {@code executor} in the scope current when the task was
   * submitted ({@code execute}, {@code submit}, {@code invokeAll}, {@code invokeAny}). Its lifecycle methods
   * ({@code shutdown}, {@code awaitTermination}, ...) are {@code executor}'s. Wrapping a wrapped executor service
   * returns it unchanged.
   *
   * @param executor the executor service that runs the tasks
   * @return the wrapping executor service
   * @throws NullPointerException if {@code executor} is null
   */
  public static ExecutorService wrap(ExecutorService executor) {
    Checks.notNull("executor", executor);
    return executor instanceof ScopedExecutorService ? executor : new ScopedExecutorService(executor);
  }

  /**
   * Returns a task that runs {@code task} in the scope current now, on whatever thread runs it.
   *
   * @param task the task
   * @return the wrapping task
   * @throws NullPointerException if {@code task} is null
   */
  public static Runnable wrap(Runnable task) {
    return wrap(CurrentScope.get(), Checks.notNull("task", task));
  }

  /**
   * Returns a task that calls {@code task} in the scope current now, on whatever thread calls it.
   *
   * @param <T> the task's result type
   * @param task the task
   * @return the wrapping task, returning what {@code task} returns and throwing what it throws
   * @throws NullPointerException if {@code task} is null
   */
  public static <T> Callable<T> wrap(Callable<T> task) {
    return wrap(CurrentScope.get(), Checks.notNull("task", task));
  }

  /** Returns {@code task} run with {@code scope} (or none, when null) current. */
  static Runnable wrap(EventScope scope, Runnable task) {
    return () -> {
      CurrentScope.Entered entered = CurrentScope.enter(scope);
      try {
        task.run();
      } finally {
        entered.close();
      }
    };
  }

  /** Returns {@code task} called with {@code scope} (or none, when null) current. */
  static <T> Callable<T> wrap(EventScope scope, Callable<T> task) {
    return () -> {
      CurrentScope.Entered entered = CurrentScope.enter(scope);
      try {
        return task.call();
      } finally {
        entered.close();
      }
    };
  }

  /** An executor that runs each task in the scope current at its submission. */
  private static final class ScopedExecutor implements Executor {
    private final Executor delegate;

    ScopedExecutor(Executor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
      delegate.execute(wrap(CurrentScope.get(), Checks.notNull("task", task)));
    }

    @Override
    public String toString() {
      return "HoneyHiveContext.wrap(" + delegate + ")";
    }
  }
}
