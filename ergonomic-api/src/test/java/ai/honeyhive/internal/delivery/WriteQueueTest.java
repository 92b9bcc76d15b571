package ai.honeyhive.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriteQueueTest {
  @Test
  void holdsAtMostItsCapacityInOrder() {
    WriteQueue queue = new WriteQueue(3, Long.MAX_VALUE);

    assertThat(queue.offer("a", 1)).isEqualTo(0);
    assertThat(queue.offer("b", 1)).isEqualTo(1);
    assertThat(queue.offer("c", 1)).isEqualTo(2);
    assertThat(queue.offer("d", 1)).isEqualTo(-1);

    long[] out = new long[2];
    assertThat(queue.poll(out)).isEqualTo("a");
    assertThat(out).containsExactly(1, 0);
    assertThat(queue.offer("d", 1)).isEqualTo(3);
    assertThat(List.of(queue.poll(null), queue.poll(null), queue.poll(null))).containsExactly("b", "c", "d");
    assertThat(queue.poll(null)).isNull();
    assertThat(queue.tail()).isEqualTo(4);
    assertThat(queue.head()).isEqualTo(4);
  }

  @Test
  void boundsTheSumOfTheSizeEstimates() {
    WriteQueue queue = new WriteQueue(100, 1_000);

    assertThat(queue.offer("a", 600)).isNotNegative();
    assertThat(queue.offer("b", 500)).isEqualTo(-1);
    assertThat(queue.offer("c", 400)).isNotNegative();
    assertThat(queue.bytes()).isEqualTo(1_000);
    queue.poll(null);
    assertThat(queue.bytes()).isEqualTo(400);
    assertThat(queue.offer("b", 500)).isNotNegative();
  }

  @Test
  void acceptsOneOversizedItemIntoAnEmptyQueue() {
    WriteQueue queue = new WriteQueue(10, 1_000);

    assertThat(queue.offer("huge", 5_000)).isNotNegative();
    assertThat(queue.offer("small", 1)).isEqualTo(-1);
    assertThat(queue.poll(null)).isEqualTo("huge");
    assertThat(queue.bytes()).isZero();
  }

  @Test
  void manyProducersAndConsumersPassEveryItemExactlyOnce() throws InterruptedException {
    WriteQueue queue = new WriteQueue(64, 64 * 10);
    int producers = 4;
    int perProducer = 50_000;
    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicInteger[] seen = new AtomicInteger[producers * perProducer];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = new AtomicInteger();
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int base = p * perProducer;
      threads.add(new Thread(() -> {
        await(start);
        for (int i = 0; i < perProducer; i++) {
          Integer item = base + i;
          while (queue.offer(item, 10) < 0) {
            Thread.onSpinWait();
          }
        }
      }));
    }
    List<Thread> consumers = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      consumers.add(new Thread(() -> {
        await(start);
        while (producing.get() || queue.size() > 0) {
          Object item = queue.poll(null);
          if (item != null) {
            seen[(Integer) item].incrementAndGet();
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    consumers.forEach(Thread::start);
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    producing.set(false);
    for (Thread consumer : consumers) {
      consumer.join();
    }

    for (AtomicInteger count : seen) {
      assertThat(count.get()).isEqualTo(1);
    }
    assertThat(queue.bytes()).isZero();
    assertThat(queue.size()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
