package org.noticepublisher;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
  /**
   * The service deletes its folder of job copies when it stops while a finishing job deletes its
   * own copy inside it: each walk finds folders vanish under it, which is no reason to fail.
   */
  @Test
  void deletesATreeThatAnotherDeleterIsEmptyingAtTheSameTime(@TempDir Path dir) throws Exception {
    for (int round = 0; round < 100; round++) {
      Path root = dir.resolve("copies-" + round);
      for (int job = 0; job < 8; job++) {
        Path folder = root.resolve("job-" + job);
        for (int d = 0; d < 6; d++) {
          folder = folder.resolve("d" + d);
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("bundle.properties"), "k = v\n");
      }
      CompletableFuture<Void> other =
          CompletableFuture.runAsync(
              () -> {
                for (int job = 0; job < 8; job++) {
                  FileTree.deleteQuietly(root.resolve("job-" + job));
                }
              });
      FileTree.delete(root);
      other.join();
      assertFalse(Files.exists(root), "round " + round);
    }
  }
}
