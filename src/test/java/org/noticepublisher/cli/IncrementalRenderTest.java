package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;

/**
 * A render redoes only the notices whose sources changed since they were published, and writes
 * nothing for the others: one project copy, edited step by step, rendered after each edit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRenderTest {
  private static final Pattern PROGRESS =
      Pattern.compile("(?m)^\\[ *\\d+/\\d+\\] (\\S+) \\(a4\\)\\s+(ok|unchanged|FAILED)");
  private static final List<String> ALL =
      List.of(
          "standard/en-GB",
          "standard/pl",
          "standard/en-XA",
          "consultation/en-GB",
          "consultation/pl",
          "consultation/en-XA");

  private static final Path GENERATION = Path.of("(generation shown)");

  @TempDir static Path dir;

  private static Path project() {
    return dir.resolve("project");
  }

  private static Path output() {
    return dir.resolve("output");
  }

  @Test
  @Order(1)
  void theFirstRenderMakesEveryNotice() {
    Fixtures.copyOfProject(project());
    assertEquals(ALL, rendered(render()));
  }

  @Test
  @Order(2)
  void nothingChangedRewritesNoFile() throws Exception {
    Map<Path, String> before = snapshot();
    Cli r = render();
    assertEquals(List.of(), rendered(r));
    assertEquals(ALL, statuses(r, "unchanged"));
    assertTrue(r.out().contains("All 6 notices in"), r.out());
    assertEquals(before, snapshot(), "no file written, moved or touched (inode, mtime, size)");
    assertTrue(before.size() > 12, "6 notices × 2 files, manifest, index: " + before.keySet());
  }

  @Test
  @Order(3)
  void aChangedPolishMessageRebuildsExactlyThePolishNotices() throws Exception {
    Map<Path, String> before = snapshot();
    Fixtures.edit(
        project().resolve("locales/pl.properties"),
        "security.heading = Bezpieczeństwo Państwa informacji",
        "security.heading = Bezpieczeństwo informacji");
    Cli r = render();
    assertEquals(List.of("standard/pl", "consultation/pl"), rendered(r));
    String pdf = Files.readString(output().resolve("standard/pl/standard.pl.html"));
    assertTrue(pdf.contains("Bezpieczeństwo informacji"), "the new text is published");
    Map<Path, String> after = snapshot();
    for (Path f : before.keySet()) {
      boolean polish =
          f.toString().contains("/pl/")
              || f.toString().endsWith(".json")
              || f.toString().endsWith("index.html")
              || f.equals(GENERATION);
      if (!polish) {
        assertEquals(before.get(f), after.get(f), f + " untouched");
      }
    }
    assertNotEquals(
        before.get(Path.of("standard/pl/standard.pl.pdf")),
        after.get(Path.of("standard/pl/standard.pl.pdf")));
  }

  @Test
  @Order(4)
  void anEnglishChangeRebuildsEveryNoticeThatReadsEnglish() {
    // Every locale falls back to en-GB and shows its English draft note; pseudo-locales are made
    // from it: all six read it.
    Fixtures.edit(
        project().resolve("locales/en-GB.properties"),
        "security.heading = Keeping your information secure",
        "security.heading = Keeping your information safe");
    assertEquals(ALL, rendered(render()));
  }

  @Test
  @Order(5)
  void aVariantChangeRebuildsOnlyThatVariant() {
    Fixtures.edit(
        project().resolve("templates/variants/consultation.properties"),
        "# The notice for public consultations and surveys.",
        "# The notice for public consultations and surveys (reviewed).");
    assertEquals(
        List.of("consultation/en-GB", "consultation/pl", "consultation/en-XA"), rendered(render()));
  }

  @Test
  @Order(6)
  void aPublishedFileChangedByHandIsMadeAgain() throws Exception {
    Path pdf = output().resolve("standard/en-XA/standard.en-XA.pdf");
    byte[] good = Files.readAllBytes(pdf);
    Files.write(pdf, new byte[] {'%', 'P', 'D', 'F'});
    assertEquals(List.of("standard/en-XA"), rendered(render()));
    assertEquals(good.length, Files.readAllBytes(pdf).length, "the published PDF restored");
  }

  @Test
  @Order(7)
  void forceRebuildsEverything() {
    assertEquals(ALL, rendered(render("--force")));
  }

  /**
   * Both PDF standards published side by side share the HTML twin; neither re-renders the other.
   */
  @Test
  @Order(100)
  void bothStandardsSideBySideStayUnchanged(@TempDir Path own) {
    Path project = Fixtures.copyOfProject(own.resolve("project"));
    String[] one = {
      "render",
      "-v",
      "consultation",
      "-l",
      "en-GB",
      "-p",
      project.toString(),
      "-o",
      own.resolve("output").toString()
    };
    String[] ua2 =
        Stream.concat(Stream.of(one), Stream.of("--standard", "ua2")).toArray(String[]::new);
    for (String[] args : List.of(one, ua2)) {
      Cli first = Cli.run(args);
      assertEquals(0, first.code(), first.printed());
    }
    for (String[] args : List.of(one, ua2)) {
      Cli again = Cli.run(args);
      assertEquals(0, again.code(), again.printed());
      assertTrue(
          again.out().contains("consultation/en-GB (a4") && again.out().contains("unchanged"),
          "nothing changed, so nothing is rendered again: " + again.out());
    }
  }

  private static Cli render(String... more) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "render",
                    "-v",
                    "standard,consultation",
                    "-l",
                    "en-GB,pl,en-XA",
                    "--project",
                    project().toString(),
                    "--output",
                    output().toString()),
                Stream.of(more))
            .toArray(String[]::new);
    Cli r = Cli.run(args);
    assertEquals(0, r.code(), r.printed());
    return r;
  }

  /** The notices rendered (and published) by this run, in the order reported. */
  private static List<String> rendered(Cli r) {
    List<String> unchanged = statuses(r, "unchanged");
    List<String> all = statuses(r, null);
    assertEquals(ALL, all, "every notice has a progress line, in matrix order:\n" + r.out());
    return all.stream().filter(n -> !unchanged.contains(n)).toList();
  }

  private static List<String> statuses(Cli r, String status) {
    Matcher m = PROGRESS.matcher(r.out());
    List<String> ids = new java.util.ArrayList<>();
    while (m.find()) {
      if (status == null || m.group(2).equals(status)) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /**
   * Every output file's inode, modification time and size, and which generation the output folder
   * (a link) shows.
   */
  private static Map<Path, String> snapshot() throws Exception {
    Map<Path, String> files = new TreeMap<>();
    files.put(
        GENERATION,
        Files.isSymbolicLink(output())
            ? Files.readSymbolicLink(output()).toString()
            : "not a link");
    Path dir = output().toRealPath(); // Files.walk does not enter a link it starts from
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        files.put(
            dir.relativize(f),
            a.fileKey() + " " + a.lastModifiedTime().toMillis() + " " + a.size());
      }
    }
    return files;
  }
}
