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
import java.util.function.Consumer;

/**
 * An exclusive lock on a lock file, held by one publishing session at a time across processes
 * ({@link FileChannel#tryLock}) and across threads of one process (the JVM reports a lock it
 * already holds as overlapping). The holder writes who it is into the file, so a waiting session
 * can say whom it waits for. The operating system releases the lock when the holder dies, even by
 * SIGKILL.
 */
final class FolderLock implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
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
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      boolean told = false;
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          byte[] me = (purpose + " started by PID " + ProcessHandle.current().pid() + " at "
              + WHEN.format(ZonedDateTime.now(ZoneOffset.UTC))).getBytes(StandardCharsets.UTF_8);
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(me), 0);
          return new FolderLock(channel, lock);
        }
        String holder = holder(file);
        if (System.nanoTime() - deadline >= 0) {
          throw new OutputBusyException("The output folder is in use by the " + holder
              + "; gave up after waiting " + wait.toSeconds() + " s (try again when it has"
              + " finished, or wait longer with --wait SECONDS).");
        }
        if (!told) {
          waiting.accept("waiting for the " + holder + " to finish (up to " + wait.toSeconds()
              + " s) …");
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
      channel.close();
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another session of this JVM
    }
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "publishing session that is just starting" : text;
    } catch (IOException e) {
      return "publishing session holding " + file;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
