package org.noticepublisher.xliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;

/** status: one line per locale and variant, counting what a translator must act on. */
class TranslationStatusTest {

  @Test
  void countsMissingStaleAndPluralGapsPerVariant(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path pl = project.resolve("locales/pl.properties");
    // Missing: a standard-only paragraph goes; stale: shared intro sentence; gap: few and many.
    String text = Files.readString(pl);
    Files.writeString(
        pl,
        text.replaceFirst("(?m)^other-notices\\.p\\.1 = .*\\n", "")
            .replace(
                "one {# minuty} few {# minut} many {# minut} other {# minuty}",
                "one {# minuty} other {# minuty}"));
    Fixtures.edit(
        project.resolve("locales/en-GB.properties"),
        "Registration number {icoRegistration}.",
        "Our registration number is {icoRegistration}.");
    Path out = dir.resolve("out");
    Cli r = Cli.run("status", "-p", project.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.printed());
    String standard =
        r.out().lines().filter(l -> l.startsWith("pl      standard")).findFirst().orElseThrow();
    assertEquals(
        "pl      standard                         141        140       1     1           1  draft",
        standard);
    String consultation =
        r.out().lines().filter(l -> l.startsWith("pl      consultation")).findFirst().orElseThrow();
    assertEquals(
        "pl      consultation                     150        150       0     1           1  draft",
        consultation);
    Document page = Jsoup.parse(out.resolve("status.html").toFile());
    assertEquals("en-GB", page.selectFirst("html").attr("lang"));
    assertTrue(page.selectFirst("table > caption") != null);
    assertEquals(8, page.select("thead th[scope=col]").size());
    assertEquals(33, page.select("tbody th[scope=row]").size());
    assertEquals(
        "1",
        page.select("tbody tr").get(18).select("td").get(3).text(),
        "pl standard missing: " + page.select("tbody tr").get(18));
  }

  /** The published folder holds verified notices only: a page written there would be taken out. */
  @Test
  void neitherStatusNorXliffWriteIntoThePublishedFolder(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path output = dir.resolve("output");
    Cli render =
        Cli.run(
            "render",
            "-v",
            "consultation",
            "-l",
            "ro",
            "-p",
            project.toString(),
            "-o",
            output.toString());
    assertEquals(0, render.code(), render.printed());
    Cli status = Cli.run("status", "-p", project.toString(), "-o", output.toString());
    assertEquals(2, status.code(), status.printed());
    assertTrue(status.err().contains("is the published output folder"), status.printed());
    Cli xliff =
        Cli.run(
            "xliff",
            "export",
            "-l",
            "ro",
            "--no-pages",
            "-p",
            project.toString(),
            "-o",
            output.resolve("xliff").toString());
    assertEquals(2, xliff.code(), xliff.printed());
    assertTrue(
        Files.notExists(output.resolve("status.html")) && Files.notExists(output.resolve("xliff")),
        "nothing written into the publication");
    Cli again =
        Cli.run(
            "render",
            "-v",
            "consultation",
            "-l",
            "ro",
            "-p",
            project.toString(),
            "-o",
            output.toString());
    assertEquals(0, again.code(), again.printed());
    assertTrue(!again.printed().contains("had changed since it was published"), again.printed());
  }
}
