package org.noticepublisher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources written by the tool keep the modes people gave them; secrets stay their owner's. */
class AtomicFileTest {
  @Test
  void aNewFileGetsTheUmasksModeAndAReplacedOneKeepsItsOwn(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("new.properties");
    Path reference = Files.createFile(dir.resolve("reference"));
    AtomicFile.write(plain, "a = b\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        Files.getPosixFilePermissions(reference),
        Files.getPosixFilePermissions(plain),
        "as any new file here, not a temporary file's 0600");

    Path shared = Files.writeString(dir.resolve("pl.properties"), "old\n");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
    AtomicFile.write(shared, "new\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("new\n", Files.readString(shared));
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
  }

  @Test
  void secretsAreReadableByTheirOwnerOnly(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.json");
    AtomicFile.writeOwnerOnly(users, "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }
}
