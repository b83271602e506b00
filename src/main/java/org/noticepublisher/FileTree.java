package org.noticepublisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Deleting a folder with everything in it: the one walk every temporary and old folder goes by. */
public final class FileTree {
  private FileTree() {}

  /**
   * Deletes {@code root} and everything under it; nothing there is fine, and so is something
   * vanishing while the walk runs (another deleter at work in it). Links are deleted, never
   * followed.
   *
   * @throws IOException when something in it cannot be deleted
   */
  public static void delete(Path root) throws IOException {
    // A folder deleted by someone else under this walk ends it with NoSuchFileException; what is
    // left is walked again. A tree cannot keep vanishing for ever, but a bound keeps this honest.
    for (int attempt = 1; ; attempt++) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          try {
            Files.deleteIfExists(p);
          } catch (DirectoryNotEmptyException e) {
            throw new IOException("could not delete " + root, e);
          }
        }
        return;
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == 10) {
          throw e.getCause();
        }
      }
    }
  }

  /**
   * The same for a temporary folder whose leftovers only take room: a failure is ignored, and a
   * null folder (never created) is nothing to do.
   */
  public static void deleteQuietly(@Nullable Path root) {
    if (root == null) {
      return;
    }
    try {
      delete(root);
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary folder is harmless; the caller's result matters more.
    }
  }
}
