package org.noticepublisher.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock on a lock file, held by one publishing session at a time across processes
 * ({@link FileChannel#tryLock}) and across threads of one process (a semaphore per lock file, taken
 * first). The order matters: the operating system's record locks belong to the whole process, and
 * closing <em>any</em> handle of the file releases them, so a second session of the same JVM must
 * not open the file while the first holds it. The holder writes who it is into the file, so a
 * waiting session can say whom it waits for. The operating system releases the lock when the holder
 * dies, even by SIGKILL.
 */
final class FolderLock implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

  /** One permit per lock file for all sessions of this JVM, and who holds it. */
  private static final Map<Path, Local> IN_THIS_JVM = new ConcurrentHashMap<>();

  private static final class Local {
    final Semaphore permit = new Semaphore(1);
    volatile String holder = "session that is just starting";
  }

  private final FileChannel channel;
  private final FileLock lock;
  private final Local local;
  private boolean closed;

  private FolderLock(FileChannel channel, FileLock lock, Local local) {
    this.channel = channel;
    this.lock = lock;
    this.local = local;
  }

  /**
   * Takes the lock, waiting up to {@code wait} while another session holds it.
   *
   * @param purpose what takes the lock, for the holder's description ("render")
   * @param waiting told once, in a sentence, when the lock is held by someone else
   * @throws OutputBusyException when the lock is still held after {@code wait}
   */
  static FolderLock acquire(Path file, String purpose, Duration wait, Consumer<String> waiting)
      throws IOException {
    return acquire(
        file,
        purpose,
        wait,
        waiting,
        holder ->
            new OutputBusyException(
                "The output folder is in use by the "
                    + holder
                    + "; gave up after waiting "
                    + wait.toSeconds()
                    + " s (try again when it has"
                    + " finished, or wait longer with --wait SECONDS)."));
  }

  /**
   * Takes the lock on {@code file}, waiting up to {@code wait}; past it, {@code busy} makes the
   * exception from the holder's description.
   */
  static FolderLock acquire(
      Path file,
      String purpose,
      Duration wait,
      Consumer<String> waiting,
      Function<String, ? extends IOException> busy)
      throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    Local local = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Local());
    try {
      if (!local.permit.tryAcquire()) {
        String holder = local.holder;
        waiting.accept(
            "waiting for the " + holder + " to finish (up to " + wait.toSeconds() + " s) …");
        if (!local.permit.tryAcquire(
            Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw busy.apply(holder);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the output folder");
    }
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      local.permit.release();
      throw e;
    }
    try {
      boolean told = false;
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          byte[] me =
              (purpose
                      + " started by PID "
                      + ProcessHandle.current().pid()
                      + " at "
                      + WHEN.format(ZonedDateTime.now(ZoneOffset.UTC)))
                  .getBytes(StandardCharsets.UTF_8);
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(me), 0);
          local.holder = new String(me, StandardCharsets.UTF_8);
          return new FolderLock(channel, lock, local);
        }
        String holder = holder(file);
        if (System.nanoTime() - deadline >= 0) {
          throw busy.apply(holder);
        }
        if (!told) {
          waiting.accept(
              "waiting for the " + holder + " to finish (up to " + wait.toSeconds() + " s) …");
          told = true;
        }
        try {
          Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the " + holder);
        }
      }
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } finally {
        local.permit.release();
      }
      throw e;
    }
  }

  private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Cannot happen while the semaphore is held; report it as "held" rather than fail.
      return null;
    }
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "session that is just starting" : text;
    } catch (IOException e) {
      return "session holding " + file;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } finally {
      try {
        channel.close();
      } finally {
        local.permit.release();
      }
    }
  }
}
