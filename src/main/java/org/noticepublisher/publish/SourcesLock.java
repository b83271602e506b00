package org.noticepublisher.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The project's sources ({@code locales/}, {@code templates/}) held by one writer at a time, across
 * processes and threads: the service's saves and the snapshot a publication renders from, and the
 * CLI's {@code xliff import} and {@code lint --accept}. Without it a CLI import and a save from the
 * web could interleave their bundle and basis writes, or a publication could copy half of a save.
 * The lock file, {@value #FILE} in the project folder, says who holds it.
 */
public final class SourcesLock implements AutoCloseable {
  /** The lock file's name in the project folder (kept out of git by the project's .gitignore). */
  public static final String FILE = ".sources.lock";

  /** Another writer kept the sources longer than this one would wait. */
  public static final class BusyException extends IOException {
    private final String holder;

    BusyException(String holder, String message) {
      super(message);
      this.holder = holder;
    }

    /** Who holds the lock ("xliff import of pl.xlf started by PID 42 at …"). */
    public String holder() {
      return holder;
    }
  }

  private final FolderLock lock;

  private SourcesLock(FolderLock lock) {
    this.lock = lock;
  }

  /**
   * Takes the lock on the sources of {@code project}, waiting up to {@code wait} while another
   * writer holds it.
   *
   * @param purpose who takes it, shown to whoever waits ("xliff import of pl.xlf")
   * @param waiting told once, in a sentence, when someone else holds the lock
   * @throws BusyException when the lock is still held after {@code wait}
   * @throws IOException when the project folder has no room for the lock file
   */
  public static SourcesLock acquire(
      Path project, String purpose, Duration wait, Consumer<String> waiting) throws IOException {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(wait, "wait");
    Objects.requireNonNull(waiting, "waiting");
    if (!Files.isDirectory(project)) {
      throw new IllegalArgumentException("project is not a folder: " + project);
    }
    return new SourcesLock(
        FolderLock.acquire(
            project.resolve(FILE),
            purpose,
            wait,
            waiting,
            holder ->
                new BusyException(
                    holder,
                    "The project's sources are in use by the "
                        + holder
                        + "; gave up after waiting "
                        + wait.toSeconds()
                        + " s (try again when it has finished,"
                        + " or wait longer with --wait SECONDS).")));
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }
}
