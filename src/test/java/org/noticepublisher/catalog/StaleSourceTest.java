package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.catalog.internal.WordDiff;

/** A translation made from English that changed since is reported, per key, with a word diff. */
class StaleSourceTest {
  private static final String OLD = "Registration number {icoRegistration}.";
  private static final String NEW = "Our registration number is {icoRegistration}.";

  @Test
  void everyShippedTranslationHasABasisAndNoneIsStale() throws Exception {
    Catalog catalog = Fixtures.pipeline().catalog();
    for (String locale : List.of("ar", "fa", "ko", "pl", "ro", "uk", "ur")) {
      SourceBasis basis = catalog.basis(locale).orElseThrow();
      assertTrue(basis.recorded(), locale + " has " + basis.file());
      assertEquals(List.of(), List.copyOf(catalog.stale(locale).keySet()), locale);
    }
    assertFalse(
        catalog.locales().stream().anyMatch(l -> l.contains("basis")),
        "basis files are not locales: " + catalog.locales());
  }

  @Test
  void wordDiffMarksRemovedAndAddedWords() {
    assertEquals(
        "[-Registration-] {+Our registration+} number {+is+} {icoRegistration}.",
        WordDiff.of(OLD, NEW));
    assertEquals("same words", WordDiff.of("same words", "same  words"));
    assertEquals("{+new+}", WordDiff.of("", "new"));
  }

  @Test
  void changedEnglishMakesTheKeyStaleUntilAccepted(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(project.resolve("locales/en-GB.properties"), OLD, NEW);
    Cli lint = Cli.run("lint", "-p", project.toString());
    assertEquals(0, lint.code(), "stale in a draft is a warning: " + lint.printed());
    int line = lineOf(project.resolve("locales/pl.properties"), "intro.p.2 =");
    assertTrue(
        lint.out()
            .contains(
                "pl.properties:"
                    + line
                    + ": warning [intro.p.2] stale: the "
                    + "English changed since this was translated: {organisation} is registered as a data "
                    + "controller with the Information Commissioner’s Office (ICO). [-Registration-] "
                    + "{+Our registration+} number {+is+} {icoRegistration}. (fix: update the translation to "
                    + "the new English, then: lint --accept intro.p.2 -l pl)"),
        lint.out());
    long staleKeys = lint.out().lines().filter(l -> l.contains("[intro.p.2] stale")).count();
    assertEquals(11, staleKeys, "one per translated locale");

    Fixtures.edit(
        project.resolve("locales/pl.properties"),
        "bundle.status = draft",
        "bundle.status = reviewed");
    Cli reviewed = Cli.run("lint", "-p", project.toString());
    assertEquals(1, reviewed.code(), reviewed.printed());
    assertTrue(reviewed.out().contains(": error [intro.p.2] stale"), reviewed.out());

    Cli accept =
        Cli.run(
            "lint",
            "-p",
            project.toString(),
            "--accept",
            "intro.p.2",
            "consultation.intro.p.3",
            "-l",
            "pl");
    assertEquals(0, accept.code(), accept.printed());
    assertFalse(
        accept.out().matches("(?s).*pl\\.properties:\\d+: \\w+ \\[[^]]+\\] stale.*"), accept.out());
    assertTrue(
        Files.readString(project.resolve("locales/pl.basis.properties"))
            .contains(
                "intro.p.2 = {organisation} is registered as a data controller with the "
                    + "Information Commissioner’s Office (ICO). "
                    + NEW
                    + "\n"));
    assertTrue(accept.out().contains("ar.properties:"), "other locales stay stale");
  }

  @Test
  void aBundleWithoutBasisIsToldHowToRecordOne(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Files.delete(project.resolve("locales/ko.basis.properties"));
    Cli lint = Cli.run("lint", "-p", project.toString());
    assertTrue(
        lint.out().contains("ko.basis.properties: warning [basis] no record of the English"),
        lint.out());
    assertTrue(lint.out().contains("lint --accept-all -l ko"), lint.out());
    Cli record = Cli.run("lint", "-p", project.toString(), "--accept-all", "-l", "ko");
    assertEquals(0, record.code(), record.printed());
    assertEquals(
        Files.readString(Fixtures.PROJECT.resolve("locales/ko.basis.properties")),
        Files.readString(project.resolve("locales/ko.basis.properties")),
        "recording again gives the committed file");
  }

  @Test
  void acceptNeedsALocaleAndAKnownKey(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    assertEquals(2, Cli.run("lint", "-p", project.toString(), "--accept-all").code());
    assertEquals(
        2, Cli.run("lint", "-p", project.toString(), "--accept", "no.such", "-l", "pl").code());
    assertEquals(
        2, Cli.run("lint", "-p", project.toString(), "--accept-all", "-l", "en-GB").code());
  }

  @Test
  void renderNamesStaleKeysAndTheManifestMarksTheNotice(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(project.resolve("locales/en-GB.properties"), OLD, NEW);
    Path out = dir.resolve("out");
    Cli render =
        Cli.run(
            "render", "-p", project.toString(), "-o", out.toString(), "-v", "standard", "-l", "pl");
    assertEquals(0, render.code(), render.printed());
    assertTrue(
        render.out().contains("stale: 1 translations made from older English: intro.p.2"),
        render.out());
    JsonNode pdf =
        new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("files").get(0);
    assertEquals("stale", pdf.path("translation").asText());
    assertEquals("intro.p.2", pdf.path("stale").get(0).asText());
    assertTrue(Files.readString(out.resolve("index.html")).contains("stale (1)"));
  }

  private static int lineOf(Path file, String start) throws Exception {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError(start);
  }
}
