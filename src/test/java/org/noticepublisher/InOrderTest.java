package org.noticepublisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Results come back in task order, however the tasks interleave, and only a few run ahead. */
class InOrderTest {
  @Test
  void resultsArriveInTaskOrderEvenWhenALaterTaskFinishesFirst() {
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Callable<String>> tasks =
        List.of(
            () -> secondDone.await(30, TimeUnit.SECONDS) ? "first" : "first, alone",
            () -> {
              secondDone.countDown();
              return "second";
            },
            () -> "third");
    List<String> got = new ArrayList<>();
    InOrder.run(tasks, 2, (i, r) -> got.add(i + " " + r));
    assertEquals(
        List.of("0 first", "1 second", "2 third"),
        got,
        "the first task waited for the second, so they ran at once; order kept");
  }

  @Test
  void onlyTwiceTheThreadsRunAheadOfTheResultBeingHandedBack() {
    AtomicInteger started = new AtomicInteger();
    List<Callable<Integer>> tasks =
        IntStream.range(0, 40)
            .<Callable<Integer>>mapToObj(
                i ->
                    () -> {
                      started.incrementAndGet();
                      return i;
                    })
            .toList();
    List<Integer> ahead = new ArrayList<>();
    InOrder.run(
        tasks,
        3,
        (i, r) -> {
          assertEquals(i, r);
          ahead.add(started.get() - i);
        });
    assertTrue(ahead.stream().allMatch(n -> n <= 6), "at most 2 × 3 tasks started ahead: " + ahead);
  }

  @Test
  void aFailingTaskFailsTheRunWithItsOwnException() {
    List<Callable<String>> tasks =
        List.of(
            () -> "ok",
            () -> {
              throw new IllegalStateException("broken notice");
            });
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> InOrder.run(tasks, 2, (i, r) -> {}));
    assertEquals("broken notice", e.getMessage());
  }

  @Test
  void oneThreadRunsOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    List<Callable<Thread>> tasks = List.of(Thread::currentThread, Thread::currentThread);
    InOrder.run(tasks, 1, (i, t) -> assertEquals(caller, t));
    assertThrows(IllegalArgumentException.class, () -> InOrder.run(tasks, 0, (i, t) -> {}));
  }
}
