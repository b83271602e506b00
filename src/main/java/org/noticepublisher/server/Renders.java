package org.noticepublisher.server;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.noticepublisher.NoticeId;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.assemble.Layout;

/**
 * Verified notices, made on a bounded pool and cached by what they were made from. The key holds
 * the hash of every source the notice reads; output is reproducible, so a hit is exactly what a
 * new render would give, and an edit makes a new key. Requests for a notice being made share the one
 * render. Past the pool and its small queue, {@link Busy} (the service answers 503).
 */
final class Renders implements AutoCloseable {
  /** No thread or queue place is free; try again after {@code retryAfterSeconds}. */
  static final class Busy extends RuntimeException {
    Busy() {
      super("every render thread is busy and the queue is full");
    }
  }

  record Key(NoticeId id, Layout layout, String sources) {}

  private final ThreadPoolExecutor pool;
  private final AsyncCache<Key, Publication> cache;
  private final Duration timeout;
  private final AtomicInteger renders = new AtomicInteger();

  Renders(int threads, int queue, Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        queue == 0 ? new java.util.concurrent.SynchronousQueue<>()
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
      future = cache.get(key, (k, executor) -> CompletableFuture.supplyAsync(() -> {
        renders.incrementAndGet();
        return pipeline.produce(k.id(), k.layout());
      }, pool));
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
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Renders in the caller's thread (publishing has its own single thread) and caches the result. */
  Publication getHere(Pipeline pipeline, Key key) {
    CompletableFuture<Publication> mine = new CompletableFuture<>();
    CompletableFuture<Publication> shared = cache.get(key, (k, executor) -> mine);
    if (shared == mine) {
      try {
        renders.incrementAndGet();
        mine.complete(pipeline.produce(key.id(), key.layout()));
      } catch (RuntimeException | Error e) {
        // Completed either way: an unfinished entry would block every later request for it.
        mine.completeExceptionally(e);
        if (e instanceof Error err) {
          throw err;
        }
      }
    }
    try {
      return shared.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** The cached result for exactly these sources, if one was made. */
  Optional<Publication> cached(Key key) {
    CompletableFuture<Publication> f = cache.getIfPresent(key);
    return f != null && f.isDone() && !f.isCompletedExceptionally()
        ? Optional.of(f.join()) : Optional.empty();
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

  /** How many renders ran since start (cache misses). */
  int rendered() {
    return renders.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
