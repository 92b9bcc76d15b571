package ai.honeyhive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An executor service whose tasks run in the scope current when they were submitted; made by
 * {@link HoneyHiveContext#wrap(ExecutorService)}. The lifecycle is the delegate's.
 */
final class ScopedExecutorService implements ExecutorService {
  private final ExecutorService delegate;

  ScopedExecutorService(ExecutorService delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    delegate.execute(HoneyHiveContext.wrap(CurrentScope.get(), Checks.notNull("task", task)));
  }

  @Override
  public Future<?> submit(Runnable task) {
    return delegate.submit(HoneyHiveContext.wrap(CurrentScope.get(), Checks.notNull("task", task)));
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    return delegate.submit(HoneyHiveContext.wrap(CurrentScope.get(), Checks.notNull("task", task)), result);
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return delegate.submit(HoneyHiveContext.wrap(CurrentScope.get(), Checks.notNull("task", task)));
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
    return delegate.invokeAll(wrapAll(tasks));
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    return delegate.invokeAll(wrapAll(tasks), timeout, unit);
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
    return delegate.invokeAny(wrapAll(tasks));
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return delegate.invokeAny(wrapAll(tasks), timeout, unit);
  }

  private static <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
    EventScope scope = CurrentScope.get();
    List<Callable<T>> wrapped = new ArrayList<>(Checks.notNull("tasks", tasks).size());
    for (Callable<T> task : tasks) {
      wrapped.add(HoneyHiveContext.wrap(scope, Checks.notNull("task", task)));
    }
    return wrapped;
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }

  @Override
  public String toString() {
    return "HoneyHiveContext.wrap(" + delegate + ")";
  }
}
