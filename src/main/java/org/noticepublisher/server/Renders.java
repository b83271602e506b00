package org.noticepublisher.server;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;

/**
 * Verified notices, made on a bounded pool and cached by what they were made from. The key holds
 * the hash of every source the notice reads; output is reproducible, so a hit is exactly what a new
 * render would give, and an edit makes a new key. Requests for a notice being made share the one
 * render. Past the pool and its small queue, {@link Busy} (the service answers 503). Checks and
 * publications render on the same pool, one notice at a time, waiting for a place rather than being
 * refused: at most {@code threads} notices are rendered at once, whoever asks.
 */
final class Renders implements AutoCloseable {
  /** No thread or queue place is free; try again after {@code retryAfterSeconds}. */
  static final class Busy extends RuntimeException {
    Busy() {
      super("every render thread is busy and the queue is full");
    }
  }

  record Key(NoticeId id, Layout layout, String sources) {}

  /**
   * Caffeine logs every failed asynchronous load with its whole stack on the JVM's logger (a
   * thousand lines for a stack overflow); the service logs each failure once, beside the request or
   * job it belongs to. Held here: the logging framework keeps only weak references to configured
   * loggers.
   */
  private static final java.util.logging.Logger CACHE_LOAD_WARNINGS =
      java.util.logging.Logger.getLogger("com.github.benmanes.caffeine.cache.LocalAsyncCache");

  static {
    CACHE_LOAD_WARNINGS.setLevel(java.util.logging.Level.OFF);
  }

  /**
   * A render that threw (a bug or a resource limit, not bad content: the verdict reports that). The
   * message names the notice for the log; pages show none of it.
   */
  static final class Failed extends RuntimeException {
    Failed(Key key, @Nullable Throwable cause) {
      super("rendering " + key.id() + " (" + key.layout().label() + ") threw", cause);
    }
  }

  private final ThreadPoolExecutor pool;
  private final AsyncCache<Key, Publication> cache;
  private final Duration timeout;
  private final AtomicInteger renders = new AtomicInteger();
  private final AtomicInteger rendering = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  /**
   * Runs on the render thread before each render; nothing, unless the service's own tests make it
   * throw as a bug would, to see such a failure logged, answered with a 500 and not cached. (No
   * known content makes a render throw: the pipeline refuses it with findings first.)
   */
  private volatile Runnable beforeEachRender = () -> {};

  Renders(int threads, int queue, Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            queue == 0
                ? new java.util.concurrent.SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "render-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    // PDFs are a few hundred kB; 64 notices × layouts stay well inside a small heap.
    this.cache = Caffeine.newBuilder().maximumSize(64).buildAsync();
    this.timeout = timeout;
  }

  /** The verified notice, from the cache or rendered now; {@link Busy} when the pool is full. */
  Publication get(Pipeline pipeline, Key key) {
    CompletableFuture<Publication> future;
    try {
      future = submit(pipeline, key);
    } catch (RejectedExecutionException e) {
      // Nothing is cached for a rejected render: the next request tries again.
      throw new Busy();
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new Busy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RejectedExecutionException) {
        throw new Busy();
      }
      throw new Failed(key, e.getCause());
    }
  }

  /**
   * The verified notice, from the cache or rendered on the pool once a place is free: for checks
   * and publications, which wait instead of being refused, and do not time out.
   *
   * @throws Failed when the render threw; the entry is not kept, so a later call renders again
   */
  Publication getWaiting(Pipeline pipeline, Key key) throws InterruptedException {
    CompletableFuture<Publication> future;
    while (true) {
      try {
        future = submit(pipeline, key);
        break;
      } catch (RejectedExecutionException e) {
        Thread.sleep(100);
      }
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new Failed(key, e.getCause());
    }
  }

  /** A failed future is dropped by the cache, so nothing poisons the key. */
  private CompletableFuture<Publication> submit(Pipeline pipeline, Key key) {
    return cache.get(
        key,
        (k, executor) ->
            CompletableFuture.supplyAsync(
                () -> {
                  renders.incrementAndGet();
                  int now = rendering.incrementAndGet();
                  mostAtOnce.accumulateAndGet(now, Math::max);
                  try {
                    beforeEachRender.run();
                    return pipeline.produce(k.id(), k.layout());
                  } finally {
                    rendering.decrementAndGet();
                  }
                },
                pool));
  }

  /** See {@link #beforeEachRender}: for tests of the service's failure paths. */
  void beforeEachRender(Runnable work) {
    this.beforeEachRender = Objects.requireNonNull(work, "work");
  }

  /** The cached result for exactly these sources, if one was made. */
  Optional<Publication> cached(Key key) {
    CompletableFuture<Publication> f = cache.getIfPresent(key);
    return f != null && f.isDone() && !f.isCompletedExceptionally()
        ? Optional.of(f.join())
        : Optional.empty();
  }

  int active() {
    return pool.getActiveCount();
  }

  int queued() {
    return pool.getQueue().size();
  }

  long cachedCount() {
    return cache.synchronous().estimatedSize();
  }

  /** The most renders that ran at the same time since start (never above the pool's threads). */
  int mostAtOnce() {
    return mostAtOnce.get();
  }

  /** How many renders ran since start (cache misses). */
  int rendered() {
    return renders.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
