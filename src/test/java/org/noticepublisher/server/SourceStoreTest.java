package org.noticepublisher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Fixtures;
import org.noticepublisher.publish.SourcesLock;

/** Writes to the sources: the status line, waiting for the sources' lock, commits by the user. */
class SourceStoreTest {
  private static final User TOMASZ = new User("tomasz", Role.TRANSLATOR, List.of("pl"), "x");

  @Test
  void theStatusLineIsReplacedOrAdded() {
    String[][] cases = {
      {
        "a = b\nbundle.status = reviewed\nc = d\n", "draft", "a = b\nbundle.status = draft\nc = d\n"
      },
      {"bundle.status=draft\n", "reviewed", "bundle.status=reviewed\n"},
      {"  bundle.status : draft  \nx = y", "reviewed", "  bundle.status : reviewed\nx = y"},
      {"a = b\n", "draft", "bundle.status = draft\na = b\n"},
      {
        "# bundle.status = reviewed\na = b\n",
        "draft",
        "bundle.status = draft\n# bundle.status = reviewed\na = b\n"
      },
    };
    for (String[] c : cases) {
      assertEquals(c[2], SourceStore.withStatus(c[0], c[1]), c[0]);
    }
  }

  @Test
  void aSaveWaitsForTheSourcesLockAndIsRefusedWhenItTakesTooLong(@TempDir Path temp)
      throws Exception {
    Path project = Fixtures.copyOfProject(temp);
    try (Git git = Git.init().setDirectory(project.toFile()).call()) {
      git.add().addFilepattern(".").call();
      PersonIdent seed = new PersonIdent("Seed", "seed@example.invalid");
      git.commit().setAuthor(seed).setCommitter(seed).setMessage("Initial").call();
    }
    SourceStore store = new SourceStore(project, Duration.ofMillis(300));
    Path bundle = project.resolve("locales/pl.properties");
    String before = Files.readString(bundle);
    // What the CLI's xliff import holds while it writes (another process, or this one).
    try (SourcesLock importing =
        SourcesLock.acquire(project, "xliff import of pl.xlf", Duration.ZERO, message -> {})) {
      SourceStore.BusyException busy =
          assertThrows(
              SourceStore.BusyException.class,
              () -> store.saveDraft("pl", before + "\n# later\n", TOMASZ));
      assertTrue(busy.getMessage().contains("Try again"), busy.getMessage());
      assertTrue(
          busy.getMessage().contains("xliff import of pl.xlf started by PID "), busy.getMessage());
      assertEquals(before, Files.readString(bundle), "nothing written while importing");
    }

    SourceStore.Saved saved = store.saveDraft("pl", before + "\n# later\n", TOMASZ);
    assertTrue(saved.commit().isPresent(), saved.note());
    try (Git git = Git.open(project.toFile())) {
      RevCommit last = git.log().setMaxCount(1).call().iterator().next();
      assertEquals("tomasz", last.getAuthorIdent().getName());
      List<SourceStore.Change> history = store.history(List.of("locales/pl.properties"), 5);
      assertEquals(2, history.size(), history.toString());
      assertEquals("locales/pl.properties: draft saved by tomasz", history.get(0).message());
      assertEquals("tomasz", history.get(0).author());
    }
    assertTrue(Files.readString(bundle).endsWith("# later\n"));
    try (var files = Files.list(project.resolve("locales"))) {
      assertTrue(
          files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")),
          "no temporary files left");
    }
  }
}
