package org.noticepublisher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a few threads and hands their results back in the order the tasks were given, on
 * the calling thread: what a command prints and writes never depends on which task finished first.
 * Only {@code 2 × threads} tasks are started ahead of the one being handed back, so memory stays
 * bounded however many tasks there are.
 */
public final class InOrder {
  private InOrder() {}

  /** Receives each result, in task order, on the thread that called {@link #run}. */
  @FunctionalInterface
  public interface Sink<T, E extends Exception> {
    void accept(int index, T result) throws E;
  }

  /** The threads worth using on this machine: one per processor the JVM may use. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs every task, {@code threads} at a time, and gives each result to {@code sink} in order.
   * With one thread (or one task) everything runs on the calling thread.
   *
   * @throws E what the sink throws; the tasks not yet handed back are cancelled
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static <T, E extends Exception> void run(
      List<? extends Callable<T>> tasks, int threads, Sink<T, E> sink) throws E {
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(sink, "sink");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (threads == 1 || tasks.size() <= 1) {
      for (int i = 0; i < tasks.size(); i++) {
        sink.accept(i, call(tasks.get(i)));
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Named());
    Deque<Future<T>> started = new ArrayDeque<>();
    int next = 0;
    try {
      for (int i = 0; i < tasks.size(); i++) {
        while (next < tasks.size() && started.size() < 2 * threads) {
          started.add(pool.submit(tasks.get(next++)));
        }
        sink.accept(i, result(started.poll()));
      }
    } finally {
      started.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("task failed: " + e, e);
    }
  }

  private static <T> T result(Future<T> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("task failed: " + cause, cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Daemon threads with a recognisable name, so a stuck run shows what it was doing. */
  private static final class Named implements ThreadFactory {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int pool = POOLS.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "notice-worker-" + pool + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
