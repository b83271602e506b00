package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticepublisher.Cli;

/** Every command that reads the sources refuses a folder without them: exit 1, and says why. */
class BrokenSourcesTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"render", "lint", "bench", "serve"})
  void aFolderWithoutSourcesFailsWithTheProblemNamed(String command, @TempDir Path empty) {
    Cli r = Cli.run(command, "-p", empty.toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(
        r.err().startsWith("The notice sources have problems; nothing was rendered:"), r.err());
    assertTrue(
        r.err().contains("no templates directory") && r.err().contains("--project"), r.err());
  }
}
