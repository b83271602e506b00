package org.noticepublisher.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.PublishedOutput;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;

/** The publishing session: file modes, the lock, and what it does with an output changed behind. */
class PublisherTest {
  private static final String PDF = "standard/en-GB/standard.en-GB.pdf";
  private static final String HTML = "standard/en-GB/standard.en-GB.html";

  private static Publication english() {
    return Fixtures.produced("standard", "en-GB");
  }

  private static Publication polish() {
    return Fixtures.produced("standard", "pl");
  }

  private static Path published(Path dir, Publication... ps) throws Exception {
    Path output = dir.resolve("output");
    try (Publisher publisher = Publisher.open(output)) {
      publisher.publish(List.of(ps));
    }
    return output;
  }

  /** What any program's new file gets here (0644 under umask 022), not a temp file's 0600. */
  private static Set<PosixFilePermission> umaskMode(Path dir) throws Exception {
    Path probe = Files.createDirectories(dir.resolve("probe")).resolve("file");
    try (OutputStream out = Files.newOutputStream(probe)) {
      out.write(1);
    }
    return Files.getPosixFilePermissions(probe);
  }

  @Test
  void publishedFilesGetTheModeTheUmaskGives(@TempDir Path dir) throws Exception {
    Set<PosixFilePermission> expected = umaskMode(dir);
    assertTrue(
        expected.contains(PosixFilePermission.OTHERS_READ),
        "this test needs a umask that lets others read, such as 022: " + expected);
    Path output = published(dir, english());
    try (Publisher publisher = Publisher.open(output)) {
      publisher.publish(polish()); // shared and new files alike
    }
    for (String file :
        List.of(PDF, HTML, "standard/pl/standard.pl.pdf", "manifest.json", "index.html")) {
      assertEquals(
          PosixFilePermissions.toString(expected),
          PosixFilePermissions.toString(Files.getPosixFilePermissions(output.resolve(file))),
          file);
    }
  }

  @Test
  void aFolderFromBeforeIsTakenOverWithItsFilesAndGetsReadableModes(@TempDir Path dir)
      throws Exception {
    Path output = published(dir.resolve("first"), english());
    Path plain = dir.resolve("output");
    Files.createDirectories(plain.resolve("standard/en-GB"));
    for (String file : List.of(PDF, HTML, "manifest.json", "index.html")) {
      Files.copy(output.resolve(file), plain.resolve(file));
      Files.setPosixFilePermissions(
          plain.resolve(file), PosixFilePermissions.fromString("rw-------"));
    }
    try (Publisher publisher = Publisher.open(plain)) {
      assertEquals(List.of(), publisher.findings());
    }
    assertTrue(Files.isSymbolicLink(plain), "the folder is now a link to a generation");
    PublishedOutput.assertConsistent(plain, "taken over");
    assertArrayEquals(
        english().pdf().orElseThrow().bytes(), Files.readAllBytes(plain.resolve(PDF)));
    assertEquals(
        umaskMode(dir),
        Files.getPosixFilePermissions(plain.resolve(PDF)),
        "the 0600 of files published before is not kept");
  }

  @Test
  void aSecondSessionWaitsForTheFirstAndSaysForWhom(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("output");
    AtomicBoolean firstClosed = new AtomicBoolean();
    CountDownLatch secondWaits = new CountDownLatch(1);
    String[] told = new String[1];
    CompletableFuture<Boolean> second;
    try (Publisher first = Publisher.open(output, Publisher.Options.of("render"))) {
      second =
          CompletableFuture.supplyAsync(
              () -> {
                Publisher.Options options =
                    new Publisher.Options(
                        "web service",
                        Duration.ofMinutes(2),
                        message -> {
                          told[0] = message;
                          secondWaits.countDown();
                        });
                try (Publisher p = Publisher.open(output, options)) {
                  boolean afterFirst = firstClosed.get();
                  p.publish(polish());
                  return afterFirst;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertTrue(secondWaits.await(2, TimeUnit.MINUTES), "the second session says it waits");
      first.publish(english());
      firstClosed.set(true);
    }
    assertTrue(second.get(2, TimeUnit.MINUTES), "the second session ran only after the first");
    assertTrue(
        told[0].startsWith(
            "waiting for the render started by PID " + ProcessHandle.current().pid() + " at "),
        told[0]);
    Map<String, JsonNode> listed = PublishedOutput.assertConsistent(output, "after both");
    assertTrue(
        listed.containsKey(PDF) && listed.containsKey("standard/pl/standard.pl.pdf"),
        "both sessions' notices are published: " + listed.keySet());
  }

  @Test
  void aSessionThatMayNotWaitGivesUpNamingTheHolder(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("output");
    try (Publisher first = Publisher.open(output, Publisher.Options.of("render"))) {
      OutputBusyException e =
          assertThrows(
              OutputBusyException.class,
              () ->
                  Publisher.open(
                      output, new Publisher.Options("web service", Duration.ZERO, message -> {})));
      assertTrue(
          e.getMessage()
              .contains("in use by the render started by PID " + ProcessHandle.current().pid()),
          e.getMessage());
    }
    try (Publisher again =
        Publisher.open(
            output, new Publisher.Options("web service", Duration.ZERO, message -> {}))) {
      assertEquals(output, again.output(), "the lock is free once the first session closed");
    }
  }

  @Test
  void anUnreadableManifestIsRefusedAndNothingIsChanged(@TempDir Path dir) throws Exception {
    Path output = published(dir, english());
    byte[] pdf = Files.readAllBytes(output.resolve(PDF));
    String broken = Files.readString(output.resolve("manifest.json")).replaceFirst("\\]", "");
    Files.writeString(output.resolve("manifest.json"), broken);
    FindingsException e = assertThrows(FindingsException.class, () -> Publisher.open(output));
    Finding f = e.findings().get(0);
    assertEquals(output.resolve("manifest.json").toString(), f.source());
    assertTrue(f.line() > 1, "the line of the JSON error: " + f);
    assertTrue(f.message().contains("not valid JSON"), f.toString());
    assertTrue(f.fix().contains("render every notice again"), f.toString());
    assertEquals(broken, Files.readString(output.resolve("manifest.json")), "manifest untouched");
    assertArrayEquals(pdf, Files.readAllBytes(output.resolve(PDF)), "files untouched");
  }

  @Test
  void aManifestWithoutUsableEntriesIsRefusedToo(@TempDir Path dir) throws Exception {
    Path output = published(dir, english());
    for (String text :
        List.of(
            "[]",
            "{\"files\":[{\"path\":\"../../etc/passwd\",\"sha256\":\"x\"," + "\"bytes\":1}]}",
            "{\"files\":[{\"path\":\"" + PDF + "\"}]}")) {
      Files.writeString(output.resolve("manifest.json"), text);
      FindingsException e = assertThrows(FindingsException.class, () -> Publisher.open(output));
      assertEquals("manifest-unreadable", e.findings().get(0).code(), text);
    }
  }

  @Test
  void aManifestEntryOfTheWrongShapeIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    Path output = published(dir, english());
    String manifest = Files.readString(output.resolve("manifest.json"));
    // The first entry's size, on its own line of the pretty-printed file, made a word.
    String broken = manifest.replaceFirst("\"bytes\" : \\d+", "\"bytes\" : \"many\"");
    int line = broken.substring(0, broken.indexOf("\"many\"")).split("\n", -1).length;
    Files.writeString(output.resolve("manifest.json"), broken);

    FindingsException e = assertThrows(FindingsException.class, () -> Publisher.open(output));

    Finding f = e.findings().get(0);
    assertEquals(
        output.resolve("manifest.json")
            + ":"
            + line
            + ": error [manifest-unreadable] "
            + "the manifest is not in the form this version writes",
        f.toString().split(" \\(")[0]);
    assertTrue(f.fix().startsWith("restore manifest.json from a backup"), f.toString());
    assertEquals(broken, Files.readString(output.resolve("manifest.json")), "manifest untouched");
  }

  @Test
  void filesChangedBehindTheManifestAreLeftOutAndReported(@TempDir Path dir) throws Exception {
    Publication children = Fixtures.produced("children-and-young-people", "en-GB");
    Path output = published(dir, english(), polish(), children);
    Files.delete(output.resolve(HTML));
    byte[] pdf = Files.readAllBytes(output.resolve("standard/pl/standard.pl.pdf"));
    pdf[pdf.length / 2] ^= 1; // same size: only the hash tells
    Files.write(output.resolve("standard/pl/standard.pl.pdf"), pdf);
    Files.writeString(output.resolve("standard/pl/notes.txt"), "dropped in by hand");
    List<Finding> findings;
    try (Publisher publisher = Publisher.open(output)) {
      findings = publisher.findings();
    }
    String all = findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    assertEquals(
        Map.of(
            "manifest-entry-removed", List.of(output.resolve(HTML).toString()),
            "file-changed", List.of(output.resolve("standard/pl/standard.pl.pdf").toString()),
            "file-not-listed", List.of(output.resolve("standard/pl/notes.txt").toString()),
            "file-unpaired",
                List.of(
                    output.resolve(PDF).toString(),
                    output.resolve("standard/pl/standard.pl.html").toString()),
            "output-kept", List.of("")),
        findings.stream()
            .collect(
                Collectors.groupingBy(
                    Finding::code, Collectors.mapping(Finding::source, Collectors.toList()))),
        all);
    Map<String, JsonNode> listed = PublishedOutput.assertConsistent(output, "after the check");
    assertEquals(
        Set.of(
            "children-and-young-people/en-GB/children-and-young-people.en-GB.pdf",
            "children-and-young-people/en-GB/children-and-young-people.en-GB.html"),
        listed.keySet(),
        "the notice left whole stays published");
    Path kept =
        Path.of(
            findings.stream()
                .filter(f -> f.code().equals("output-kept"))
                .findFirst()
                .orElseThrow()
                .message()
                .replaceFirst(".* kept as ", ""));
    assertTrue(
        Files.exists(kept.resolve("standard/pl/notes.txt")),
        "the left-out files are kept: " + kept);
    assertArrayEquals(pdf, Files.readAllBytes(kept.resolve("standard/pl/standard.pl.pdf")));
    assertTrue(Files.exists(kept.resolve(PDF)), "the kept folder is what readers saw before");
  }

  @Test
  void aReaderOfTheFolderSeesOneWholeGenerationWhilePublishingGoesOn(@TempDir Path dir)
      throws Exception {
    Path output = published(dir, english());
    Path seen = output.toRealPath(); // a reader (a download) that started before the next publish
    try (Publisher publisher = Publisher.open(output)) {
      publisher.publish(polish());
      assertEquals(
          Set.of(PDF, HTML),
          PublishedOutput.assertConsistent(seen, "the reader's").keySet(),
          "the reader's generation is still whole, without the new notice");
      assertEquals(4, PublishedOutput.assertConsistent(output, "the new").size());
      publisher.publish(english());
    }
    assertFalse(Files.exists(seen), "generations older than the previous one are cleaned up");
  }

  @Test
  void anInterruptedSessionLeavesNothingBehindForTheNext(@TempDir Path dir) throws Exception {
    Path output = published(dir, english());
    Path store = dir.resolve(".output.publish");
    // What a session killed while building a generation leaves behind.
    Files.createDirectories(store.resolve(".staging-000099/standard/en-GB"));
    Files.writeString(store.resolve(".staging-000099/standard/en-GB/standard.en-GB.pdf"), "half");
    try (Publisher publisher = Publisher.open(output)) {
      publisher.publish(polish());
    }
    PublishedOutput.assertConsistent(output, "after the next session");
    try (Stream<Path> left = Files.list(store)) {
      List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
      assertFalse(names.stream().anyMatch(n -> n.startsWith(".")), names.toString());
      assertEquals(3, names.size(), "two generations and the lock file: " + names);
    }
  }

  @Test
  void onlyVerifiedPublicationsArePublished(@TempDir Path dir) {
    Publication failed =
        new Publication(
            new NoticeId("standard", "en-GB"),
            Layout.DEFAULT,
            english().notice(),
            java.util.Optional.empty(),
            english().verdict(),
            english().reading(),
            english().timings(),
            english().sources());
    assertThrows(
        IllegalArgumentException.class,
        () -> {
          try (Publisher p = Publisher.open(dir.resolve("output"))) {
            p.publish(failed);
          }
        });
  }
}
