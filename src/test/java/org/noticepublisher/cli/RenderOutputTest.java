package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.PublishedOutput;
import org.noticepublisher.Sha256;
import org.noticepublisher.publish.Publisher;

/** The output folder as the render command finds it: unusable, busy, or with a broken manifest. */
class RenderOutputTest {
  private static Cli render(Path output, String... more) {
    String[] args = {
      "render",
      "-v",
      "standard",
      "-l",
      "en-GB",
      "--project",
      Fixtures.PROJECT.toString(),
      "--output",
      output.toString()
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  private static void assertNothingRendered(Cli r) {
    assertFalse(r.out().contains("[1/1]"), "nothing is rendered:\n" + r.printed());
  }

  @Test
  void aFolderUnderAFileIsRefusedBeforeRendering(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
    Path output = file.resolve("output");
    Cli r = render(output);
    assertEquals(2, r.code(), r.printed());
    assertEquals(
        "error: Cannot publish to " + output + ": " + file + " is a file, not a folder.\n",
        r.err().replaceAll("(?s).*(error: )", "$1"));
    assertFalse(r.err().contains("Exception"), r.err());
    assertNothingRendered(r);
  }

  @Test
  void anOutputThatIsAFileIsRefusedBeforeRendering(@TempDir Path dir) throws Exception {
    Path output = Files.writeString(dir.resolve("output"), "not a folder");
    Cli r = render(output);
    assertEquals(2, r.code(), r.printed());
    assertTrue(
        r.err()
            .contains("Cannot publish to " + output + ": " + output + " is a file, not a folder."),
        r.err());
    assertNothingRendered(r);
    assertEquals("not a folder", Files.readString(output), "the file is left as it was");
  }

  @Test
  void aFolderOfOtherFilesIsNeverTakenOver(@TempDir Path dir) throws Exception {
    Path notes =
        Files.writeString(
            Files.createDirectories(dir.resolve("mine/2026")).resolve("notes.txt"), "mine");
    Cli r = render(dir.resolve("mine"));
    assertEquals(2, r.code(), r.printed());
    assertTrue(
        r.err()
            .contains(
                "Cannot publish to "
                    + dir.resolve("mine")
                    + ": it holds files but"
                    + " no manifest.json ("
                    + notes
                    + "), so it is not a folder this tool published to"),
        r.err());
    assertNothingRendered(r);
    assertFalse(Files.isSymbolicLink(dir.resolve("mine")), "the folder is left where it was");
    assertEquals("mine", Files.readString(notes));
  }

  @Test
  void aFolderThatCannotBeCreatedIsRefusedBeforeRendering() {
    // /proc takes no new folders from anyone, root included (CI runs as root, for whom a folder of
    // mode r-x is still writable).
    Path nowhere = Path.of("/proc/notice-publisher-test/output");
    Cli r = render(nowhere);
    assertEquals(2, r.code(), r.printed());
    assertTrue(
        r.err()
            .contains(
                "Cannot publish to "
                    + nowhere
                    + ": the folder "
                    + nowhere.resolveSibling(".output.publish")
                    + " cannot be created ("),
        r.err());
    assertNothingRendered(r);
  }

  @Test
  void aCorruptManifestIsRefusedWithHowToRepairIt(@TempDir Path dir) throws Exception {
    Path output = Files.createDirectories(dir.resolve("output"));
    Files.writeString(output.resolve("manifest.json"), "{\"files\": [\n  {\"path\": \"a.pdf\",\n");
    Cli r = render(output);
    assertEquals(1, r.code(), r.printed());
    assertTrue(
        r.err()
            .contains(
                output.resolve("manifest.json")
                    + ":3: error [manifest-unreadable]"
                    + " the manifest is not valid JSON"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "(fix: restore manifest.json from a backup, or move "
                    + output
                    + " aside and render every notice again"),
        r.err());
    assertNothingRendered(r);
    assertTrue(Files.isDirectory(output.resolve("manifest.json").getParent()));
  }

  @Test
  void aBusyOutputIsRefusedWhenNotToWaitNamingTheHolder(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("output");
    try (Publisher holder =
        Publisher.open(
            output, new Publisher.Options("web service's publish", Duration.ZERO, m -> {}))) {
      Cli r = render(output, "--wait", "0");
      assertEquals(1, r.code(), r.printed());
      assertTrue(
          r.err()
              .contains(
                  "error: The output folder is in use by the web service's publish"
                      + " started by PID "
                      + ProcessHandle.current().pid()),
          r.err());
      assertNothingRendered(r);
    }
  }

  @Test
  void aFileChangedBehindTheManifestIsNamedAndRepublished(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("output");
    assertEquals(0, render(output).code());
    Path pdf = output.resolve("standard/en-GB/standard.en-GB.pdf");
    byte[] good = Files.readAllBytes(pdf);
    Files.writeString(pdf, "edited by hand");
    Cli r = render(output);
    assertEquals(0, r.code(), r.printed());
    assertTrue(
        r.err()
            .contains(
                "The output folder had changed since it was published:\n  "
                    + pdf
                    + ": warning [file-changed] the file's bytes are not the ones verified"),
        r.err());
    assertTrue(r.err().contains("was kept as " + dir.resolve(".output.publish/kept-")), r.err());
    assertEquals(Sha256.hex(good), Sha256.hex(Files.readAllBytes(pdf)), "verified copy published");
    PublishedOutput.assertConsistent(output, "after the render");
  }
}
