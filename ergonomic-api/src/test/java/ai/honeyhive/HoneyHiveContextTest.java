package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** The current scope follows work into executors, CompletableFuture stages and virtual threads. */
class HoneyHiveContextTest {
  private final InMemoryClient hh = new InMemoryClient();
  private final Session session = hh.session();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void tearDown() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Logs a tool span under the current scope, as code on a pool thread would, and returns its thread's name. */
  private static String searchInCurrentScope(String name) {
    EventScope scope = EventScope.current().orElseThrow(() -> new AssertionError("no scope on this thread"));
    return scope.tool(name).call(() -> {
      CurrentSpan.metadata(Map.of("thread", Thread.currentThread().getName()));
      return Thread.currentThread().getName();
    });
  }

  private String parentOf(String eventName) {
    return hh.event(eventName).getParentId();
  }

  private String idOf(String eventName) {
    return hh.event(eventName).getEventId();
  }

  @Test
  void tasksOfAWrappedPoolRunInTheScopeCurrentWhenTheyWereSubmitted() throws Exception {
    ExecutorService pool = HoneyHiveContext.wrap(threads);

    String thread = session.chain("answer").call(chain -> {
      Future<String> first = pool.submit(() -> searchInCurrentScope("search-1"));
      Future<?> second = pool.submit(() -> searchInCurrentScope("search-2"));
      second.get(10, TimeUnit.SECONDS);
      return first.get(10, TimeUnit.SECONDS);
    });

    assertThat(thread).isNotEqualTo(Thread.currentThread().getName());
    assertThat(parentOf("search-1")).isEqualTo(idOf("answer"));
    assertThat(parentOf("search-2")).isEqualTo(idOf("answer"));
    assertThat(hh.event("answer").getChildrenIds()).containsExactlyInAnyOrder(idOf("search-1"), idOf("search-2"));
  }

  @Test
  void withoutWrappingTheScopeStaysOnTheSubmittingThread() throws Exception {
    Optional<EventScope> seen = session.chain("answer").call(chain ->
        threads.submit(EventScope::current).get(10, TimeUnit.SECONDS));

    assertThat(seen).isEmpty();
  }

  @Test
  void aCompletableFutureChainKeepsItsScopeAndNestedSpansLandUnderTheRightParent() throws Exception {
    Executor pool = HoneyHiveContext.wrap((Executor) threads);

    String answer = session.chain("answer").call(chain ->
        CompletableFuture.supplyAsync(() -> searchInCurrentScope("retrieve"), pool)
            .thenApplyAsync(previous -> searchInCurrentScope("rerank"), pool)
            .thenComposeAsync(previous -> EventScope.current().orElseThrow().tool("generate")
                .call(span -> CompletableFuture.supplyAsync(() -> searchInCurrentScope("tokenize"), pool)
                    .thenApply(t -> "On its way")), pool)
            .get(10, TimeUnit.SECONDS));

    assertThat(answer).isEqualTo("On its way");
    assertThat(parentOf("retrieve")).isEqualTo(idOf("answer"));
    assertThat(parentOf("rerank")).isEqualTo(idOf("answer"));
    assertThat(parentOf("generate")).isEqualTo(idOf("answer"));
    assertThat(parentOf("tokenize")).isEqualTo(idOf("generate"));
    assertThat(hh.event("answer").getChildrenIds())
        .containsExactlyInAnyOrder(idOf("retrieve"), idOf("rerank"), idOf("generate"));
  }

  @Test
  void theWorkersOwnScopeIsPutBackAfterATaskEvenWhenItThrowsOrLeavesAScopeOpen() throws Exception {
    ExecutorService own = Executors.newSingleThreadExecutor();
    ExecutorService pool = HoneyHiveContext.wrap(own);
    try {
      Session leaked = hh.session();
      own.submit(() -> leaked.makeCurrent()).get(10, TimeUnit.SECONDS); // Left current on the worker, never closed.

      Optional<EventScope> submittedWithNone = pool.submit(EventScope::current).get(10, TimeUnit.SECONDS);
      Future<?> failing = session.chain("answer").call(chain -> pool.submit(() -> {
        assertThat(EventScope.current()).containsSame(chain);
        throw new IllegalStateException("boom");
      }));
      assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("boom");
      Optional<EventScope> afterAFailure = own.submit(EventScope::current).get(10, TimeUnit.SECONDS);
      session.chain("second").run(chain -> pool.submit(() -> {
        chain.tool("left-open").start().makeCurrent(); // Left current by the task: discarded after it.
      }).get(10, TimeUnit.SECONDS));
      Optional<EventScope> afterALeak = own.submit(EventScope::current).get(10, TimeUnit.SECONDS);

      assertThat(submittedWithNone).as("a task submitted with no scope runs with none").isEmpty();
      assertThat(afterAFailure).containsSame(leaked);
      assertThat(afterALeak).containsSame(leaked);
    } finally {
      own.shutdownNow();
    }
  }

  @Test
  void aWrappedRunnableOrCallableCarriesTheScopeCurrentWhenItWasWrapped() throws Exception {
    AtomicReference<Optional<EventScope>> seen = new AtomicReference<>();
    Runnable runnable;
    Callable<String> callable;
    try (Span chain = session.chain("answer").start(); CurrentScope current = chain.makeCurrent()) {
      runnable = HoneyHiveContext.wrap(() -> seen.set(EventScope.current()));
      callable = HoneyHiveContext.wrap(() -> searchInCurrentScope("search"));

      Thread thread = new Thread(runnable);
      thread.start();
      thread.join(10_000);
      assertThat(seen.get()).containsSame(chain);
    }
    assertThat(callable.call()).isEqualTo(Thread.currentThread().getName()); // Runs after the chain closed: still its.
    assertThat(EventScope.current()).isEmpty();
    assertThat(parentOf("search")).isEqualTo(idOf("answer"));
  }

  @Test
  void invokeAllAndInvokeAnyCarryTheScopeToo() throws Exception {
    ExecutorService pool = HoneyHiveContext.wrap(threads);

    session.chain("answer").run(chain -> {
      List<Future<String>> all = pool.invokeAll(List.of(() -> searchInCurrentScope("a"),
          () -> searchInCurrentScope("b")));
      for (Future<String> future : all) {
        future.get();
      }
      pool.invokeAny(List.of(() -> searchInCurrentScope("c")));
    });

    assertThat(List.of(parentOf("a"), parentOf("b"), parentOf("c"))).containsOnly(idOf("answer"));
  }

  @Test
  void theLifecycleIsTheWrappedExecutorsAndWrappingTwiceChangesNothing() throws InterruptedException {
    ExecutorService own = Executors.newSingleThreadExecutor();
    ExecutorService pool = HoneyHiveContext.wrap(own);

    assertThat(HoneyHiveContext.wrap(pool)).isSameAs(pool);
    assertThat(HoneyHiveContext.wrap((Executor) pool)).isSameAs(pool);
    Executor plain = HoneyHiveContext.wrap((Executor) own);
    assertThat(HoneyHiveContext.wrap(plain)).isSameAs(plain);
    pool.shutdown();
    assertThat(own.isShutdown()).isTrue();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.isTerminated()).isTrue();
  }

  @Test
  void nullArgumentsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> HoneyHiveContext.wrap((Executor) null)).hasMessage("executor == null");
    assertThatThrownBy(() -> HoneyHiveContext.wrap((ExecutorService) null)).hasMessage("executor == null");
    assertThatThrownBy(() -> HoneyHiveContext.wrap((Runnable) null)).hasMessage("task == null");
    assertThatThrownBy(() -> HoneyHiveContext.wrap((Callable<?>) null)).hasMessage("task == null");
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void virtualThreadsRunInTheScopeTheirTaskWasSubmittedIn() throws Exception {
    ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
        .invoke(null);
    ExecutorService pool = HoneyHiveContext.wrap(virtual);
    Method isVirtual = Thread.class.getMethod("isVirtual");
    List<Object> ranOnVirtualThreads = new CopyOnWriteArrayList<>();
    CountDownLatch bothStarted = new CountDownLatch(2);
    try {
      session.chain("answer").run(chain -> {
        List<Future<String>> results = pool.invokeAll(List.of(
            () -> {
              ranOnVirtualThreads.add(isVirtual.invoke(Thread.currentThread()));
              bothStarted.countDown();
              bothStarted.await(10, TimeUnit.SECONDS);
              return searchInCurrentScope("v1");
            },
            () -> {
              ranOnVirtualThreads.add(isVirtual.invoke(Thread.currentThread()));
              bothStarted.countDown();
              bothStarted.await(10, TimeUnit.SECONDS);
              return CompletableFuture.supplyAsync(() -> searchInCurrentScope("v2"), pool).get();
            }));
        for (Future<String> result : results) {
          result.get();
        }
      });
    } finally {
      pool.shutdown();
    }

    assertThat(ranOnVirtualThreads).containsExactly(true, true);
    assertThat(List.of(parentOf("v1"), parentOf("v2"))).containsOnly(idOf("answer"));
  }
}
